import type { ReactElement } from 'react';
import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { App } from 'antd';
import type { StaffDto } from '@xinqiao/shared';
import { staffApi } from '../../api/staff';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { PASSWORD_HINT, passwordRules } from '../../utils/password';

interface Props {
  account: StaffDto;
  trigger: ReactElement;
  onDone: () => void;
}

/** Fresh on every opening: a typed password must not be there when the modal is opened again. */
function ResetPasswordModalBody({ account, trigger, onDone, afterClose }: Props & FreshFormProps) {
  const { message } = App.useApp();

  const onFinish = async ({ password }: { password: string }) => {
    try {
      await staffApi.resetPassword(account.id, password);
    } catch {
      return false;
    }
    void message.success('密码已重置，该账号下次登录时需修改密码');
    onDone();
    return true;
  };

  return (
    <ModalForm<{ password: string }>
      name="resetPassword"
      title={`重置密码：${account.displayName}（${account.username}）`}
      trigger={trigger}
      width={480}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose }}
      submitter={{ searchConfig: { submitText: '重置密码', resetText: '取消' } }}
      onFinish={onFinish}
    >
      <ProFormText.Password
        name="password"
        label="新密码"
        extra={PASSWORD_HINT}
        rules={passwordRules(() => account.username)}
        fieldProps={{ autoComplete: 'new-password' }}
      />
    </ModalForm>
  );
}

export const ResetPasswordModal = withFreshForm(ResetPasswordModalBody);

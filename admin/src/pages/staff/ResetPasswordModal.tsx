import type { ReactElement } from 'react';
import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { App } from 'antd';
import type { StaffDto } from '@xinqiao/shared';
import { staffApi } from '../../api/staff';
import { PASSWORD_HINT, passwordRules } from '../../utils/password';

export function ResetPasswordModal({ account, trigger, onDone }: { account: StaffDto; trigger: ReactElement; onDone: () => void }) {
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
      modalProps={{ destroyOnHidden: true }}
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

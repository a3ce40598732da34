import type { ReactElement } from 'react';
import { ModalForm, ProForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { App, Form } from 'antd';
import { STAFF_ROLE_LABELS, assignableRoles, type StaffDto, type StaffRole } from '@xinqiao/shared';
import { staffApi } from '../../api/staff';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { PASSWORD_HINT, passwordRules } from '../../utils/password';
import { useOpenSnapshot } from '../../hooks/useOpenSnapshot';
import { labelOptions } from '../../utils/proTable';

interface StaffFormValues {
  username: string;
  displayName: string;
  role: StaffRole;
  regionId: number;
  password: string;
}

interface Props {
  trigger: ReactElement;
  onDone: () => void;
  /** Edit this account; create a new one when absent. */
  account?: StaffDto;
}

function StaffFormModalBody({ trigger, onDone, account: current, afterClose }: Props & FreshFormProps) {
  const me = useStaff();
  const [account, onOpenChange] = useOpenSnapshot(current);
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffFormValues>();
  const roles = assignableRoles(me.role);
  // Keep the account's current role selectable even if the caller could not hand it out.
  const roleKeys = account && !roles.includes(account.role) ? [account.role, ...roles] : roles;

  const onFinish = async (v: StaffFormValues) => {
    try {
      if (account) {
        await staffApi.update(account.id, { displayName: v.displayName.trim(), role: v.role, regionId: v.regionId });
      } else {
        await staffApi.create({ username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, regionId: v.regionId, password: v.password });
      }
    } catch {
      return false;
    }
    void message.success(account ? '账号已更新' : '账号已创建，首次登录时需修改密码');
    onDone();
    return true;
  };

  return (
    <ModalForm<StaffFormValues>
      name="staffAccount"
      form={form}
      title={account ? `编辑账号：${account.username}` : '新建账号'}
      trigger={trigger}
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose }}
      onOpenChange={onOpenChange}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={account ? { displayName: account.displayName, role: account.role, regionId: account.regionId } : { regionId: me.regionId }}
      onFinish={onFinish}
    >
      {account ? null : (
        <ProFormText
          name="username"
          label="用户名"
          placeholder="登录用，以字母开头"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: '用户名以字母开头，3-32 位字母、数字、下划线、点或短横线' },
          ]}
        />
      )}
      <ProFormText name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]} fieldProps={{ maxLength: 64 }} />
      <ProFormSelect name="role" label="角色" options={labelOptions(STAFF_ROLE_LABELS, roleKeys)} rules={[{ required: true, message: '请选择角色' }]} />
      <ProForm.Item name="regionId" label="所属区域" rules={[{ required: true, message: '请选择所属区域' }]}>
        <RegionTreeSelect allowClear={false} />
      </ProForm.Item>
      {account ? null : (
        <ProFormText.Password
          name="password"
          label="初始密码"
          extra={`${PASSWORD_HINT}。首次登录时需修改。`}
          dependencies={['username']}
          rules={passwordRules(() => form.getFieldValue('username') as string | undefined)}
          fieldProps={{ autoComplete: 'new-password' }}
        />
      )}
    </ModalForm>
  );
}

export const StaffFormModal = withFreshForm(StaffFormModalBody);

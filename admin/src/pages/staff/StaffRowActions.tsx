import { App, Button, Popconfirm, Space } from 'antd';
import type { StaffDto } from '@xinqiao/shared';
import { staffApi } from '../../api/staff';
import { isLocked } from '../../utils/staffStatus';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffFormModal } from './StaffFormModal';

interface Props {
  account: StaffDto;
  isSelf: boolean;
  onChanged: () => void;
}

export function StaffRowActions({ account, isSelf, onChanged }: Props) {
  const { message } = App.useApp();

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
    } catch {
      return;
    }
    void message.success(done);
    onChanged();
  };

  return (
    <Space size={0} wrap>
      <StaffFormModal
        account={account}
        onDone={onChanged}
        trigger={
          <Button type="link" size="small">
            编辑
          </Button>
        }
      />
      {isSelf ? null : account.disabled ? (
        <Button type="link" size="small" onClick={() => void run(() => staffApi.update(account.id, { disabled: false }), '账号已启用')}>
          启用
        </Button>
      ) : (
        <Popconfirm
          title={`停用后「${account.displayName}」将无法登录，确定停用？`}
          okText="停用"
          okButtonProps={{ danger: true }}
          onConfirm={() => run(() => staffApi.update(account.id, { disabled: true }), '账号已停用')}
        >
          <Button type="link" size="small" danger>
            停用
          </Button>
        </Popconfirm>
      )}
      {isSelf ? null : (
        <ResetPasswordModal
          account={account}
          onDone={onChanged}
          trigger={
            <Button type="link" size="small">
              重置密码
            </Button>
          }
        />
      )}
      {isLocked(account) ? (
        <Button type="link" size="small" onClick={() => void run(() => staffApi.unlock(account.id), '账号已解锁')}>
          解锁
        </Button>
      ) : null}
    </Space>
  );
}

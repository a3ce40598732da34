import { Button, Space, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { STAFF_ROLE_LABELS } from '@xinqiao/shared';
import { useSession, useStaff } from '../auth/SessionContext';

/** Right side of the header: who is signed in, where, and the way out. */
export function HeaderActions() {
  const staff = useStaff();
  const { logout } = useSession();
  const navigate = useNavigate();

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Space size="middle" data-testid="header-user">
      <Space size={4}>
        <UserOutlined />
        <Typography.Text strong data-testid="header-staff-name">
          {staff.displayName}
        </Typography.Text>
      </Space>
      <Tag color="blue" data-testid="header-role" style={{ marginInlineEnd: 0 }}>
        {STAFF_ROLE_LABELS[staff.role]}
      </Tag>
      <Typography.Text type="secondary" data-testid="header-region">
        {staff.regionName}
      </Typography.Text>
      <Button type="text" icon={<KeyOutlined />} onClick={() => navigate('/change-password')}>
        修改密码
      </Button>
      <Button type="text" icon={<LogoutOutlined />} onClick={() => void onLogout()}>
        退出登录
      </Button>
    </Space>
  );
}

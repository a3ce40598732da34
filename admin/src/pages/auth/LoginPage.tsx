import { useState } from 'react';
import { Alert, Button, Form } from 'antd';
// The two inputs by their own modules: antd's `Input` index also brings TextArea, Search and OTP
// (about 20 KB of script) to the first screen of every session.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/SessionContext';
import { ApiRequestError } from '../../api/client';
import { AuthCard } from './AuthCard';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { staff, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (staff) return <Navigate to={staff.mustChangePassword ? '/change-password' : from} replace />;

  const onFinish = async ({ username, password }: LoginForm) => {
    setError(null);
    setSubmitting(true);
    try {
      const result = await login(username.trim(), password);
      navigate(result.mustChangePassword ? '/change-password' : from, { replace: true });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '登录失败，请稍后重试');
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title="工作人员登录">
      {error ? <Alert type="error" showIcon message={error} className="xq-form-alert" data-testid="login-error" /> : null}
      <Form<LoginForm> name="login" layout="vertical" size="large" requiredMark={false} onFinish={onFinish} autoComplete="on">
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}

import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { passwordChangeProblems, problemMessages, PASSWORD_CHANGE_MESSAGES } from '@xinqiao/shared';
import { Navigate, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/SessionContext';
import { ApiRequestError } from '../../api/client';
import { PASSWORD_HINT, passwordRules } from '../../utils/password';
import { AuthCard } from './AuthCard';

interface ChangePasswordForm {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The forced first-login password change; also reachable from the header to change it any time. */
export default function ChangePasswordPage() {
  const { staff, changePassword, logout } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangePasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (!staff) return <Navigate to="/login" replace />;
  const forced = staff.mustChangePassword;

  const onFinish = async ({ oldPassword, newPassword }: ChangePasswordForm) => {
    setError(null);
    setSubmitting(true);
    try {
      await changePassword(oldPassword, newPassword);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '修改失败，请稍后重试');
      setSubmitting(false);
    }
  };

  const onCancel = async () => {
    if (forced) {
      await logout();
      navigate('/login', { replace: true });
    } else navigate(-1);
  };

  return (
    <AuthCard title="修改密码">
      {forced ? <Alert type="warning" showIcon className="xq-form-alert" message="首次登录或密码已被重置，请先修改密码后再继续使用。" /> : null}
      {error ? <Alert type="error" showIcon className="xq-form-alert" message={error} data-testid="change-password-error" /> : null}
      <Form<ChangePasswordForm> form={form} name="changePassword" layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={PASSWORD_HINT}
          dependencies={['oldPassword']}
          rules={[
            ...passwordRules(() => staff.username),
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                const problems = value ? passwordChangeProblems(String(getFieldValue('oldPassword') ?? ''), value) : [];
                return problems.length ? Promise.reject(new Error(problemMessages(problems, PASSWORD_CHANGE_MESSAGES).join('；'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button onClick={() => void onCancel()}>{forced ? '退出登录' : '返回'}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            确认修改
          </Button>
        </Space>
      </Form>
    </AuthCard>
  );
}

import { useEffect } from 'react';
import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { configureClient } from './client';

/** Connects the framework-free API client to antd messages and the router. Renders nothing. */
export function ClientBridge() {
  const { message } = App.useApp();
  const navigate = useNavigate();

  useEffect(() => {
    configureClient({
      onError: (error) => {
        void message.error(error.message);
      },
      onAuthLost: () => {
        void message.warning({ key: 'auth-lost', content: '登录已失效，请重新登录' });
        navigate('/login', { replace: true });
      },
      onPasswordChangeRequired: () => navigate('/change-password', { replace: true }),
    });
  }, [message, navigate]);

  return null;
}

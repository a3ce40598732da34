import { ConfigProvider } from 'antd';
// The ES build: `antd/locale/zh_CN` is CommonJS and loses nested locales (e.g. Pagination) in Vite.
import zhCN from 'antd/es/locale/zh_CN';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from './auth/SessionContext';
import { AppRoutes } from './routes';

export function App() {
  return (
    // autoInsertSpace off: antd would render "登录" as "登 录", which breaks lookups by button name.
    // CSS variables, no hash: antd builds each component's styles once instead of per token set, the
    // largest part of the first render's script time (one antd version on the page, so no hash needed).
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ cssVar: true, hashed: false, token: { colorPrimary: '#2f6fd6' } }}>
      <BrowserRouter basename="/admin">
        <SessionProvider>
          {/* antd's App and the API error bridge wrap every route but the login page (ConsoleApp). */}
          <AppRoutes />
        </SessionProvider>
      </BrowserRouter>
    </ConfigProvider>
  );
}

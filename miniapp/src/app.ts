import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
// NutUI component styles are imported on demand (babel-plugin-import). Its 24 KB theme file
// (CSS variables + two embedded fonts) is left out: component styles carry defaults, and the
// variables we change are set in app.scss.
// Registers the re-login handler used by the request wrapper.
import './services/auth';
import { initWechatPrivacy } from './services/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initWechatPrivacy();
  });
  return children;
}

export default App;

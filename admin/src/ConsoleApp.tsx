import { App as AntdApp } from 'antd';
import { Outlet } from 'react-router-dom';
import { ClientBridge } from './api/ClientBridge';

/**
 * What every route but the login page runs inside: antd's App (the message, notification and modal
 * that pages reach through `App.useApp()`) and the bridge that shows API errors with it. Loaded on
 * demand: those three bring about 60 KB of script (dialogs, notices, skeletons) that the login page,
 * the first screen of every session, does not use (its one request reports its own errors).
 */
export default function ConsoleApp() {
  return (
    <AntdApp>
      <ClientBridge />
      <Outlet />
    </AntdApp>
  );
}

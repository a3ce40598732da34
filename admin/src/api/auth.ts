import type { StaffDto, StaffLoginResult } from '@xinqiao/shared';
import { api, csrfHeader, data } from './client';

export const authApi = {
  /** Silent: the login page shows wrong-password / locked-account messages inline. */
  login: (username: string, password: string): Promise<StaffLoginResult> =>
    data(api.POST('/auth/staff/login', { body: { username, password, session: 'cookie' }, auth: false, silent: true })),
  /** Ends the session the cookie holds (the server clears the cookies). */
  logout: (): Promise<void> => data(api.POST('/auth/staff/logout', { body: {}, headers: csrfHeader(), auth: false, silent: true })),
  changePassword: (oldPassword: string, newPassword: string): Promise<StaffLoginResult> =>
    data(api.POST('/auth/staff/password', { body: { oldPassword, newPassword }, silent: true })),
  me: (): Promise<StaffDto> => data(api.GET('/auth/staff/me', { silent: true })),
};

import type { StaffDto, StaffLoginResult } from '@xinqiao/shared';
import { csrfHeader, http } from './client';

export const authApi = {
  /** Silent: the login page shows wrong-password / locked-account messages inline. */
  login: (username: string, password: string) =>
    http.post<StaffLoginResult>('/auth/staff/login', { username, password, session: 'cookie' }, { auth: false, silent: true }),
  /** Ends the session the cookie holds (the server clears the cookies). */
  logout: () => http.post<void>('/auth/staff/logout', undefined, { auth: false, silent: true, headers: csrfHeader() }),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<StaffLoginResult>('/auth/staff/password', { oldPassword, newPassword }, { silent: true }),
  me: () => http.get<StaffDto>('/auth/staff/me', undefined, { silent: true }),
};

import type { StaffDto, StaffLoginResult } from '@xinqiao/shared';
import { http } from './client';

export const authApi = {
  /** Silent: the login page shows wrong-password / locked-account messages inline. */
  login: (username: string, password: string) =>
    http.post<StaffLoginResult>('/auth/staff/login', { username, password }, { auth: false, silent: true }),
  logout: (refreshToken: string) => http.post<void>('/auth/staff/logout', { refreshToken }, { silent: true }),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<StaffLoginResult>('/auth/staff/password', { oldPassword, newPassword }, { silent: true }),
  me: () => http.get<StaffDto>('/auth/staff/me', undefined, { silent: true }),
};

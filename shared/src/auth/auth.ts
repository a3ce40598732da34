/** Token payloads and login answers shared by the server and both front ends. */
import type { StaffRole } from '../staff';
import type { ResidentProfile } from '../residents';

export interface StaffTokenClaims {
  sub: number;
  kind: 'staff';
  role: StaffRole;
  regionPath: string;
  /** The account's session version when issued: a password reset, change or disabling bumps it, ending every session at once. */
  ver: number;
}

export interface ResidentTokenClaims {
  sub: number;
  kind: 'resident';
}

export interface ResidentLoginResult {
  accessToken: string;
  expiresIn: number;
  resident: ResidentProfile;
}

/** Staff sign-in. `cookie` (browsers): the refresh token is set as an HttpOnly cookie and left out of the answer. */
export interface StaffLoginInput {
  username: string;
  password: string;
  session?: 'token' | 'cookie';
}

/** Refresh or log out a staff session; the token is omitted when the session is kept in the cookie. */
export interface RefreshInput {
  refreshToken?: string;
}

export interface ChangePasswordInput {
  oldPassword: string;
  newPassword: string;
}

/** A resident's sign-in with the code of wx.login / Taro.login. */
export interface WechatLoginInput {
  code: string;
}

/** Sign-in as any openid, on development servers only. */
export interface DevLoginInput {
  openid: string;
}

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

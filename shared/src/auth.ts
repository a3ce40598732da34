/** Token payloads and login answers shared by the server and both front ends. */
import type { StaffRole } from './staff';
import type { ResidentProfile } from './people';

export interface StaffTokenClaims {
  sub: number;
  kind: 'staff';
  role: StaffRole;
  regionPath: string;
  /** Set while the first-login password change is pending: only that endpoint is allowed. */
  pwd?: true;
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

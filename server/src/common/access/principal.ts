import type { StaffRole } from '@xinqiao/shared';

export interface StaffPrincipal {
  kind: 'staff';
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  regionId: number;
  regionPath: string;
}

export interface ResidentPrincipal {
  kind: 'resident';
  id: number;
  /** The resident's region as of the token check (null until they choose one); decides what content applies to them. */
  regionPath: string | null;
}

export type Principal = StaffPrincipal | ResidentPrincipal;

/** What the auth guard attaches to the request. */
export interface AuthedRequest {
  principal?: Principal;
  ip: string;
  id: string;
  headers: Record<string, string | string[] | undefined>;
}

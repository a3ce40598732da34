import type { Principal } from './principal';

/**
 * Checks a bearer token and answers who it belongs to, for the access guard. The auth module
 * provides it; `common` names only the contract.
 */
export interface Authenticator {
  authenticate(token: string): Promise<{ principal: Principal; mustChangePassword: boolean }>;
}

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');

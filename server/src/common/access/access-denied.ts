import type { ExecutionContext } from '@nestjs/common';
import type { AppException } from '../errors/app-exception';

/**
 * Told by the access guard when a signed-in caller is refused a route, so refused attempts at
 * personal data leave a trace too. The audit module provides it; `common` names only the contract.
 */
export interface AccessDeniedListener {
  denied(ctx: ExecutionContext, refusal: AppException): Promise<void>;
}

export const ACCESS_DENIED_LISTENER = Symbol('ACCESS_DENIED_LISTENER');

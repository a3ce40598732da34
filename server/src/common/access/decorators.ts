import { createParamDecorator, ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Permission } from '@xinqiao/shared';
import type { AuthedRequest, Principal, ResidentPrincipal, StaffPrincipal } from './principal';

export const ACCESS_KEY = 'xq:access';

/**
 * Who may call a route. Every route declares one of these; a route without a declaration is
 * treated as staff-only, so forgetting it never opens data to the public.
 */
export type AccessRule =
  | { who: 'public' }
  | { who: 'resident' }
  | { who: 'staff'; permissions: Permission[]; anyOf?: Permission[]; allowPendingPasswordChange?: boolean }
  | { who: 'resident_or_staff'; permissions: Permission[] };

/** Anyone; a valid token still identifies the caller (e.g. to scope content to a resident's region). */
export const Public = () => SetMetadata(ACCESS_KEY, { who: 'public' } satisfies AccessRule);

export const ResidentOnly = () => applyDecorators(SetMetadata(ACCESS_KEY, { who: 'resident' } satisfies AccessRule), ApiBearerAuth());

export const StaffOnly = (...permissions: Permission[]) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { who: 'staff', permissions } satisfies AccessRule), ApiBearerAuth());

/** Staff holding at least one of these permissions (a list organisers and check-in staff both work from). */
export const StaffWithAny = (...permissions: Permission[]) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { who: 'staff', permissions: [], anyOf: permissions } satisfies AccessRule), ApiBearerAuth());

/** A route both sides use (e.g. check-in): any resident, or staff with these permissions. */
export const ResidentOrStaff = (...permissions: Permission[]) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { who: 'resident_or_staff', permissions } satisfies AccessRule), ApiBearerAuth());

/** Staff routes that must work before the forced first-login password change. */
export const StaffPendingPasswordChange = () =>
  applyDecorators(SetMetadata(ACCESS_KEY, { who: 'staff', permissions: [], allowPendingPasswordChange: true } satisfies AccessRule), ApiBearerAuth());

const requestOf = (ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>();

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal | undefined => requestOf(ctx).principal);

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal => {
  const p = requestOf(ctx).principal;
  if (p?.kind !== 'staff') throw new Error('CurrentStaff used on a route that is not staff-only');
  return p;
});

export const CurrentResident = createParamDecorator((_: unknown, ctx: ExecutionContext): ResidentPrincipal => {
  const p = requestOf(ctx).principal;
  if (p?.kind !== 'resident') throw new Error('CurrentResident used on a route that is not resident-only');
  return p;
});

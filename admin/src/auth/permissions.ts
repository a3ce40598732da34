import { hasPermission, type Permission, type StaffRole } from '@xinqiao/shared';

/** One permission, or a list of which any one suffices (e.g. quizzes for `quizzes.manage` or `awareness.read`). */
export type PermissionRequirement = Permission | readonly Permission[];

export function allows(role: StaffRole, required: PermissionRequirement): boolean {
  return typeof required === 'string' ? hasPermission(role, required) : required.some((p) => hasPermission(role, p));
}

import { hasAnyPermission, type Permission, type StaffRole } from '@xinqiao/shared';

/** One permission, or a list of which any one suffices (e.g. quizzes for `quizzes.manage` or `awareness.read`). */
export type PermissionRequirement = Permission | readonly Permission[];

export function allows(role: StaffRole, required: PermissionRequirement): boolean {
  return hasAnyPermission(role, typeof required === 'string' ? [required] : required);
}

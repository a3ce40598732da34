/** A staff member's own password change: checked by the admin's form and by the server, in the same words. */
import type { RuleProblem } from '../common/rules';

export const PASSWORD_CHANGE_MESSAGES = {
  same_as_old: '新密码不能与原密码相同',
} as const;
export type PasswordChangeCode = keyof typeof PASSWORD_CHANGE_MESSAGES;

/** What is wrong with replacing `oldPassword` by `newPassword` (the strength rules are `passwordProblems`). */
export function passwordChangeProblems(oldPassword: string, newPassword: string): RuleProblem<PasswordChangeCode>[] {
  return oldPassword === newPassword ? [{ code: 'same_as_old', field: 'newPassword' }] : [];
}

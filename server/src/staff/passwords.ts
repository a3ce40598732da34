import * as bcrypt from 'bcryptjs';
import { passwordProblems } from '@xinqiao/shared';
import { AppException } from '../common/errors/app-exception';

export function hashPassword(password: string, rounds: number): Promise<string> {
  return bcrypt.hash(password, rounds);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Rejects a password that breaks the 等保 policy, with every problem listed. */
export function assertStrongPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new AppException(400, 'WEAK_PASSWORD', `密码不符合要求：${problems.join('；')}`, { problems });
}

import { passwordProblems } from '@xinqiao/shared';

export const PASSWORD_HINT = '至少 10 位，包含小写字母、大写字母、数字、符号中的至少三类，且不能包含用户名';

/** The password rule as one zh-CN sentence, or null when the password is acceptable. */
export function passwordError(password: string | undefined, username?: string): string | null {
  if (!password) return '请输入密码';
  const problems = passwordProblems(password, username);
  return problems.length ? problems.join('；') : null;
}

/** antd Form rules applying the shared password policy (the username may come from the form). */
export function passwordRules(getUsername?: () => string | undefined) {
  return [
    { required: true, message: '请输入密码' },
    {
      validator: (_: unknown, value: string | undefined) => {
        const error = value ? passwordError(value, getUsername?.()) : null;
        return error ? Promise.reject(new Error(error)) : Promise.resolve();
      },
    },
  ];
}

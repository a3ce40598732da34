import { passwordChangeProblems } from './password-change';

describe('passwordChangeProblems', () => {
  it('refuses the old password as the new one', () => {
    expect(passwordChangeProblems('Old#2026xqpass', 'Old#2026xqpass')).toEqual([{ code: 'same_as_old', field: 'newPassword' }]);
    expect(passwordChangeProblems('Old#2026xqpass', 'New#2026xqpass')).toEqual([]);
  });
});

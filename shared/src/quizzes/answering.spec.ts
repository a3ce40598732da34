import { answerKeyWithheld, answeringNeedsAccount } from './types';

describe('who may answer, and when the key is given', () => {
  it('needs an account for survey waves only', () => {
    expect(answeringNeedsAccount('survey')).toBe(true);
    expect((['practice', 'pre_test', 'post_test'] as const).map((k) => answeringNeedsAccount(k))).toEqual([false, false, false]);
  });

  it('withholds the key of a survey wave until it closes, by date or by hand', () => {
    const closesAt = new Date('2026-06-30T16:00:00Z');
    const wave = { kind: 'survey' as const, status: 'published', closesAt };
    expect(answerKeyWithheld(wave, new Date('2026-06-30T15:59:59Z'))).toBe(true);
    expect(answerKeyWithheld(wave, closesAt)).toBe(false);
    expect(answerKeyWithheld({ ...wave, status: 'closed' }, new Date('2026-06-01T00:00:00Z'))).toBe(false);
    expect(answerKeyWithheld({ ...wave, kind: 'practice' as const }, new Date('2026-06-01T00:00:00Z'))).toBe(false);
    expect(answerKeyWithheld({ ...wave, kind: 'post_test' as const, closesAt: null }, new Date('2026-06-01T00:00:00Z'))).toBe(false);
  });
});

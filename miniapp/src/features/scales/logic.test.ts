import Taro from '@tarojs/taro';
import { forgetAccount, logout } from '../../services/auth';
import { NATIONAL_HOTLINES, PHQ9, SCALE_CONSENT_VERSION, type Hotline, type MyScaleResponse, type ScaleDefinition } from '@xinqiao/shared';
import {
  EMPTY_CONSENT_FORM,
  consentProblems,
  needsGuardian,
  responseAgeBand,
  toConsentInput,
  withMode,
  type ConsentContext,
  type ConsentForm,
} from './consent';
import { DRAFT_MAX_AGE_MS, draftStorageKey, hasDraft, loadDraft, newDraft, parseDraft, saveDraft, withAnswer } from './draft';
import { audienceLabels, crisisHotlineList, groupHotlines } from './hotlines';
import { isMainlandMobile, normalizePhone } from './phone';
import { answeredCount, firstUnansweredIndex, isComplete, itemOptions, nextIndexAfterAnswer, progressPercent, resumeIndex, sanitizeAnswers } from './progress';
import { TREND_MAX_BARS, barHeightPercent, groupResponses, severityTone } from './trend';
import { isUuidV4, uuidV4 } from './uuid';
import { progressLabel } from '../../utils/steps';

describe('uuidV4', () => {
  it('sets the version and variant bits on whatever the random source gives', () => {
    expect(uuidV4((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuidV4((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('is a valid, fresh v4 id from crypto.getRandomValues and from the Math.random fallback', () => {
    const a = uuidV4();
    const b = uuidV4();
    expect(isUuidV4(a)).toBe(true);
    expect(a).not.toBe(b);

    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 200 }, () => uuidV4()));
      expect(ids.size).toBe(200);
      ids.forEach((id) => expect(isUuidV4(id)).toBe(true));
    } finally {
      if (saved) Object.defineProperty(globalThis, 'crypto', saved);
    }
  });

  it('rejects other strings', () => {
    expect(isUuidV4('not-a-uuid')).toBe(false);
    expect(isUuidV4('3b241101-e2bb-1255-8caf-4136c566a962')).toBe(false); // version 1
    expect(isUuidV4(42)).toBe(false);
  });
});

describe('phone', () => {
  it('accepts 11-digit mainland mobiles, with separators or +86', () => {
    expect(isMainlandMobile('13800138000')).toBe(true);
    expect(isMainlandMobile('138 0013 8000')).toBe(true);
    expect(isMainlandMobile('138-0013-8000')).toBe(true);
    expect(isMainlandMobile('+8613800138000')).toBe(true);
    expect(normalizePhone(' +86 138 0013 8000 ')).toBe('13800138000');
  });

  it('rejects landlines, short numbers and numbers not starting 13-19', () => {
    expect(isMainlandMobile('1380013800')).toBe(false);
    expect(isMainlandMobile('12800138000')).toBe(false);
    expect(isMainlandMobile('023-12356')).toBe(false);
    expect(isMainlandMobile('')).toBe(false);
    expect(isMainlandMobile('1380013800a')).toBe(false);
  });
});

describe('consent', () => {
  const signedIn: ConsentContext = { signedIn: true, profileAgeBand: '18to34', profileRegionId: 4 };
  const visitor: ConsentContext = { signedIn: false, profileAgeBand: null, profileRegionId: null };
  const form = (p: Partial<ConsentForm>): ConsentForm => ({ ...EMPTY_CONSENT_FORM, ...p });

  it('needs an explicit choice of mode', () => {
    expect(consentProblems(EMPTY_CONSENT_FORM, signedIn)).toEqual(['请选择是否保存本次测评结果']);
    expect(consentProblems(form({ mode: 'anonymous' }), visitor)).toEqual([]);
    expect(consentProblems(form({ mode: 'save' }), signedIn)).toEqual([]);
  });

  it('allows only anonymous answers without an account', () => {
    expect(consentProblems(form({ mode: 'save' }), visitor)).toEqual(['保存到我的记录需要先登录；也可以选择匿名测评']);
  });

  it('follow-up needs the save mode, a valid mobile and a community', () => {
    expect(consentProblems(form({ mode: 'save', followUp: true }), signedIn)).toEqual(['请填写联系电话，方便心理咨询师联系您']);
    expect(consentProblems(form({ mode: 'save', followUp: true, contactPhone: '12345' }), signedIn)).toEqual(['联系电话应为 11 位手机号码']);
    expect(consentProblems(form({ mode: 'save', followUp: true, contactPhone: '13800138000' }), signedIn)).toEqual([]);
    expect(consentProblems(form({ mode: 'anonymous', followUp: true, contactPhone: '13800138000' }), signedIn)).toEqual([
      '请心理咨询师联系您，需要选择“保存到我的记录”',
    ]);
    expect(consentProblems(form({ mode: 'save', followUp: true, contactPhone: '13800138000' }), { ...signedIn, profileRegionId: null })).toEqual([
      '请先在“我的”中选择所在社区（村），以便当地心理咨询师联系您',
    ]);
    expect(consentProblems(form({ mode: 'save', followUp: true, contactPhone: '13800138000', contactName: '名'.repeat(21) }), signedIn)).toEqual([
      '称呼请不超过 20 个字',
    ]);
  });

  it('switching to anonymous withdraws the follow-up request', () => {
    const f = withMode(form({ mode: 'save', followUp: true, contactPhone: '13800138000' }), 'anonymous');
    expect(f).toMatchObject({ mode: 'anonymous', followUp: false });
  });

  it('a respondent under 14 (from the profile or ticked) needs the guardian name, relation and agreement', () => {
    const child: ConsentContext = { ...signedIn, profileAgeBand: 'under14' };
    expect(needsGuardian(form({}), child)).toBe(true);
    expect(needsGuardian(form({ respondentUnder14: true }), visitor)).toBe(true);
    expect(needsGuardian(form({}), signedIn)).toBe(false);
    expect(consentProblems(form({ mode: 'save' }), child)).toEqual([
      '请填写监护人姓名',
      '请选择监护人与答题人的关系',
      '未满 14 周岁的答题人需要监护人同意后才能开始测评',
    ]);
    expect(consentProblems(form({ mode: 'anonymous', respondentUnder14: true, guardianName: ' 王芳 ', guardianRelation: 'mother' }), visitor)).toEqual([
      '未满 14 周岁的答题人需要监护人同意后才能开始测评',
    ]);
    expect(
      consentProblems(form({ mode: 'anonymous', respondentUnder14: true, guardianName: '王芳', guardianRelation: 'mother', guardianAgreed: true }), visitor),
    ).toEqual([]);
  });

  it('builds the consent the server expects', () => {
    expect(toConsentInput(form({ mode: 'anonymous', contactPhone: '13800138000' }), visitor)).toEqual({
      mode: 'anonymous',
      followUp: false,
      version: SCALE_CONSENT_VERSION,
    });
    expect(toConsentInput(form({ mode: 'save', followUp: true, contactPhone: '138 0013 8000', contactName: ' 小林 ' }), signedIn)).toEqual({
      mode: 'save',
      followUp: true,
      contactPhone: '13800138000',
      contactName: '小林',
      version: SCALE_CONSENT_VERSION,
    });
    const child = form({ mode: 'save', guardianName: ' 王芳 ', guardianRelation: 'mother', guardianAgreed: true });
    expect(toConsentInput(child, { ...signedIn, profileAgeBand: 'under14' }).guardian).toEqual({ name: '王芳', relation: 'mother' });
    expect(() => toConsentInput(EMPTY_CONSENT_FORM, signedIn)).toThrow();
  });

  it('tells the server the respondent is under 14 only when it cannot read it from the account', () => {
    const ticked = form({ mode: 'anonymous', respondentUnder14: true });
    expect(responseAgeBand(ticked, visitor)).toBe('under14');
    expect(responseAgeBand(form({ mode: 'save' }), { ...signedIn, profileAgeBand: 'under14' })).toBeUndefined();
    expect(responseAgeBand(form({ mode: 'anonymous' }), { ...signedIn, profileAgeBand: 'under14' })).toBe('under14');
    expect(responseAgeBand(form({ mode: 'save' }), signedIn)).toBeUndefined();
  });
});

/** A tiny scale: item b has its own yes/no options. */
const MINI: ScaleDefinition = {
  ...PHQ9,
  code: 'mini',
  items: [
    { id: 'a', text: 'A' },
    {
      id: 'b',
      text: 'B',
      options: [
        { value: 0, label: '否' },
        { value: 1, label: '是' },
      ],
    },
    { id: 'c', text: 'C' },
  ],
};

describe('progress', () => {
  it('uses the item options, else the scale options', () => {
    expect(itemOptions(MINI, MINI.items[0]).map((o) => o.value)).toEqual([0, 1, 2, 3]);
    expect(itemOptions(MINI, MINI.items[1]).map((o) => o.label)).toEqual(['否', '是']);
  });

  it('counts only valid answers and drops stale ones', () => {
    const answers = { a: 2, b: 3, zz: 1 };
    expect(sanitizeAnswers(MINI, answers)).toEqual({ a: 2 });
    expect(answeredCount(MINI, answers)).toBe(1);
    expect(firstUnansweredIndex(MINI, answers)).toBe(1);
    expect(isComplete(MINI, { a: 0, b: 1, c: 3 })).toBe(true);
    expect(progressPercent(MINI, { a: 0 })).toBe(33);
  });

  it('advances to the next unanswered item, then back to a skipped one, then to the end', () => {
    expect(nextIndexAfterAnswer(MINI, { a: 1 }, 0)).toBe(1);
    expect(nextIndexAfterAnswer(MINI, { a: 1, c: 1 }, 0)).toBe(1);
    expect(nextIndexAfterAnswer(MINI, { b: 1, c: 2 }, 2)).toBe(0);
    expect(nextIndexAfterAnswer(MINI, { a: 1, b: 1, c: 2 }, 1)).toBe(3);
  });

  it('resumes where the resident was, but never on the submit screen with items missing', () => {
    expect(resumeIndex(MINI, { a: 1 }, 1)).toBe(1);
    expect(resumeIndex(MINI, { a: 1 }, 3)).toBe(1);
    expect(resumeIndex(MINI, { a: 1, b: 0, c: 0 }, 3)).toBe(3);
    expect(resumeIndex(MINI, {}, 99)).toBe(0);
    expect(resumeIndex(MINI, {}, -2)).toBe(0);
    expect(resumeIndex(MINI, {}, 1.5)).toBe(0);
  });

  it('labels the position as 第 n / total 题', () => {
    expect(progressLabel(2, 9)).toBe('第 3 / 9 题');
    expect(progressLabel(9, 9)).toBe('第 9 / 9 题');
  });
});

describe('draft', () => {
  const id = '3b241101-e2bb-4255-8caf-4136c566a962';
  const consent = { mode: 'save' as const, followUp: true, contactPhone: '13800138000', version: 1 };
  const now = new Date('2026-11-24T08:00:00.000Z');
  const base = () => newDraft({ code: 'phq-9', scaleVersion: 1, clientRequestId: id, consent, now });

  it('round-trips through parseDraft', () => {
    const d = withAnswer(base(), 'q1', 2, 1, now);
    expect(parseDraft(JSON.parse(JSON.stringify(d)), 'phq-9', now.getTime())).toEqual(d);
  });

  it('rejects other scales, malformed values and old drafts', () => {
    const d = base();
    expect(parseDraft(d, 'gad-7', now.getTime())).toBeNull();
    expect(parseDraft({ ...d, clientRequestId: 'x' }, 'phq-9', now.getTime())).toBeNull();
    expect(parseDraft({ ...d, answers: { q1: 'a' } }, 'phq-9', now.getTime())).toBeNull();
    expect(parseDraft({ ...d, index: -1 }, 'phq-9', now.getTime())).toBeNull();
    expect(parseDraft({ ...d, shape: 0 }, 'phq-9', now.getTime())).toBeNull();
    expect(parseDraft({ ...d, consent: { ...consent, mode: 'public' } }, 'phq-9', now.getTime())).toBeNull();
    expect(parseDraft({ ...d, consent: { ...consent, mode: 'anonymous' } }, 'phq-9', now.getTime())).toBeNull(); // follow-up without save
    expect(parseDraft({ ...d, ageBand: 'toddler' }, 'phq-9', now.getTime())).toBeNull();
    expect(parseDraft('', 'phq-9')).toBeNull();
    expect(parseDraft(d, 'phq-9', now.getTime() + DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(parseDraft(d, 'phq-9', now.getTime() + DRAFT_MAX_AGE_MS - 1)).not.toBeNull();
  });

  it('is stored per scale code; a draft for another version is discarded', () => {
    saveDraft(base());
    expect(Taro.getStorageSync(draftStorageKey('phq-9'))).toMatchObject({ code: 'phq-9', clientRequestId: id });
    expect(hasDraft('phq-9', now.getTime())).toBe(true);
    expect(loadDraft('phq-9', 1, now.getTime())).toMatchObject({ status: 'found' });
    expect(loadDraft('phq-9', 2, now.getTime())).toEqual({ status: 'outdated' });
    expect(Taro.getStorageSync(draftStorageKey('phq-9'))).toBe('');
    expect(loadDraft('phq-9', 2, now.getTime())).toEqual({ status: 'none' });
  });

  it('drops an unreadable draft', () => {
    Taro.setStorageSync(draftStorageKey('gad-7'), { junk: true });
    expect(loadDraft('gad-7', 1)).toEqual({ status: 'none' });
    expect(Taro.getStorageSync(draftStorageKey('gad-7'))).toBe('');
  });

  it.each([
    ['logout', logout],
    ['forgetAccount', forgetAccount],
  ])('%s removes every scale draft and nothing unrelated', (_name, signOut) => {
    saveDraft(base());
    saveDraft({ ...base(), code: 'who-5' });
    Taro.setStorageSync('xq.privacy.consent', { version: 'x' });
    signOut();
    expect(Taro.getStorageSync(draftStorageKey('phq-9'))).toBe('');
    expect(Taro.getStorageSync(draftStorageKey('who-5'))).toBe('');
    expect(Taro.getStorageSync('xq.privacy.consent')).toEqual({ version: 'x' });
  });
});

describe('trend', () => {
  const row = (id: number, code: string, day: number, score: number, p: Partial<MyScaleResponse> = {}): MyScaleResponse => ({
    id,
    scaleCode: code,
    scaleVersion: 1,
    scaleTitle: code.toUpperCase(),
    score,
    minScore: 0,
    maxScore: 27,
    bandLabel: 'x',
    severity: 0,
    crisis: false,
    followUpRequested: false,
    submittedAt: `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`,
    ...p,
  });

  it('groups per scale, most recently used first, entries newest first, bars oldest first', () => {
    const groups = groupResponses([row(1, 'phq-9', 1, 3), row(2, 'gad-7', 5, 8), row(3, 'phq-9', 10, 12), row(4, 'phq-9', 3, 27)]);
    expect(groups.map((g) => g.scaleCode)).toEqual(['phq-9', 'gad-7']);
    expect(groups[0].entries.map((e) => e.id)).toEqual([3, 4, 1]);
    expect(groups[0].trend.map((b) => b.id)).toEqual([1, 4, 3]);
    expect(groups[0].trend.map((b) => b.heightPercent)).toEqual([11, 100, 44]);
    expect(groups[0].trend[0].dateLabel).toMatch(/^11-0[12]$/);
  });

  it('keeps the last TREND_MAX_BARS results in the trend', () => {
    const many = Array.from({ length: 12 }, (_, i) => row(i + 1, 'phq-9', i + 1, i));
    const [g] = groupResponses(many);
    expect(g.entries).toHaveLength(12);
    expect(g.trend).toHaveLength(TREND_MAX_BARS);
    expect(g.trend[g.trend.length - 1].id).toBe(12);
  });

  it('heights on the scale range with a visible minimum; tones from severity', () => {
    expect(barHeightPercent(0, 0, 27)).toBe(4);
    expect(barHeightPercent(40, 10, 50)).toBe(75);
    expect(barHeightPercent(5, 5, 5)).toBe(4);
    expect(severityTone(0)).toBe('calm');
    expect(severityTone(1)).toBe('mild');
    expect(severityTone(2)).toBe('moderate');
    expect(severityTone(4)).toBe('severe');
    expect(severityTone(0, true)).toBe('severe');
  });
});

describe('hotlines', () => {
  const local: Hotline = {
    id: 7,
    name: '示范市心理援助热线',
    number: '023-12356',
    hours: '24小时',
    is24h: true,
    audiences: ['all', 'youth'],
    source: '示范市卫健委',
    regionId: 2,
    regionName: '永川区',
    national: false,
    sortOrder: 0,
  };
  const [n12356, hope24, youth] = NATIONAL_HOTLINES;

  it('groups national (12356 first) and local lines', () => {
    const g = groupHotlines([hope24, local, youth, n12356]);
    expect(g.national.map((h) => h.number)).toEqual(['12356', '400-161-9995', '12355']);
    expect(g.local).toEqual([local]);
  });

  it('puts 12356 first on the crisis card, adding it when missing, each number once', () => {
    expect(crisisHotlineList([local, hope24, n12356]).map((h) => h.number)).toEqual(['12356', '023-12356', '400-161-9995']);
    expect(crisisHotlineList([local, local]).map((h) => h.number)).toEqual(['12356', '023-12356']);
    expect(crisisHotlineList([]).map((h) => h.number)).toEqual(['12356']);
  });

  it('labels audiences, leaving out 所有人 next to specific ones', () => {
    expect(audienceLabels(local)).toEqual(['青少年']);
    expect(audienceLabels(n12356)).toEqual(['所有人']);
  });
});

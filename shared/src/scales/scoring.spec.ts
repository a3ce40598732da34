import { GAD7, PHQ9, PHQ_A } from './definitions';
import { applyRounding, checkAnswers, ScaleAnswerError, scoreRange, scoreResponse } from './scoring';
import type { ScaleAnswers, ScaleDefinition } from './types';
import { validateScaleDefinition } from './validate';

const zeros = (def: ScaleDefinition): Record<string, number> => Object.fromEntries(def.items.map((i) => [i.id, 0]));

function caught(fn: () => unknown): ScaleAnswerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScaleAnswerError) return e;
    throw e;
  }
  throw new Error('expected a ScaleAnswerError');
}

/** A small imported-style scale: explicit reversed values, a mean score, two subscales. */
const MEAN_SCALE: ScaleDefinition = {
  code: 'test-mean',
  version: 2,
  title: '测试量表（均分）',
  shortTitle: '测试',
  description: '用于测试。',
  instructions: '请作答。',
  timeMinutes: 1,
  audience: 'adult',
  minAge: 18,
  maxAge: null,
  options: [
    { value: 1, label: '从不', reversedValue: 5 },
    { value: 2, label: '很少', reversedValue: 4 },
    { value: 3, label: '有时', reversedValue: 3 },
    { value: 4, label: '经常', reversedValue: 2 },
    { value: 5, label: '总是', reversedValue: 1 },
  ],
  items: [
    { id: 'a1', text: '条目一', subscale: 'a' },
    { id: 'a2', text: '条目二', subscale: 'a', reversed: true },
    { id: 'b1', text: '条目三', subscale: 'b' },
    {
      id: 'b2',
      text: '条目四（自带选项，反向值单独给出）',
      subscale: 'b',
      reversed: true,
      options: [
        { value: 0, label: '否', reversedValue: 5 },
        { value: 1, label: '是', reversedValue: 1 },
      ],
    },
    {
      id: 'note',
      text: '不计分的题目',
      scored: false,
      options: [
        { value: 0, label: '否' },
        { value: 1, label: '是' },
      ],
    },
  ],
  scoring: {
    method: 'mean',
    rounding: 'round',
    decimals: 2,
    subscales: [
      { id: 'a', title: '分量表甲', method: 'sum' },
      { id: 'b', title: '分量表乙', method: 'mean' },
    ],
  },
  bands: [
    { min: 1, max: 2.49, severity: 0, label: '低', interpretation: '筛查结果，不是诊断。', advice: '保持。' },
    { min: 2.5, max: 5, severity: 1, label: '高', interpretation: '筛查结果，不是诊断。', advice: '咨询。' },
  ],
  critical: [{ itemId: 'note', threshold: 1 }],
  licence: { name: '测试', freeForPublicService: true, note: '' },
  citation: '测试用量表，仅用于单元测试。',
};

describe('applyRounding', () => {
  it('floors, rounds half up, or keeps the value', () => {
    expect(applyRounding(51.25, 'floor')).toBe(51);
    expect(applyRounding(52.5, 'floor')).toBe(52);
    expect(applyRounding(52.5, 'round')).toBe(53);
    expect(applyRounding(51.25, 'round')).toBe(51);
    expect(applyRounding(51.25, 'none')).toBe(51.25);
  });

  it('keeps decimals and is not fooled by binary noise', () => {
    // 1.005 * 100 = 100.49999999999999 in binary floating point; 0.29 * 100 = 28.999999999999996.
    expect(applyRounding(1.005, 'round', 2)).toBe(1.01);
    expect(applyRounding(0.29, 'floor', 2)).toBe(0.29);
    expect(applyRounding(2 / 3, 'round', 2)).toBe(0.67);
    expect(applyRounding(2 / 3, 'floor', 2)).toBe(0.66);
  });
});

describe('scoreResponse on a custom definition', () => {
  it('the custom definition is valid', () => {
    const v = validateScaleDefinition(MEAN_SCALE);
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('uses explicit reversed values, the mean with 2 decimals, and sum / mean subscales', () => {
    // a1 = 2 -> 2; a2 = 1 -> reversed 5; b1 = 4 -> 4; b2 = 1 (是) -> reversed 1. Raw 12, mean 12 / 4 = 3.
    const r = scoreResponse(MEAN_SCALE, { a1: 2, a2: 1, b1: 4, b2: 1, note: 0 });
    expect([r.raw, r.score]).toEqual([12, 3]);
    expect(r.subscales).toEqual({ a: 7, b: 2.5 });
    expect(r.band).toMatchObject({ label: '高', severity: 1, level: null, mostSevere: true });
    expect([r.minScore, r.maxScore]).toEqual([1, 5]);
    expect([r.crisis, r.criticalItems]).toEqual([false, []]);
  });

  it('rounds a fractional mean: raw 9 / 4 = 2.25; raw 10 / 4 = 2.5 (band boundary)', () => {
    // a1 1, a2 4 -> 2, b1 1, b2 0 -> 5: raw 9.
    expect(scoreResponse(MEAN_SCALE, { a1: 1, a2: 4, b1: 1, b2: 0, note: 0 }).score).toBe(2.25);
    expect(scoreResponse(MEAN_SCALE, { a1: 1, a2: 4, b1: 1, b2: 0, note: 0 }).band.label).toBe('低');
    expect(scoreResponse(MEAN_SCALE, { a1: 2, a2: 4, b1: 1, b2: 0, note: 0 }).score).toBe(2.5);
    expect(scoreResponse(MEAN_SCALE, { a1: 2, a2: 4, b1: 1, b2: 0, note: 0 }).band.label).toBe('高');
  });

  it('fires a critical item on an unscored question without changing the score', () => {
    const r = scoreResponse(MEAN_SCALE, { a1: 1, a2: 5, b1: 1, b2: 1, note: 1 });
    expect([r.raw, r.score]).toEqual([4, 1]);
    expect(r.criticalItems).toEqual(['note']);
    expect(r.crisis).toBe(true);
  });

  it('uses reverseBase when an option has no explicit reversed value', () => {
    const def: ScaleDefinition = {
      ...MEAN_SCALE,
      options: [
        { value: 0, label: '从不' },
        { value: 1, label: '有时' },
        { value: 2, label: '总是' },
      ],
      items: [
        { id: 'x', text: '正向' },
        { id: 'y', text: '反向', reversed: true },
      ],
      scoring: { method: 'sum', reverseBase: 2 },
      bands: [{ min: 0, max: 4, severity: 0, label: '全部', interpretation: '筛查结果，不是诊断。', advice: '无。' }],
      critical: [],
    };
    expect(scoreResponse(def, { x: 0, y: 0 }).raw).toBe(2);
    expect(scoreResponse(def, { x: 2, y: 2 }).raw).toBe(2);
    expect(scoreResponse(def, { x: 2, y: 0 }).raw).toBe(4);
    expect(scoreRange(def)).toEqual({ minRaw: 0, maxRaw: 4, minScore: 0, maxScore: 4, scoredItemCount: 2 });
  });

  it('throws a plain Error (not an answer error) when the definition leaves a score outside every band', () => {
    const broken: ScaleDefinition = { ...GAD7, bands: GAD7.bands.slice(0, 3) };
    const answers = Object.fromEntries(GAD7.items.map((i) => [i.id, 3]));
    expect(() => scoreResponse(broken, answers)).toThrow('量表定义有误：gad-7 的得分 21 不在任何分段内');
    expect(() => scoreResponse(broken, answers)).not.toThrow(ScaleAnswerError);
  });
});

describe('answer validation', () => {
  it('MISSING_ANSWER names the item number', () => {
    const answers = zeros(PHQ9);
    delete answers.q4;
    const e = caught(() => scoreResponse(PHQ9, answers));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ScaleAnswerError');
    expect([e.code, e.itemId, e.itemNumber, e.message]).toEqual(['MISSING_ANSWER', 'q4', 4, '第 4 题尚未作答']);
  });

  it('treats null and undefined as not answered', () => {
    const answers = { ...zeros(PHQ9), q2: null } as unknown as ScaleAnswers;
    expect(caught(() => scoreResponse(PHQ9, answers)).code).toBe('MISSING_ANSWER');
    const undef = { ...zeros(PHQ9), q2: undefined } as unknown as ScaleAnswers;
    expect(caught(() => scoreResponse(PHQ9, undef)).itemNumber).toBe(2);
  });

  it('INVALID_OPTION: a value that is not one of the options, with the allowed ones', () => {
    const e = caught(() => scoreResponse(PHQ9, { ...zeros(PHQ9), q7: 4 }));
    expect([e.code, e.itemId, e.itemNumber]).toEqual(['INVALID_OPTION', 'q7', 7]);
    expect(e.message).toBe('第 7 题的答案 4 不是有效选项，可选：0（完全不会）、1（好几天）、2（一半以上的天数）、3（几乎每天）');
  });

  it('INVALID_OPTION: a string, a fraction, NaN or an item-level option set', () => {
    const asString = { ...zeros(PHQ9), q1: '1' } as unknown as ScaleAnswers;
    expect(caught(() => scoreResponse(PHQ9, asString)).message).toMatch(/^第 1 题的答案 “1” 不是有效选项/);
    expect(caught(() => scoreResponse(PHQ9, { ...zeros(PHQ9), q1: 1.5 })).code).toBe('INVALID_OPTION');
    expect(caught(() => scoreResponse(PHQ9, { ...zeros(PHQ9), q1: Number.NaN })).code).toBe('INVALID_OPTION');
    // PHQ-A item 12 offers only 0 (否) and 1 (是).
    const e = caught(() => scoreResponse(PHQ_A, { ...zeros(PHQ_A), lifetime_suicide_attempt: 3 }));
    expect([e.code, e.itemNumber, e.message]).toEqual(['INVALID_OPTION', 12, '第 12 题的答案 3 不是有效选项，可选：0（否）、1（是）']);
  });

  it('UNKNOWN_ITEM names the key and the scale', () => {
    const e = caught(() => scoreResponse(GAD7, { ...zeros(GAD7), q8: 0 }));
    expect([e.code, e.itemId, e.itemNumber, e.message]).toEqual(['UNKNOWN_ITEM', 'q8', null, '答案中的题目“q8”不属于本量表（GAD-7）']);
  });

  it('does not let inherited keys count as answers', () => {
    const answers = Object.create({ q1: 0 }) as Record<string, number>;
    for (const item of PHQ9.items.slice(1)) answers[item.id] = 0;
    expect(caught(() => scoreResponse(PHQ9, answers)).message).toBe('第 1 题尚未作答');
  });

  it('checkAnswers lists every problem: unknown items first, then items in order', () => {
    const answers = { q1: 9, q3: 0, zz: 1, q2: 0 } as ScaleAnswers;
    const errors = checkAnswers(GAD7, answers).map((e) => `${e.code}:${e.itemId}`);
    expect(errors).toEqual(['UNKNOWN_ITEM:zz', 'INVALID_OPTION:q1', 'MISSING_ANSWER:q4', 'MISSING_ANSWER:q5', 'MISSING_ANSWER:q6', 'MISSING_ANSWER:q7']);
    expect(caught(() => scoreResponse(GAD7, answers)).code).toBe('UNKNOWN_ITEM');
  });

  it('an answer set that is not an object misses every item', () => {
    expect(checkAnswers(GAD7, null).map((e) => e.code)).toEqual(Array(7).fill('MISSING_ANSWER'));
    expect(checkAnswers(GAD7, [0, 0, 0]).length).toBe(7);
    expect(checkAnswers(GAD7, zeros(GAD7))).toEqual([]);
  });
});

import { GAD7, SDS } from './definitions';
import { validateScaleDefinition, type ScaleValidationError } from './validate';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A mutable JSON copy of a built-in, as an administrator's import file would be. */
const copy = (def: object): Json => JSON.parse(JSON.stringify(def)) as Json;

function errorsOf(input: unknown): ScaleValidationError[] {
  const r = validateScaleDefinition(input);
  if (r.ok) throw new Error('expected validation errors');
  return r.errors;
}

/** The errors of a GAD-7 copy after `mutate`. */
function broken(mutate: (d: Json) => void, base: object = GAD7): ScaleValidationError[] {
  const d = copy(base);
  mutate(d);
  return errorsOf(d);
}

describe('validateScaleDefinition: valid input', () => {
  it('returns the definition itself', () => {
    const d = copy(GAD7);
    const r = validateScaleDefinition(d);
    expect(r).toEqual({ ok: true, def: d });
    if (r.ok) expect(r.def).toBe(d);
  });

  it('accepts an item with its own options and no shared options', () => {
    const d = copy(GAD7);
    for (const item of d.items) item.options = d.options;
    delete d.options;
    expect(validateScaleDefinition(d).ok).toBe(true);
  });
});

describe('validateScaleDefinition: broken definitions, each error with its path', () => {
  const cases: [string, (d: Json) => void, ScaleValidationError][] = [
    ['missing code', (d) => delete d.code, { path: 'code', message: '缺少必填字段' }],
    ['badly formed code', (d) => (d.code = 'PHQ 9'), { path: 'code', message: '量表编码只能包含小写字母、数字和连字符（如 phq-9），最长 40 个字符' }],
    ['version 0', (d) => (d.version = 0), { path: 'version', message: `应在 1 到 ${Number.MAX_SAFE_INTEGER} 之间，实际为 0` }],
    ['version 1.5', (d) => (d.version = 1.5), { path: 'version', message: '应为整数，实际为 1.5' }],
    ['title of the wrong type', (d) => (d.title = 7), { path: 'title', message: '应为字符串，实际为数字' }],
    ['blank instructions', (d) => (d.instructions = '  '), { path: 'instructions', message: '不能为空' }],
    ['timeMinutes 0', (d) => (d.timeMinutes = 0), { path: 'timeMinutes', message: '应大于 0 且不大于 180，实际为 0' }],
    [
      'unknown audience',
      (d) => (d.audience = 'kids'),
      { path: 'audience', message: '应为以下之一：student、parent_report、adult、elderly、perinatal，实际为“kids”' },
    ],
    ['maxAge below minAge', (d) => ((d.minAge = 18), (d.maxAge = 12)), { path: 'maxAge', message: '年龄上限 12 不能小于下限 18' }],
    ['maxAge missing', (d) => delete d.maxAge, { path: 'maxAge', message: '缺少必填字段（没有年龄上限时填 null）' }],
    ['unknown top-level field', (d) => (d.bandz = []), { path: 'bandz', message: expect.stringMatching(/^未知字段“bandz”/) }],
    [
      'item option value not an integer',
      (d) =>
        (d.items[3].options = [
          { value: 0, label: '否' },
          { value: 1.5, label: '是' },
        ]),
      { path: 'items[3].options[1].value', message: '应为整数，实际为 1.5' },
    ],
    [
      'item option without label',
      (d) => (d.items[3].options = [{ value: 0, label: '否' }, { value: 1 }]),
      { path: 'items[3].options[1].label', message: '缺少必填字段' },
    ],
    ['a single option', (d) => (d.items[0].options = [{ value: 0, label: '否' }]), { path: 'items[0].options', message: '至少需要 2 项，实际为 1 项' }],
    ['duplicate shared option value', (d) => (d.options[2].value = 1), { path: 'options[2].value', message: '选项分值 1 与 options[1] 重复' }],
    ['duplicate shared option label', (d) => (d.options[3].label = '好几天'), { path: 'options[3].label', message: '选项文字“好几天”与 options[1] 重复' }],
    ['unknown option field', (d) => (d.options[0].score = 0), { path: 'options[0].score', message: expect.stringMatching(/^未知字段“score”/) }],
    ['no items', (d) => (d.items = []), { path: 'items', message: '不能为空数组' }],
    ['an item that is not an object', (d) => (d.items[1] = 'q2'), { path: 'items[1]', message: '应为对象，实际为字符串' }],
    ['duplicate item id', (d) => (d.items[2].id = 'q1'), { path: 'items[2].id', message: '题目编号“q1”与 items[0] 重复' }],
    [
      'badly formed item id',
      (d) => (d.items[0].id = '第一题'),
      { path: 'items[0].id', message: '题目编号只能包含字母、数字、下划线和连字符（最长 64 个字符）' },
    ],
    ['empty item text', (d) => (d.items[0].text = ''), { path: 'items[0].text', message: '不能为空' }],
    ['no options anywhere', (d) => delete d.options, { path: 'items[0].options', message: '本题没有选项，量表也没有公共选项 options' }],
    [
      'reversed item without a rule',
      (d) => (d.items[1].reversed = true),
      { path: 'items[1].reversed', message: '反向计分题需要 scoring.reverseBase，或本题每个选项都设置 reversedValue' },
    ],
    ['reversed given as a string', (d) => (d.items[1].reversed = 'yes'), { path: 'items[1].reversed', message: '应为 true 或 false，实际为字符串' }],
    ['undefined subscale', (d) => (d.items[0].subscale = 'worry'), { path: 'items[0].subscale', message: '分量表“worry”未在 scoring.subscales 中定义' }],
    ['every item unscored', (d) => d.items.forEach((i: Json) => (i.scored = false)), { path: 'items', message: '至少需要一道计分题（scored 不为 false）' }],
    ['scoring missing', (d) => delete d.scoring, { path: 'scoring', message: '缺少必填字段' }],
    [
      'unknown scoring method',
      (d) => (d.scoring.method = 'total'),
      { path: 'scoring.method', message: '应为以下之一：sum、mean、sum_times_factor，实际为“total”' },
    ],
    [
      'factor on a sum scale',
      (d) => (d.scoring.factor = 2),
      { path: 'scoring.factor', message: '只有 sum_times_factor 计分方式可以设置 factor（当前为 sum）' },
    ],
    [
      'rounding on a sum scale',
      (d) => (d.scoring.rounding = 'floor'),
      { path: 'scoring.rounding', message: 'sum 计分方式的得分本身就是整数，不能设置 rounding' },
    ],
    [
      'sum_times_factor without factor',
      (d) => (d.scoring = { method: 'sum_times_factor', rounding: 'floor' }),
      { path: 'scoring.factor', message: '缺少必填字段' },
    ],
    [
      'sum_times_factor without rounding',
      (d) => (d.scoring = { method: 'sum_times_factor', factor: 2 }),
      { path: 'scoring.rounding', message: '缺少必填字段' },
    ],
    [
      'negative factor',
      (d) => (d.scoring = { method: 'sum_times_factor', factor: -1, rounding: 'none' }),
      { path: 'scoring.factor', message: '应大于 0 且不大于 1000，实际为 -1' },
    ],
    [
      'decimals with rounding none',
      (d) => (d.scoring = { method: 'mean', rounding: 'none', decimals: 2 }),
      { path: 'scoring.decimals', message: '只有 rounding 为 floor 或 round 时才能设置 decimals' },
    ],
    [
      'duplicate subscale id',
      (d) =>
        (d.scoring.subscales = [
          { id: 's', title: '甲', method: 'sum' },
          { id: 's', title: '乙', method: 'sum' },
        ]),
      { path: 'scoring.subscales[1].id', message: '分量表编号“s”重复' },
    ],
    [
      'subscale without items',
      (d) => (d.scoring.subscales = [{ id: 's', title: '甲', method: 'sum' }]),
      { path: 'scoring.subscales[0]', message: '没有任何计分题属于分量表“s”' },
    ],
    ['no bands', (d) => (d.bands = []), { path: 'bands', message: '不能为空数组' }],
    ['gap between bands', (d) => (d.bands[1].min = 6), { path: 'bands[1].min', message: '与上一分段（0-4 分）之间有空档：本分段应从 5 分开始' }],
    ['overlapping bands', (d) => (d.bands[2].min = 9), { path: 'bands[2].min', message: '与上一分段（5-9 分）重叠，或分段没有按分数从低到高排列' }],
    ['bands out of order', (d) => d.bands.reverse(), { path: 'bands[1].min', message: '与上一分段（15-21 分）重叠，或分段没有按分数从低到高排列' }],
    ['first band above the minimum', (d) => (d.bands[0].min = 1), { path: 'bands[0].min', message: '最低分段应从最低可能得分 0 开始，实际为 1' }],
    ['last band short of the maximum', (d) => (d.bands[3].max = 20), { path: 'bands[3].max', message: '最高分段应止于最高可能得分 21，实际为 20' }],
    ['last band beyond the maximum', (d) => (d.bands[3].max = 27), { path: 'bands[3].max', message: '最高分段应止于最高可能得分 21，实际为 27' }],
    ['max below min', (d) => (d.bands[1].max = 3), { path: 'bands[1].max', message: 'max（3）不能小于 min（5）' }],
    [
      'fractional bound on an integer scale',
      (d) => ((d.bands[0].max = 4.5), (d.bands[1].min = 5.5)),
      { path: 'bands[0].max', message: '本量表得分都是整数，分段界限应为整数，实际为 4.5' },
    ],
    ['duplicate severity', (d) => (d.bands[2].severity = 1), { path: 'bands[2].severity', message: 'severity 1 与 bands[1] 重复，每个分段的严重程度必须不同' }],
    ['negative severity', (d) => (d.bands[0].severity = -1), { path: 'bands[0].severity', message: '应在 0 到 100 之间，实际为 -1' }],
    [
      'level against the severity order',
      (d) => (d.bands[3].level = 'mild'),
      { path: 'bands[3].level', message: 'level “mild” 与 severity 的顺序不一致：bands[1] 为 “mild”、severity 1，本分段 severity 为 3' },
    ],
    ['unknown level', (d) => (d.bands[0].level = 'minimal'), { path: 'bands[0].level', message: expect.stringMatching(/^应为以下之一：none、mild/) }],
    ['band without advice', (d) => delete d.bands[2].advice, { path: 'bands[2].advice', message: '缺少必填字段' }],
    ['critical item that does not exist', (d) => (d.critical = [{ itemId: 'q9', threshold: 1 }]), { path: 'critical[0].itemId', message: '题目“q9”不存在' }],
    [
      'critical threshold that always fires',
      (d) => (d.critical = [{ itemId: 'q2', threshold: 0 }]),
      { path: 'critical[0].threshold', message: '阈值 0 不大于第 2 题的最小选项值 0，任何答案都会触发危机流程' },
    ],
    [
      'critical threshold that never fires',
      (d) => (d.critical = [{ itemId: 'q2', threshold: 4 }]),
      { path: 'critical[0].threshold', message: '阈值 4 大于第 2 题的最大选项值 3，永远不会触发' },
    ],
    [
      'critical threshold not a number',
      (d) => (d.critical = [{ itemId: 'q2', threshold: '1' }]),
      { path: 'critical[0].threshold', message: '应为数字，实际为字符串' },
    ],
    [
      'critical item listed twice',
      (d) =>
        (d.critical = [
          { itemId: 'q2', threshold: 1 },
          { itemId: 'q2', threshold: 2 },
        ]),
      { path: 'critical[1].itemId', message: '题目“q2”已在 critical[0] 中设置过危机阈值' },
    ],
    [
      'crisis flag of the wrong type',
      (d) => (d.mostSevereBandIsCrisis = 'true'),
      { path: 'mostSevereBandIsCrisis', message: '应为 true 或 false，实际为字符串' },
    ],
    ['licence missing', (d) => delete d.licence, { path: 'licence', message: '缺少授权信息 licence（名称、是否可免费用于公共服务、说明）' }],
    [
      'licence without the public-service flag',
      (d) => delete d.licence.freeForPublicService,
      { path: 'licence.freeForPublicService', message: '缺少必填字段' },
    ],
    ['licence with a bad url', (d) => (d.licence.url = 'www.example.org'), { path: 'licence.url', message: '应为以 http:// 或 https:// 开头的网址' }],
    ['licence without a note', (d) => delete d.licence.note, { path: 'licence.note', message: '缺少必填字段' }],
    ['citation missing', (d) => delete d.citation, { path: 'citation', message: '缺少必填字段' }],
  ];

  it.each(cases.map(([name, mutate, expected]) => [name, mutate, expected] as const))('%s', (_name, mutate, expected) => {
    expect(broken(mutate)).toContainEqual(expected);
  });

  it('rejects a document that is not an object', () => {
    expect(errorsOf(null)).toEqual([{ path: '', message: '量表定义应为对象，实际为null' }]);
    expect(errorsOf([])).toEqual([{ path: '', message: '量表定义应为对象，实际为数组' }]);
    expect(errorsOf('phq-9')).toEqual([{ path: '', message: '量表定义应为对象，实际为字符串' }]);
  });

  it('reports every problem at once, not only the first', () => {
    const errors = broken((d) => {
      d.code = 'Bad Code';
      d.items[3].text = '';
      d.items[5].id = 'q1';
      d.bands[1].min = 6;
      delete d.licence;
    });
    expect(errors.map((e) => e.path)).toEqual(['code', 'items[3].text', 'items[5].id', 'bands[1].min', 'licence']);
  });

  it('checks band coverage only once the options are usable (the score range depends on them)', () => {
    const mutate = (d: Json): void => {
      d.items[3].options = [
        { value: 0, label: '否' },
        { value: 'x', label: '是' },
      ];
      d.bands[1].min = 6;
    };
    expect(broken(mutate)).toEqual([{ path: 'items[3].options[1].value', message: '应为整数，实际为字符串' }]);
  });

  it('reports exactly one error for a single gap', () => {
    expect(broken((d) => (d.bands[1].min = 6))).toEqual([{ path: 'bands[1].min', message: '与上一分段（0-4 分）之间有空档：本分段应从 5 分开始' }]);
  });

  it('checks coverage on the final score of a x1.25 scale (SDS: 25-100)', () => {
    expect(broken((d) => (d.bands[0].min = 20), SDS)).toEqual([{ path: 'bands[0].min', message: '最低分段应从最低可能得分 25 开始，实际为 20' }]);
    expect(broken((d) => (d.bands[3].max = 80), SDS)).toEqual([{ path: 'bands[3].max', message: '最高分段应止于最高可能得分 100，实际为 80' }]);
  });

  it('on a fractional scale, reports a possible score that falls between two bands', () => {
    // GAD-7 as a mean of 7 items rounded to 2 decimals: 11 / 7 = 1.5714... -> 1.57 lies between 1.5 and 1.6.
    const errors = broken((d) => {
      d.scoring = { method: 'mean', rounding: 'round', decimals: 2 };
      d.bands = [
        { min: 0, max: 1.5, severity: 0, label: '低', interpretation: '筛查，不是诊断。', advice: '保持。' },
        { min: 1.6, max: 3, severity: 1, label: '高', interpretation: '筛查，不是诊断。', advice: '咨询。' },
      ];
    });
    expect(errors).toEqual([{ path: 'bands[1].min', message: '得分 1.57 不属于任何分段（位于上一分段 0-1.5 分 与本分段之间）' }]);
  });

  it('accepts fractional bands that leave no possible score out', () => {
    const d = copy(GAD7);
    d.scoring = { method: 'mean', rounding: 'round', decimals: 2 };
    d.bands = [
      { min: 0, max: 1.57, severity: 0, label: '低', interpretation: '筛查，不是诊断。', advice: '保持。' },
      { min: 1.58, max: 3, severity: 1, label: '高', interpretation: '筛查，不是诊断。', advice: '咨询。' },
    ];
    const r = validateScaleDefinition(d);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

import { isScoredItem, itemOptions, optionScore, scoreFromRaw } from './scoring';
import {
  SCALE_AUDIENCES,
  SCALE_BAND_LEVELS,
  SCORE_ROUNDINGS,
  SCORING_METHODS,
  SUBSCALE_METHODS,
  type ScaleBandLevel,
  type ScaleDefinition,
  type ScaleItem,
  type ScaleOption,
  type ScaleScoring,
} from './types';

export interface ScaleValidationError {
  /** JSON path of the offending value, e.g. `items[3].options[1].value`; `` for the whole document. */
  path: string;
  /** zh-CN, for the administrator who imported the file. */
  message: string;
}

export type ScaleValidationResult = { ok: true; def: ScaleDefinition } | { ok: false; errors: ScaleValidationError[] };

/** Limits that keep an imported file within what the platform can show and score. */
export const SCALE_LIMITS = {
  maxItems: 300,
  maxOptions: 20,
  minOptions: 2,
  maxOptionValue: 1000,
  maxBands: 20,
  maxCritical: 50,
  maxDecimals: 4,
  maxAge: 120,
  maxTimeMinutes: 180,
} as const;

const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const URL_PATTERN = /^https?:\/\/\S+$/;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '数组';
  switch (typeof v) {
    case 'string':
      return '字符串';
    case 'number':
      return Number.isFinite(v) ? '数字' : '非有限数字';
    case 'boolean':
      return '布尔值';
    case 'object':
      return '对象';
    default:
      return typeof v;
  }
}

const join = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);
const at = (base: string, index: number): string => `${base}[${index}]`;
const fmt = (n: number): string => String(n);
const list = (values: readonly string[]): string => values.join('、');

class Collector {
  readonly errors: ScaleValidationError[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  knownKeys(obj: Obj, allowed: readonly string[], base: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.add(join(base, key), `未知字段“${key}”（允许的字段：${list(allowed)}）`);
    }
  }

  /** Required unless `optional`; returns the value when it is a non-empty string. */
  string(obj: Obj, key: string, base: string, optional = false): string | undefined {
    const path = join(base, key);
    const v = obj[key];
    if (v === undefined) {
      if (!optional) this.add(path, '缺少必填字段');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.add(path, `应为字符串，实际为${kind(v)}`);
      return undefined;
    }
    if (v.trim() === '') {
      this.add(path, '不能为空');
      return undefined;
    }
    return v;
  }

  integer(obj: Obj, key: string, base: string, min: number, max: number, optional = false): number | undefined {
    const path = join(base, key);
    const v = obj[key];
    if (v === undefined) {
      if (!optional) this.add(path, '缺少必填字段');
      return undefined;
    }
    if (!isInt(v)) {
      this.add(path, isNum(v) ? `应为整数，实际为 ${fmt(v)}` : `应为整数，实际为${kind(v)}`);
      return undefined;
    }
    if (v < min || v > max) {
      this.add(path, `应在 ${min} 到 ${max} 之间，实际为 ${v}`);
      return undefined;
    }
    return v;
  }

  number(obj: Obj, key: string, base: string, optional = false): number | undefined {
    const path = join(base, key);
    const v = obj[key];
    if (v === undefined) {
      if (!optional) this.add(path, '缺少必填字段');
      return undefined;
    }
    if (!isNum(v)) {
      this.add(path, `应为数字，实际为${kind(v)}`);
      return undefined;
    }
    return v;
  }

  boolean(obj: Obj, key: string, base: string, optional = false): boolean | undefined {
    const path = join(base, key);
    const v = obj[key];
    if (v === undefined) {
      if (!optional) this.add(path, '缺少必填字段');
      return undefined;
    }
    if (typeof v !== 'boolean') {
      this.add(path, `应为 true 或 false，实际为${kind(v)}`);
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(obj: Obj, key: string, base: string, allowed: readonly T[], optional = false): T | undefined {
    const path = join(base, key);
    const v = obj[key];
    if (v === undefined) {
      if (!optional) this.add(path, '缺少必填字段');
      return undefined;
    }
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      const shown = typeof v === 'string' ? `“${v}”` : kind(v);
      this.add(path, `应为以下之一：${list(allowed)}，实际为${shown}`);
      return undefined;
    }
    return v as T;
  }

  /** An array of objects; reports the container and each non-object entry. */
  objectArray(obj: Obj, key: string, base: string, min: number, max: number, optional = false): (Obj | undefined)[] | undefined {
    const path = join(base, key);
    const v = obj[key];
    if (v === undefined) {
      if (!optional) this.add(path, '缺少必填字段');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.add(path, `应为数组，实际为${kind(v)}`);
      return undefined;
    }
    if (v.length < min) this.add(path, min === 1 ? '不能为空数组' : `至少需要 ${min} 项，实际为 ${v.length} 项`);
    if (v.length > max) {
      this.add(path, `最多 ${max} 项，实际为 ${v.length} 项`);
      return undefined;
    }
    return v.map((entry: unknown, i: number) => {
      if (isObj(entry)) return entry;
      this.add(at(path, i), `应为对象，实际为${kind(entry)}`);
      return undefined;
    });
  }
}

const ROOT_KEYS = [
  'code',
  'version',
  'title',
  'shortTitle',
  'description',
  'instructions',
  'timeMinutes',
  'audience',
  'minAge',
  'maxAge',
  'options',
  'items',
  'scoring',
  'bands',
  'critical',
  'mostSevereBandIsCrisis',
  'licence',
  'citation',
] as const;
const OPTION_KEYS = ['value', 'label', 'reversedValue'] as const;
const ITEM_KEYS = ['id', 'text', 'options', 'reversed', 'subscale', 'scored'] as const;
const SCORING_KEYS = ['method', 'factor', 'rounding', 'decimals', 'reverseBase', 'subscales'] as const;
const SUBSCALE_KEYS = ['id', 'title', 'method'] as const;
const BAND_KEYS = ['min', 'max', 'severity', 'level', 'label', 'interpretation', 'advice'] as const;
const CRITICAL_KEYS = ['itemId', 'threshold'] as const;
const LICENCE_KEYS = ['name', 'url', 'freeForPublicService', 'note'] as const;

/** Validates an options array; returns the options when every entry is well formed. */
function checkOptions(c: Collector, owner: Obj, base: string): ScaleOption[] | undefined {
  const path = join(base, 'options');
  const entries = c.objectArray(owner, 'options', base, SCALE_LIMITS.minOptions, SCALE_LIMITS.maxOptions, true);
  if (entries === undefined) return undefined;
  let ok = entries.length >= SCALE_LIMITS.minOptions;
  const seenValues = new Map<number, number>();
  const seenLabels = new Map<string, number>();
  const out: ScaleOption[] = [];
  entries.forEach((o, j) => {
    if (o === undefined) {
      ok = false;
      return;
    }
    const p = at(path, j);
    c.knownKeys(o, OPTION_KEYS, p);
    const lim = SCALE_LIMITS.maxOptionValue;
    const value = c.integer(o, 'value', p, -lim, lim);
    const label = c.string(o, 'label', p);
    const reversedValue = c.integer(o, 'reversedValue', p, -lim, lim, true);
    if (value === undefined || label === undefined || (o.reversedValue !== undefined && reversedValue === undefined)) {
      ok = false;
      return;
    }
    const dupValue = seenValues.get(value);
    if (dupValue !== undefined) {
      c.add(join(p, 'value'), `选项分值 ${value} 与 ${at(path, dupValue)} 重复`);
      ok = false;
    } else seenValues.set(value, j);
    const dupLabel = seenLabels.get(label);
    if (dupLabel !== undefined) {
      c.add(join(p, 'label'), `选项文字“${label}”与 ${at(path, dupLabel)} 重复`);
      ok = false;
    } else seenLabels.set(label, j);
    out.push(reversedValue === undefined ? { value, label } : { value, label, reversedValue });
  });
  return ok ? out : undefined;
}

function checkScoring(c: Collector, root: Obj): { scoring?: ScaleScoring; subscaleIds: Set<string> } {
  const subscaleIds = new Set<string>();
  const raw = root.scoring;
  if (raw === undefined) {
    c.add('scoring', '缺少必填字段');
    return { subscaleIds };
  }
  if (!isObj(raw)) {
    c.add('scoring', `应为对象，实际为${kind(raw)}`);
    return { subscaleIds };
  }
  const base = 'scoring';
  c.knownKeys(raw, SCORING_KEYS, base);
  let ok = true;
  const method = c.oneOf(raw, 'method', base, SCORING_METHODS);
  if (method === undefined) ok = false;

  let factor: number | undefined;
  if (method === 'sum_times_factor') {
    factor = c.number(raw, 'factor', base);
    if (factor === undefined) ok = false;
    else if (factor <= 0 || factor > 1000) {
      c.add('scoring.factor', `应大于 0 且不大于 1000，实际为 ${fmt(factor)}`);
      ok = false;
    }
  } else if (raw.factor !== undefined && method !== undefined) {
    c.add('scoring.factor', `只有 sum_times_factor 计分方式可以设置 factor（当前为 ${method}）`);
    ok = false;
  }

  let rounding: ScaleScoring['rounding'];
  if (method === 'mean' || method === 'sum_times_factor') {
    rounding = c.oneOf(raw, 'rounding', base, SCORE_ROUNDINGS);
    if (rounding === undefined) ok = false;
  } else if (raw.rounding !== undefined && method !== undefined) {
    c.add('scoring.rounding', 'sum 计分方式的得分本身就是整数，不能设置 rounding');
    ok = false;
  }

  const decimals = c.integer(raw, 'decimals', base, 0, SCALE_LIMITS.maxDecimals, true);
  if (raw.decimals !== undefined) {
    if (decimals === undefined) ok = false;
    else if (rounding !== 'floor' && rounding !== 'round' && method !== undefined) {
      c.add('scoring.decimals', '只有 rounding 为 floor 或 round 时才能设置 decimals');
      ok = false;
    }
  }

  const lim = SCALE_LIMITS.maxOptionValue;
  const reverseBase = c.integer(raw, 'reverseBase', base, -2 * lim, 2 * lim, true);
  if (raw.reverseBase !== undefined && reverseBase === undefined) ok = false;

  const subs = c.objectArray(raw, 'subscales', base, 1, SCALE_LIMITS.maxItems, true);
  const subscales: ScaleScoring['subscales'] = [];
  if (raw.subscales !== undefined && subs === undefined) ok = false;
  subs?.forEach((s, k) => {
    if (s === undefined) {
      ok = false;
      return;
    }
    const p = at('scoring.subscales', k);
    c.knownKeys(s, SUBSCALE_KEYS, p);
    const id = c.string(s, 'id', p);
    const title = c.string(s, 'title', p);
    const m = c.oneOf(s, 'method', p, SUBSCALE_METHODS);
    if (id !== undefined && !ID_PATTERN.test(id)) {
      c.add(join(p, 'id'), '分量表编号只能包含字母、数字、下划线和连字符（最长 64 个字符）');
      ok = false;
      return;
    }
    if (id === undefined || title === undefined || m === undefined) {
      ok = false;
      return;
    }
    if (subscaleIds.has(id)) {
      c.add(join(p, 'id'), `分量表编号“${id}”重复`);
      ok = false;
      return;
    }
    subscaleIds.add(id);
    subscales.push({ id, title, method: m });
  });

  if (!ok || method === undefined) return { subscaleIds };
  const scoring: ScaleScoring = { method };
  if (factor !== undefined) scoring.factor = factor;
  if (rounding !== undefined) scoring.rounding = rounding;
  if (decimals !== undefined) scoring.decimals = decimals;
  if (reverseBase !== undefined) scoring.reverseBase = reverseBase;
  if (raw.subscales !== undefined) scoring.subscales = subscales;
  return { scoring, subscaleIds };
}

interface CheckedItems {
  items?: ScaleItem[];
  itemIndex: Map<string, number>;
}

function checkItems(
  c: Collector,
  root: Obj,
  sharedOptions: ScaleOption[] | undefined,
  sharedOptionsGiven: boolean,
  scoring: ScaleScoring | undefined,
  subscaleIds: Set<string>,
): CheckedItems {
  const itemIndex = new Map<string, number>();
  const entries = c.objectArray(root, 'items', '', 1, SCALE_LIMITS.maxItems);
  if (entries === undefined) return { itemIndex };
  // `ok`: everything the score depends on (options, reversal, scored) is usable; problems with
  // ids or texts are reported but do not stop the checks that need the score range.
  let ok = entries.length > 0;
  const items: ScaleItem[] = [];
  entries.forEach((it, i) => {
    if (it === undefined) {
      ok = false;
      return;
    }
    const p = at('items', i);
    c.knownKeys(it, ITEM_KEYS, p);
    const id = c.string(it, 'id', p);
    if (id !== undefined) {
      if (!ID_PATTERN.test(id)) {
        c.add(join(p, 'id'), '题目编号只能包含字母、数字、下划线和连字符（最长 64 个字符）');
      } else if (itemIndex.has(id)) {
        c.add(join(p, 'id'), `题目编号“${id}”与 ${at('items', itemIndex.get(id) as number)} 重复`);
      } else itemIndex.set(id, i);
    }
    const text = c.string(it, 'text', p);

    let options: ScaleOption[] | undefined;
    if (it.options !== undefined) {
      options = checkOptions(c, it, p);
      if (options === undefined) ok = false;
    } else if (!sharedOptionsGiven) {
      c.add(join(p, 'options'), '本题没有选项，量表也没有公共选项 options');
      ok = false;
    } else if (sharedOptions === undefined) {
      ok = false; // the shared options are broken; reported there
    }

    const reversed = c.boolean(it, 'reversed', p, true);
    const scored = c.boolean(it, 'scored', p, true);
    if ((it.reversed !== undefined && reversed === undefined) || (it.scored !== undefined && scored === undefined)) ok = false;

    let subscale: string | undefined;
    if (it.subscale !== undefined) {
      subscale = c.string(it, 'subscale', p);
      if (subscale !== undefined && !subscaleIds.has(subscale)) {
        c.add(join(p, 'subscale'), `分量表“${subscale}”未在 scoring.subscales 中定义`);
        subscale = undefined;
      }
    }

    const effective = options ?? sharedOptions;
    if (reversed === true && effective !== undefined) {
      const explicit = effective.every((o) => o.reversedValue !== undefined);
      const reverseBaseGiven = isObj(root.scoring) && root.scoring.reverseBase !== undefined;
      if (!explicit && !reverseBaseGiven) {
        c.add(join(p, 'reversed'), '反向计分题需要 scoring.reverseBase，或本题每个选项都设置 reversedValue');
        ok = false;
      }
    }

    // Placeholders keep the item's place; its id / text problems are already reported.
    const item: ScaleItem = { id: id ?? `#${i}`, text: text ?? '' };
    if (options !== undefined) item.options = options;
    if (reversed !== undefined) item.reversed = reversed;
    if (subscale !== undefined) item.subscale = subscale;
    if (scored !== undefined) item.scored = scored;
    items.push(item);
  });

  if (ok && !items.some(isScoredItem)) {
    c.add('items', '至少需要一道计分题（scored 不为 false）');
    ok = false;
  }
  if (ok && scoring?.subscales) {
    scoring.subscales.forEach((s, k) => {
      if (!items.some((item) => item.subscale === s.id && isScoredItem(item))) {
        c.add(at('scoring.subscales', k), `没有任何计分题属于分量表“${s.id}”`);
        ok = false;
      }
    });
  }
  return { items: ok ? items : undefined, itemIndex };
}

interface ScoreSpace {
  minScore: number;
  maxScore: number;
  /** Every final score considered possible, ascending. */
  scores: number[];
  integerScores: boolean;
}

/**
 * The scores a response can get. Option values are integers, so the raw sum is an integer between
 * its minimum and maximum; every such raw sum is treated as possible (a safe over-approximation).
 */
function scoreSpace(options: ScaleOption[] | undefined, items: ScaleItem[], scoring: ScaleScoring): ScoreSpace {
  const def = { options, items, scoring };
  let minRaw = 0;
  let maxRaw = 0;
  let count = 0;
  for (const item of items) {
    if (!isScoredItem(item)) continue;
    const values = itemOptions(def, item).map((o) => optionScore(scoring, item, o));
    minRaw += Math.min(...values);
    maxRaw += Math.max(...values);
    count += 1;
  }
  const seen = new Set<number>();
  for (let raw = minRaw; raw <= maxRaw; raw += 1) seen.add(scoreFromRaw(scoring, raw, count));
  const scores = [...seen].sort((a, b) => a - b);
  return {
    minScore: scores[0],
    maxScore: scores[scores.length - 1],
    scores,
    integerScores: scores.every((s) => Number.isInteger(s)),
  };
}

interface LooseBand {
  min?: number;
  max?: number;
  severity?: number;
  level?: ScaleBandLevel;
}

function checkBands(c: Collector, root: Obj, space: ScoreSpace | undefined): void {
  const entries = c.objectArray(root, 'bands', '', 1, SCALE_LIMITS.maxBands);
  if (entries === undefined) return;
  const bands: (LooseBand | undefined)[] = entries.map((b, i) => {
    if (b === undefined) return undefined;
    const p = at('bands', i);
    c.knownKeys(b, BAND_KEYS, p);
    const min = c.number(b, 'min', p);
    const max = c.number(b, 'max', p);
    const severity = c.integer(b, 'severity', p, 0, 100);
    const level = c.oneOf(b, 'level', p, SCALE_BAND_LEVELS, true);
    c.string(b, 'label', p);
    c.string(b, 'interpretation', p);
    c.string(b, 'advice', p);
    if (min !== undefined && max !== undefined && max < min) {
      c.add(join(p, 'max'), `max（${fmt(max)}）不能小于 min（${fmt(min)}）`);
    }
    return { min, max, severity, level };
  });

  // Severity ranks: distinct, and in the same order as the named levels.
  const seenSeverity = new Map<number, number>();
  bands.forEach((b, i) => {
    if (b?.severity === undefined) return;
    const dup = seenSeverity.get(b.severity);
    if (dup !== undefined) c.add(join(at('bands', i), 'severity'), `severity ${b.severity} 与 ${at('bands', dup)} 重复，每个分段的严重程度必须不同`);
    else seenSeverity.set(b.severity, i);
  });
  const rank = (l: ScaleBandLevel): number => SCALE_BAND_LEVELS.indexOf(l);
  bands.forEach((b, i) => {
    if (b?.level === undefined || b.severity === undefined) return;
    for (let j = 0; j < i; j += 1) {
      const o = bands[j];
      if (o?.level === undefined || o.severity === undefined || o.severity === b.severity) continue;
      if (Math.sign(rank(b.level) - rank(o.level)) !== Math.sign(b.severity - o.severity)) {
        c.add(
          join(at('bands', i), 'level'),
          `level “${b.level}” 与 severity 的顺序不一致：${at('bands', j)} 为 “${o.level}”、severity ${o.severity}，本分段 severity 为 ${b.severity}`,
        );
        return;
      }
    }
  });

  // Order, overlaps and gaps.
  const range = (b: LooseBand): string => `${fmt(b.min as number)}-${fmt(b.max as number)} 分`;
  for (let i = 1; i < bands.length; i += 1) {
    const prev = bands[i - 1];
    const cur = bands[i];
    if (prev?.min === undefined || prev.max === undefined || cur?.min === undefined || cur.max === undefined) continue;
    const p = join(at('bands', i), 'min');
    if (cur.min <= prev.max) {
      c.add(p, `与上一分段（${range(prev)}）重叠，或分段没有按分数从低到高排列`);
      continue;
    }
    if (space === undefined) continue;
    if (space.integerScores) {
      if (cur.min !== prev.max + 1) c.add(p, `与上一分段（${range(prev)}）之间有空档：本分段应从 ${fmt(prev.max + 1)} 分开始`);
    } else {
      const missed = space.scores.find((s) => s > (prev.max as number) && s < (cur.min as number));
      if (missed !== undefined) c.add(p, `得分 ${fmt(missed)} 不属于任何分段（位于上一分段 ${range(prev)} 与本分段之间）`);
    }
  }

  if (space === undefined) return;
  if (space.integerScores) {
    bands.forEach((b, i) => {
      for (const key of ['min', 'max'] as const) {
        const v = b?.[key];
        if (v !== undefined && !Number.isInteger(v)) c.add(join(at('bands', i), key), `本量表得分都是整数，分段界限应为整数，实际为 ${fmt(v)}`);
      }
    });
  }
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first?.min !== undefined && first.min !== space.minScore) {
    c.add('bands[0].min', `最低分段应从最低可能得分 ${fmt(space.minScore)} 开始，实际为 ${fmt(first.min)}`);
  }
  if (last?.max !== undefined && last.max !== space.maxScore) {
    c.add(`${at('bands', bands.length - 1)}.max`, `最高分段应止于最高可能得分 ${fmt(space.maxScore)}，实际为 ${fmt(last.max)}`);
  }
}

function checkCritical(c: Collector, root: Obj, checked: CheckedItems, sharedOptions: ScaleOption[] | undefined): void {
  const entries = c.objectArray(root, 'critical', '', 0, SCALE_LIMITS.maxCritical, true);
  if (entries === undefined) return;
  const seen = new Map<string, number>();
  entries.forEach((e, k) => {
    if (e === undefined) return;
    const p = at('critical', k);
    c.knownKeys(e, CRITICAL_KEYS, p);
    const itemId = c.string(e, 'itemId', p);
    const threshold = c.number(e, 'threshold', p);
    if (itemId === undefined) return;
    const index = checked.itemIndex.get(itemId);
    if (index === undefined) {
      c.add(join(p, 'itemId'), `题目“${itemId}”不存在`);
      return;
    }
    const dup = seen.get(itemId);
    if (dup !== undefined) {
      c.add(join(p, 'itemId'), `题目“${itemId}”已在 ${at('critical', dup)} 中设置过危机阈值`);
      return;
    }
    seen.set(itemId, k);
    if (threshold === undefined || checked.items === undefined) return;
    const item = checked.items[index];
    const values = itemOptions({ options: sharedOptions }, item).map((o) => o.value);
    const lowest = Math.min(...values);
    const highest = Math.max(...values);
    if (threshold <= lowest) {
      c.add(join(p, 'threshold'), `阈值 ${fmt(threshold)} 不大于第 ${index + 1} 题的最小选项值 ${lowest}，任何答案都会触发危机流程`);
    } else if (threshold > highest) {
      c.add(join(p, 'threshold'), `阈值 ${fmt(threshold)} 大于第 ${index + 1} 题的最大选项值 ${highest}，永远不会触发`);
    }
  });
}

function checkLicence(c: Collector, root: Obj): void {
  const v = root.licence;
  if (v === undefined) {
    c.add('licence', '缺少授权信息 licence（名称、是否可免费用于公共服务、说明）');
    return;
  }
  if (!isObj(v)) {
    c.add('licence', `应为对象，实际为${kind(v)}`);
    return;
  }
  c.knownKeys(v, LICENCE_KEYS, 'licence');
  c.string(v, 'name', 'licence');
  const url = c.string(v, 'url', 'licence', true);
  if (url !== undefined && !URL_PATTERN.test(url)) c.add('licence.url', '应为以 http:// 或 https:// 开头的网址');
  c.boolean(v, 'freeForPublicService', 'licence');
  if (v.note === undefined) c.add('licence.note', '缺少必填字段');
  else if (typeof v.note !== 'string') c.add('licence.note', `应为字符串，实际为${kind(v.note)}`);
}

/**
 * Checks a scale definition (e.g. a JSON file a system administrator imports) and reports every
 * problem with its JSON path. On success returns the input typed as a `ScaleDefinition`.
 */
export function validateScaleDefinition(input: unknown): ScaleValidationResult {
  const c = new Collector();
  if (!isObj(input)) {
    c.add('', `量表定义应为对象，实际为${kind(input)}`);
    return { ok: false, errors: c.errors };
  }
  const root = input;
  c.knownKeys(root, ROOT_KEYS, '');

  const code = c.string(root, 'code', '');
  if (code !== undefined && (!CODE_PATTERN.test(code) || code.length > 40)) {
    c.add('code', '量表编码只能包含小写字母、数字和连字符（如 phq-9），最长 40 个字符');
  }
  c.integer(root, 'version', '', 1, Number.MAX_SAFE_INTEGER);
  c.string(root, 'title', '');
  c.string(root, 'shortTitle', '');
  c.string(root, 'description', '');
  c.string(root, 'instructions', '');
  const minutes = c.number(root, 'timeMinutes', '');
  if (minutes !== undefined && (minutes <= 0 || minutes > SCALE_LIMITS.maxTimeMinutes)) {
    c.add('timeMinutes', `应大于 0 且不大于 ${SCALE_LIMITS.maxTimeMinutes}，实际为 ${fmt(minutes)}`);
  }
  c.oneOf(root, 'audience', '', SCALE_AUDIENCES);
  const minAge = c.integer(root, 'minAge', '', 0, SCALE_LIMITS.maxAge);
  if (root.maxAge === undefined) c.add('maxAge', '缺少必填字段（没有年龄上限时填 null）');
  else if (root.maxAge !== null) {
    const maxAge = c.integer(root, 'maxAge', '', 0, SCALE_LIMITS.maxAge);
    if (maxAge !== undefined && minAge !== undefined && maxAge < minAge) {
      c.add('maxAge', `年龄上限 ${maxAge} 不能小于下限 ${minAge}`);
    }
  }

  const sharedOptionsGiven = root.options !== undefined;
  const sharedOptions = sharedOptionsGiven ? checkOptions(c, root, '') : undefined;
  const { scoring, subscaleIds } = checkScoring(c, root);
  const checked = checkItems(c, root, sharedOptions, sharedOptionsGiven, scoring, subscaleIds);
  const space =
    checked.items !== undefined && scoring !== undefined && (!sharedOptionsGiven || sharedOptions !== undefined)
      ? scoreSpace(sharedOptions, checked.items, scoring)
      : undefined;
  checkBands(c, root, space);
  checkCritical(c, root, checked, sharedOptions);
  c.boolean(root, 'mostSevereBandIsCrisis', '', true);
  checkLicence(c, root);
  c.string(root, 'citation', '');

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, def: input as unknown as ScaleDefinition };
}

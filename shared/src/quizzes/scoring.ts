import { DONT_KNOW_KEY, KNOWLEDGE_POINT_IDS, type DrawSpec, type KnowledgePointId, type QuizAnswers, type QuizQuestion, type ScoringRule } from './types';

// ---------------------------------------------------------------------------------------------
// Errors

export type QuizAnswerErrorCode =
  /** A question of the quiz has no answer. */
  | 'missing_answer'
  /** An answer refers to a question that is not in the quiz. */
  | 'unknown_question'
  /** A selected key is not an option of the question. */
  | 'invalid_option'
  /**
   * An empty selection, a repeated key, several keys for a single-answer question, 不知道 combined with
   * another option, or an answer that is neither a key nor a list of keys (a number, an object ...).
   */
  | 'invalid_selection';

/** Thrown by `scoreAttempt`; `message` is Chinese and names the question, for display as is. */
export class QuizAnswerError extends Error {
  readonly code: QuizAnswerErrorCode;
  readonly questionId: string;
  constructor(code: QuizAnswerErrorCode, questionId: string, message: string) {
    super(message);
    this.name = 'QuizAnswerError';
    this.code = code;
    this.questionId = questionId;
    Object.setPrototypeOf(this, QuizAnswerError.prototype);
  }
}

export type QuizDrawErrorCode = 'unknown_question' | 'duplicate_question' | 'not_enough_questions' | 'invalid_spec';

/** Thrown by `drawQuestions` when the spec cannot be satisfied by the bank (a configuration error). */
export class QuizDrawError extends Error {
  readonly code: QuizDrawErrorCode;
  constructor(code: QuizDrawErrorCode, message: string) {
    super(message);
    this.name = 'QuizDrawError';
    this.code = code;
    Object.setPrototypeOf(this, QuizDrawError.prototype);
  }
}

function questionLabel(q: QuizQuestion, index: number): string {
  const stem = q.stem.length > 20 ? `${q.stem.slice(0, 20)}…` : q.stem;
  return `第 ${index + 1} 题“${stem}”`;
}

// ---------------------------------------------------------------------------------------------
// Scoring

export interface ScoredQuestion {
  questionId: string;
  knowledgePoint: KnowledgePointId;
  /** The keys the resident selected, normalised to an array. */
  selected: string[];
  correctKeys: string[];
  /** Full credit. */
  isCorrect: boolean;
  /** The resident chose 不知道. */
  dontKnow: boolean;
  /** 0..1; fractional only for multiple choice under the 'partial' rule. */
  credit: number;
  points: number;
  explanation: string;
}

export interface AttemptScore {
  items: ScoredQuestion[];
  questionCount: number;
  /** Items with full credit. */
  correctCount: number;
  dontKnowCount: number;
  score: number;
  maxScore: number;
  /** Sum of credit / question count, 0..1 (equals correctCount / questionCount without partial credit). */
  correctRate: number;
  passMark: number;
  /** correctRate >= passMark (so score >= passMark x maxScore). */
  passed: boolean;
}

const EPS = 1e-9;

/** The keys an answer selects; `undefined` for a value that is not a key or a list of keys (answers arrive as JSON). */
function normaliseSelection(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) && value.every((k) => typeof k === 'string') ? [...value] : undefined;
}

/**
 * Score one attempt. Every question must be answered exactly once (不知道 counts as an answer
 * and scores 0); answers to questions outside the quiz are rejected. Throws `QuizAnswerError`.
 */
export function scoreAttempt(questions: readonly QuizQuestion[], answers: QuizAnswers, rule: ScoringRule): AttemptScore {
  if (questions.length === 0) throw new RangeError('测验没有题目');
  const byId = new Map(questions.map((q) => [q.id, q] as const));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) throw new QuizAnswerError('unknown_question', id, `答案中的题目 ${id} 不属于本测验`);
  }
  const mcRule = rule.multipleChoice ?? 'all_or_nothing';

  const items = questions.map((q, index): ScoredQuestion => {
    const label = questionLabel(q, index);
    const raw = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined;
    if (raw === undefined || raw === null) throw new QuizAnswerError('missing_answer', q.id, `${label}未作答`);
    const selected = normaliseSelection(raw);
    if (selected === undefined) throw new QuizAnswerError('invalid_selection', q.id, `${label}的答案须为选项编号或选项编号的列表`);
    if (selected.length === 0) throw new QuizAnswerError('missing_answer', q.id, `${label}未作答`);
    if (new Set(selected).size !== selected.length) {
      throw new QuizAnswerError('invalid_selection', q.id, `${label}的答案有重复选项`);
    }
    const keys = new Set(q.options.map((o) => o.key));
    for (const k of selected) {
      if (!keys.has(k)) throw new QuizAnswerError('invalid_option', q.id, `${label}没有选项“${k}”`);
    }
    if (q.kind !== 'multiple' && selected.length !== 1) {
      throw new QuizAnswerError('invalid_selection', q.id, `${label}只能选择一个答案`);
    }
    const dontKnow = selected.includes(DONT_KNOW_KEY) && keys.has(DONT_KNOW_KEY);
    if (dontKnow && selected.length > 1) {
      throw new QuizAnswerError('invalid_selection', q.id, `${label}选择“不知道”时不能同时选择其他选项`);
    }

    const correctSet = new Set(q.correct);
    let credit: number;
    if (dontKnow) {
      credit = 0;
    } else if (q.kind === 'multiple') {
      const wrong = selected.some((k) => !correctSet.has(k));
      const hits = selected.filter((k) => correctSet.has(k)).length;
      if (wrong) credit = 0;
      else if (hits === correctSet.size) credit = 1;
      else credit = mcRule === 'partial' ? hits / correctSet.size : 0;
    } else {
      credit = correctSet.has(selected[0]) ? 1 : 0;
    }
    return {
      questionId: q.id,
      knowledgePoint: q.knowledgePoint,
      selected,
      correctKeys: [...q.correct],
      isCorrect: credit === 1,
      dontKnow,
      credit,
      points: credit * rule.pointsPerItem,
      explanation: q.explanation,
    };
  });

  const totalCredit = items.reduce((s, i) => s + i.credit, 0);
  const correctRate = totalCredit / items.length;
  return {
    items,
    questionCount: items.length,
    correctCount: items.filter((i) => i.isCorrect).length,
    dontKnowCount: items.filter((i) => i.dontKnow).length,
    score: totalCredit * rule.pointsPerItem,
    maxScore: items.length * rule.pointsPerItem,
    correctRate,
    passMark: rule.passMark,
    // Tolerance so that e.g. 16/20 against 0.8 passes regardless of floating-point rounding.
    passed: correctRate >= rule.passMark - EPS,
  };
}

// ---------------------------------------------------------------------------------------------
// Drawing questions

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Rng = () => number;

/**
 * mulberry32: a tiny deterministic 32-bit PRNG (public domain, Tommy Ettinger). Good enough for
 * drawing quiz questions reproducibly; not for anything security-related.
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
function randomIndex(rng: Rng, n: number): number {
  const i = Math.floor(rng() * n);
  return i >= n ? n - 1 : i;
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/** Draw `k` distinct items uniformly (partial Fisher–Yates), in draw order. */
function sample<T>(items: readonly T[], k: number, rng: Rng): T[] {
  const pool = [...items];
  const out: T[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + randomIndex(rng, pool.length - i);
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
    out.push(pool[i]);
  }
  return out;
}

/**
 * Select a quiz's questions from a bank. 'fixed' returns the listed questions in order; 'random'
 * draws the requested number per knowledge point (ordered by point, then draw order, unless
 * `shuffle`). The same bank, spec and seed give the same questions. Throws `QuizDrawError`.
 */
export function drawQuestions(bank: readonly QuizQuestion[], spec: DrawSpec, rng: Rng): QuizQuestion[] {
  if (spec.mode === 'fixed') {
    const byId = new Map(bank.map((q) => [q.id, q] as const));
    const seen = new Set<string>();
    return spec.questionIds.map((id) => {
      if (seen.has(id)) throw new QuizDrawError('duplicate_question', `题目 ${id} 重复`);
      seen.add(id);
      const q = byId.get(id);
      if (!q) throw new QuizDrawError('unknown_question', `题库中没有题目 ${id}`);
      return q;
    });
  }

  const drawn: QuizQuestion[] = [];
  for (const point of KNOWLEDGE_POINT_IDS) {
    const n = typeof spec.perPoint === 'number' ? spec.perPoint : (spec.perPoint[point] ?? 0);
    if (!Number.isInteger(n) || n < 0) {
      throw new QuizDrawError('invalid_spec', `知识点 ${point} 的抽题数须为非负整数`);
    }
    if (n === 0) continue;
    const pool = bank.filter((q) => q.knowledgePoint === point);
    if (pool.length < n) {
      throw new QuizDrawError('not_enough_questions', `知识点 ${point} 只有 ${pool.length} 道题，不够抽取 ${n} 道`);
    }
    drawn.push(...sample(pool, n, rng));
  }
  if (drawn.length === 0) throw new QuizDrawError('invalid_spec', '抽题数为 0');
  return spec.shuffle ? shuffled(drawn, rng) : drawn;
}

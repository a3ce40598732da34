/**
 * Knowledge quizzes: the question model, quiz kinds and the configurable scoring rule.
 *
 * Two instruments are in use in Chinese local government (see docs / domain README,
 * "Knowledge-awareness measurement"), so the scoring rule is data, configured per quiz:
 * - 《精神卫生与心理保健知识问卷》 (MoH 2010): 20 items, 1 point each; the 知晓率 is the mean
 *   correct-answer rate  -> `MOH_2010_RULE`.
 * - 《国民心理健康素养问卷》 part 1 (CAS): 20 true/false items 对/错/不知道, 5 points each,
 *   不知道 scores 0, a respondent passes at >= 80 points; the rate is passing respondents /
 *   respondents  -> `CAS_LITERACY_PART1_RULE`.
 * Both figures (mean correct rate and pass rate) are always computed; see ./statistics.
 */

/** 《心理健康素养十条》 (国家卫生健康委, 2018), the ten core knowledge points, in order. */
export const KNOWLEDGE_POINTS = [
  { id: 1, text: '心理健康是健康的重要组成部分，身心健康密切关联、相互影响' },
  { id: 2, text: '适量运动有益于情绪健康，可预防、缓解焦虑抑郁' },
  { id: 3, text: '出现心理问题积极求助，是负责任、有智慧的表现' },
  { id: 4, text: '睡不好，别忽视，可能是心身健康问题' },
  { id: 5, text: '抑郁焦虑可有效防治，需及早评估，积极治疗' },
  { id: 6, text: '服用精神类药物需遵医嘱，不滥用，不自行减停' },
  { id: 7, text: '儿童心理发展有规律，要多了解，多尊重，科学引导' },
  { id: 8, text: '预防老年痴呆，要多运动，多用脑，多接触社会' },
  { id: 9, text: '要理解和关怀精神心理疾病患者，不歧视，不排斥' },
  { id: 10, text: '用科学的方法缓解压力，不逃避，不消极' },
] as const;

export type KnowledgePointId = (typeof KNOWLEDGE_POINTS)[number]['id'];
export const KNOWLEDGE_POINT_IDS: readonly KnowledgePointId[] = KNOWLEDGE_POINTS.map((p) => p.id);

export function isKnowledgePointId(value: unknown): value is KnowledgePointId {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10;
}

export function knowledgePointText(id: KnowledgePointId): string {
  return KNOWLEDGE_POINTS[id - 1].text;
}

// ---------------------------------------------------------------------------------------------
// Questions

export const QUESTION_KINDS = ['true_false', 'single', 'multiple'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  true_false: '判断题',
  single: '单选题',
  multiple: '多选题',
};

/** Option keys of a true/false question. `U` (不知道) is optional and always scores 0. */
export const TRUE_KEY = 'T';
export const FALSE_KEY = 'F';
export const DONT_KNOW_KEY = 'U';
export const TRUE_FALSE_LABELS = { [TRUE_KEY]: '对', [FALSE_KEY]: '错', [DONT_KNOW_KEY]: '不知道' } as const;

export interface QuizOption {
  /** Stable key, unique within the question: 'A'..'F' for choice questions, 'T'/'F'/'U' for true/false. */
  key: string;
  text: string;
}

export interface QuizQuestion {
  /** Stable id, unique within a bank (answers refer to it). */
  id: string;
  kind: QuestionKind;
  knowledgePoint: KnowledgePointId;
  stem: string;
  options: QuizOption[];
  /** Key(s) of the correct option(s): exactly one for 'true_false' and 'single', >= 1 for 'multiple'. */
  correct: string[];
  /** Shown to the resident after answering (practice) or after submitting (survey). */
  explanation: string;
}

/** The options of a true/false question; `withDontKnow` adds 不知道 (scores 0, as in the CAS instrument). */
export function trueFalseOptions(withDontKnow = true): QuizOption[] {
  const options: QuizOption[] = [
    { key: TRUE_KEY, text: TRUE_FALSE_LABELS[TRUE_KEY] },
    { key: FALSE_KEY, text: TRUE_FALSE_LABELS[FALSE_KEY] },
  ];
  if (withDontKnow) options.push({ key: DONT_KNOW_KEY, text: TRUE_FALSE_LABELS[DONT_KNOW_KEY] });
  return options;
}

/** Build a true/false question; `answer` is whether the statement is true. */
export function trueFalseQuestion(
  id: string,
  knowledgePoint: KnowledgePointId,
  stem: string,
  answer: boolean,
  explanation: string,
  withDontKnow = true,
): QuizQuestion {
  return {
    id,
    kind: 'true_false',
    knowledgePoint,
    stem,
    options: trueFalseOptions(withDontKnow),
    correct: [answer ? TRUE_KEY : FALSE_KEY],
    explanation,
  };
}

/** Problems (in Chinese, for the admin console) that make a question unusable; empty when valid. */
export function questionProblems(q: QuizQuestion): string[] {
  const problems: string[] = [];
  const name = `题目 ${q.id || '(无编号)'}`;
  if (!q.id || !q.id.trim()) problems.push('题目编号不能为空');
  if (!QUESTION_KINDS.includes(q.kind)) problems.push(`${name}：题型无效`);
  if (!isKnowledgePointId(q.knowledgePoint)) problems.push(`${name}：知识点须为 1-10`);
  if (!q.stem || !q.stem.trim()) problems.push(`${name}：题干不能为空`);
  if (!q.explanation || !q.explanation.trim()) problems.push(`${name}：缺少答案解析`);
  const keys = q.options.map((o) => o.key);
  if (new Set(keys).size !== keys.length) problems.push(`${name}：选项编号重复`);
  if (q.options.some((o) => !o.key || !o.text || !o.text.trim())) problems.push(`${name}：选项编号和内容不能为空`);
  if (new Set(q.correct).size !== q.correct.length) problems.push(`${name}：正确答案重复`);
  for (const c of q.correct) {
    if (!keys.includes(c)) problems.push(`${name}：正确答案 ${c} 不在选项中`);
  }
  if (q.kind === 'true_false') {
    const ok = (keys.length === 2 || keys.length === 3) && keys[0] === TRUE_KEY && keys[1] === FALSE_KEY && (keys.length === 2 || keys[2] === DONT_KNOW_KEY);
    if (!ok) problems.push(`${name}：判断题选项须为“对、错”或“对、错、不知道”`);
    if (q.correct.length !== 1 || (q.correct[0] !== TRUE_KEY && q.correct[0] !== FALSE_KEY)) {
      problems.push(`${name}：判断题的正确答案须为“对”或“错”`);
    }
  } else if (q.kind === 'single') {
    if (q.options.length < 2) problems.push(`${name}：单选题至少需要 2 个选项`);
    if (q.correct.length !== 1) problems.push(`${name}：单选题须有且只有 1 个正确答案`);
  } else if (q.kind === 'multiple') {
    if (q.options.length < 3) problems.push(`${name}：多选题至少需要 3 个选项`);
    if (q.correct.length < 1) problems.push(`${name}：多选题至少需要 1 个正确答案`);
  }
  return problems;
}

/** Problems with a whole bank: every question's problems plus duplicate ids. */
export function bankProblems(bank: readonly QuizQuestion[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const q of bank) {
    if (seen.has(q.id)) problems.push(`题目编号 ${q.id} 重复`);
    seen.add(q.id);
    problems.push(...questionProblems(q));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Answers

/**
 * A resident's answers, keyed by question id: the selected option key(s). A bare string is
 * accepted for single-answer questions. 不知道 is selected as `DONT_KNOW_KEY`.
 */
export type QuizAnswers = Readonly<Record<string, string | readonly string[]>>;

// ---------------------------------------------------------------------------------------------
// Scoring rule

/**
 * How multiple-choice questions earn credit:
 * - 'all_or_nothing' (default): full credit only when exactly the correct set is selected.
 * - 'partial': any wrong option selected -> 0; otherwise credit = correct selected / correct total
 *   (the common exam rule "错选不得分，少选得部分分"). Only full credit counts as "correct".
 */
export type MultipleChoiceCredit = 'all_or_nothing' | 'partial';

export interface PerItemScoringRule {
  method: 'per_item';
  /** Points for a fully correct item (1 for MoH 2010, 5 for CAS part 1). */
  pointsPerItem: number;
  /** Pass mark as a share of the maximum score, 0..1 (0.8 = 80 of 100 points = 16 of 20 items). */
  passMark: number;
  /** Defaults to 'all_or_nothing'. */
  multipleChoice?: MultipleChoiceCredit;
}

/** Only one method exists today; the union leaves room for weighted or sectioned rules. */
export type ScoringRule = PerItemScoringRule;

export const DEFAULT_PASS_MARK = 0.8;

/** 《精神卫生与心理保健知识问卷》 (MoH 2010): 1 point per item; the reported rate is the mean correct rate. */
export const MOH_2010_RULE: PerItemScoringRule = { method: 'per_item', pointsPerItem: 1, passMark: DEFAULT_PASS_MARK };

/** 《国民心理健康素养问卷》 part 1 (CAS): 5 points per item, 不知道 = 0, pass at >= 80 of 100 points. */
export const CAS_LITERACY_PART1_RULE: PerItemScoringRule = {
  method: 'per_item',
  pointsPerItem: 5,
  passMark: DEFAULT_PASS_MARK,
};

// ---------------------------------------------------------------------------------------------
// Question selection

/**
 * Which questions a quiz uses:
 * - 'fixed': exactly these questions, in this order (a survey wave should use a fixed set so that
 *   every respondent answers the same instrument and waves are comparable);
 * - 'random': `perPoint` questions drawn at random for each knowledge point (a number for every
 *   point, or a count per point; points left out or given 0 are skipped), optionally shuffled.
 */
export type DrawSpec =
  | { mode: 'fixed'; questionIds: string[] }
  | {
      mode: 'random';
      perPoint: number | Partial<Record<KnowledgePointId, number>>;
      /** Shuffle the drawn questions; otherwise they are ordered by knowledge point. */
      shuffle?: boolean;
    };

// ---------------------------------------------------------------------------------------------
// Quizzes

export const QUIZ_KINDS = ['survey', 'practice', 'pre_test', 'post_test'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];
export const QUIZ_KIND_LABELS: Record<QuizKind, string> = {
  survey: '知晓率调查',
  practice: '知识练习',
  pre_test: '活动前测',
  post_test: '活动后测',
};

/**
 * A survey wave measures the awareness rate, so it counts one answer per person: only a signed-in
 * resident may answer it. Practice and pre/post tests stay open to anyone.
 */
export function answeringNeedsAccount(kind: QuizKind): boolean {
  return kind === 'survey';
}

/**
 * A survey wave keeps its correct answers and explanations to itself while it is open: the first
 * answer would otherwise hand the key to everyone after.
 */
export function answerKeyWithheld(quiz: { kind: QuizKind; status: string; closesAt: Date | null }, now: Date): boolean {
  return quiz.kind === 'survey' && quiz.status !== 'closed' && (!quiz.closesAt || now < quiz.closesAt);
}

interface QuizBase {
  id: string;
  title: string;
  /** The region that owns the quiz (materialized path, e.g. `/1/3/`). */
  regionPath: string;
  scoring: ScoringRule;
  questions: DrawSpec;
}

/** A wave of the awareness survey; its responses feed the 知晓率 statistics. */
export interface SurveyQuiz extends QuizBase {
  kind: 'survey';
  /** ISO 8601 instants; responses are accepted in [opensAt, closesAt). */
  opensAt: string;
  closesAt: string;
  /** Year the wave reports against (targets are per year). */
  year: number;
}

export interface PracticeQuiz extends QuizBase {
  kind: 'practice';
}

/** Pre/post tests of a campaign (lecture, 五进 activity); they share `campaignId`. */
export interface CampaignTestQuiz extends QuizBase {
  kind: 'pre_test' | 'post_test';
  campaignId: string;
}

export type QuizDefinition = SurveyQuiz | PracticeQuiz | CampaignTestQuiz;

/** A survey quiz with the default pass mark (0.8) and per-item scoring. */
export function defaultSurveyScoring(pointsPerItem = 1): PerItemScoringRule {
  return { method: 'per_item', pointsPerItem, passMark: DEFAULT_PASS_MARK };
}

/** Whether a quiz accepts answers at `now`; only surveys have a window. */
export function isQuizOpen(quiz: QuizDefinition, now: Date): boolean {
  if (quiz.kind !== 'survey') return true;
  const t = now.getTime();
  return t >= Date.parse(quiz.opensAt) && t < Date.parse(quiz.closesAt);
}

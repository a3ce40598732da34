/** What the question, quiz and attempt endpoints send and accept. */
import type { PageQuery } from '../common/api';
import type { RegionDto } from '../regions';
import type { AgeBand, Gender, PopulationGroup } from '../residents';
import type { DrawSpec, KnowledgePointId, MultipleChoiceCredit, QuestionKind, QuizKind, QuizOption } from './types';

// Questions ------------------------------------------------------------------------------------

export interface QuestionInput {
  kind: QuestionKind;
  knowledgePoint: KnowledgePointId;
  stem: string;
  options: QuizOption[];
  correct: string[];
  explanation: string;
  /** Region that owns the question; defaults to the staff member's own region. */
  regionId?: number;
}

export interface AdminQuestion extends Required<Omit<QuestionInput, 'regionId'>> {
  id: number;
  /** Stable code answers refer to (`Q` + id for new questions, the bank's id for the default bank). */
  code: string;
  regionId: number | null;
  regionName: string;
  /** Part of the default bank shipped with the platform: read-only. */
  builtIn: boolean;
  /** Used by a published quiz: edits are refused, it can only be archived. */
  inUse: boolean;
  archived: boolean;
  updatedAt: string;
}

export interface QuestionImportResult {
  created: number;
  updated: number;
  /** One line per rejected row (1-based Excel row number). Nothing is imported when any row is rejected. */
  errors: { row: number; message: string }[];
}

// Quizzes --------------------------------------------------------------------------------------

export const QUIZ_STATUSES = ['draft', 'published', 'closed'] as const;
export type QuizStatus = (typeof QUIZ_STATUSES)[number];
export const QUIZ_STATUS_LABELS: Record<QuizStatus, string> = { draft: '草稿', published: '已发布', closed: '已结束' };

export interface QuizInput {
  title: string;
  description?: string;
  kind: QuizKind;
  regionId: number;
  /** Survey waves: the answering window and the year it reports against. */
  opensAt?: string | null;
  closesAt?: string | null;
  year?: number | null;
  pointsPerItem: number;
  /** Share of the maximum score, 0..1 (default 0.8). */
  passMark: number;
  multipleChoice?: MultipleChoiceCredit;
  /** Questions by code (`fixed`), or a count per knowledge point drawn once when the quiz is published. */
  draw: DrawSpec;
  campaignId?: number | null;
  eventId?: number | null;
  /** A post-test names its pre-test so uplift can be paired. */
  pairedQuizId?: number | null;
}

export interface AdminQuiz extends Omit<QuizInput, 'description'> {
  id: number;
  description: string;
  status: QuizStatus;
  regionName: string;
  /** Question codes, frozen at publication. */
  questionCodes: string[];
  respondents: number;
  createdAt: string;
  updatedAt: string;
}

/** A quiz as a resident sees it before answering: no correct answers, no explanations. */
export interface QuizPaper {
  id: number;
  title: string;
  description: string;
  kind: QuizKind;
  passMark: number;
  maxScore: number;
  opensAt: string | null;
  closesAt: string | null;
  open: boolean;
  questions: { code: string; kind: QuestionKind; knowledgePoint: KnowledgePointId; stem: string; options: QuizOption[] }[];
  /** Survey waves take one answer per resident: this resident has answered already. */
  alreadyAnswered: boolean;
  campaignId: number | null;
  eventId: number | null;
}

export interface QuizSummary {
  id: number;
  title: string;
  kind: QuizKind;
  questionCount: number;
  opensAt: string | null;
  closesAt: string | null;
  campaignId: number | null;
  eventId: number | null;
}

/** Who answered, as the statistics see it; asked once and remembered. */
export interface Demographics {
  /** The respondent's community or village. */
  regionId: number;
  populationGroup: PopulationGroup;
  ageBand: AgeBand;
  gender: Gender;
}

export interface AttemptInput {
  /** question code -> selected key(s). */
  answers: Record<string, string | string[]>;
  clientRequestId: string;
  /** Needed without an account, or when the resident's profile lacks something. */
  demographics?: Partial<Demographics>;
  /** Where the quiz was started from, for the campaign's figures. */
  campaignId?: number | null;
}

export interface AttemptResult {
  /** null for an answer without an account. */
  id: number | null;
  quizId: number;
  score: number;
  maxScore: number;
  correctCount: number;
  questionCount: number;
  correctRate: number;
  passMark: number;
  passed: boolean;
  /** `correct`, `isCorrect` and `explanation` are null while `answerKeyAt` is set. */
  items: {
    code: string;
    stem: string;
    selected: string[];
    correct: string[] | null;
    isCorrect: boolean | null;
    explanation: string | null;
    knowledgePoint: KnowledgePointId;
  }[];
  /**
   * Set while the survey wave is still open: when it closes, and with it the correct answers and
   * explanations are given (before, the first respondents would hand the key to the rest). Null
   * when they are included.
   */
  answerKeyAt: string | null;
  /** A survey answered before: nothing was changed, this is the first answer's result. */
  alreadyAnswered: boolean;
  submittedAt: string;
}

export type { RegionDto };

// Queries and inputs of the quiz endpoints ---------------------------------------

export interface QuestionQuery extends PageQuery {
  knowledgePoint?: number;
  kind?: QuestionKind;
  keyword?: string;
  archived?: boolean;
}

export interface AdminQuizQuery extends PageQuery {
  kind?: QuizKind;
  status?: QuizStatus;
}

/** Quizzes open to residents: of the region (or the resident's) and the regions above it. */
export interface PublicQuizQuery {
  kind?: QuizKind;
  campaignId?: number;
  eventId?: number;
  regionId?: number;
}

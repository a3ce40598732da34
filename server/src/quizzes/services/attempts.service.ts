import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  answerKeyWithheld,
  answeringNeedsAccount,
  formatChinaDateTime,
  QuizAnswerError,
  scoreAttempt,
  type AttemptResult,
  type QuizPaper,
  type QuizQuestion,
  type QuizSummary,
  type RegionDto,
} from '@xinqiao/shared';
import { Brackets, DataSource, QueryFailedError, Repository } from 'typeorm';
import { above, subtree } from '../../common/access/region-scope';
import type { Principal } from '../../common/access/principal';
import { AppException } from '../../common/errors/app-exception';
import { RegionsService } from '../../regions/regions.service';
import { PersonalDataRegistry } from '../../residents/personal-data.registry';
import { ResidentsService } from '../../residents/residents.service';
import type { AttemptInputDto, PublicQuizQueryDto } from '../dto/quiz.dto';
import { Quiz } from '../entities/quiz.entity';
import { QuizAttempt } from '../entities/quiz-attempt.entity';
import { AttemptCounters } from './attempt-counters';
import { QuestionsService } from './questions.service';

/** A resident as the residents module hands it out. */
type Resident = Awaited<ReturnType<ResidentsService['get']>>;

const DEMOGRAPHIC_LABELS = { regionId: '所在社区（村）', populationGroup: '人群', ageBand: '年龄段', gender: '性别' } as const;

/** Residents' side of quizzes: the paper, answering once per survey wave (signed in), and the result. */
@Injectable()
export class AttemptsService implements OnModuleInit {
  constructor(
    @InjectRepository(Quiz) private readonly quizzes: Repository<Quiz>,
    @InjectRepository(QuizAttempt) private readonly attempts: Repository<QuizAttempt>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsService,
    private readonly residents: ResidentsService,
    private readonly regions: RegionsService,
    private readonly personalData: PersonalDataRegistry,
    private readonly counters: AttemptCounters,
  ) {}

  onModuleInit(): void {
    this.personalData.register({ key: 'quizAttempts', export: (id) => this.exportFor(id) });
  }

  /** Published quizzes open now, run by the respondent's region or one above it. */
  async listOpen(q: PublicQuizQueryDto, who: Principal | undefined): Promise<QuizSummary[]> {
    const path = await this.regionPathOf(q.regionId, who);
    const now = new Date();
    const qb = this.quizzes
      .createQueryBuilder('z')
      .where('z.status = :published', { published: 'published' })
      .andWhere(new Brackets((w) => w.where("z.kind <> 'survey'").orWhere('z.opensAt <= :now AND z.closesAt > :now', { now })));
    if (path) qb.andWhere({ regionPath: above(path) });
    if (q.kind) qb.andWhere('z.kind = :kind', { kind: q.kind });
    if (q.campaignId) qb.andWhere('z.campaignId = :campaignId', { campaignId: q.campaignId });
    if (q.eventId) qb.andWhere('z.eventId = :eventId', { eventId: q.eventId });
    const rows = await qb.orderBy('z.id', 'DESC').take(50).getMany();
    return rows.map(summary);
  }

  async paper(id: number, who: Principal | undefined): Promise<QuizPaper> {
    const quiz = await this.published(id);
    const questions = await this.questions.byCodes(quiz.questionCodes);
    const answered = who?.kind === 'resident' && takenOnce(quiz) ? await this.attempts.exists({ where: { onceKey: onceKey(quiz, who.id) } }) : false;
    return {
      id: quiz.id,
      title: quiz.title,
      description: quiz.description,
      kind: quiz.kind,
      passMark: quiz.passMark,
      maxScore: questions.length * quiz.pointsPerItem,
      opensAt: quiz.opensAt?.toISOString() ?? null,
      closesAt: quiz.closesAt?.toISOString() ?? null,
      open: isOpen(quiz, new Date()),
      questions: questions.map((q) => ({ code: q.id, kind: q.kind, knowledgePoint: q.knowledgePoint, stem: q.stem, options: q.options })),
      alreadyAnswered: answered,
      campaignId: quiz.campaignId,
      eventId: quiz.eventId,
    };
  }

  async submit(id: number, dto: AttemptInputDto, who: Principal | undefined): Promise<{ created: boolean; result: AttemptResult }> {
    const quiz = await this.published(id);
    const seen = await this.attempts.findOne({ where: { clientRequestId: dto.clientRequestId } });
    if (seen) return { created: false, result: await this.replay(seen, quiz, who, false) };
    // One answer per person and wave: a survey answer without an account could be sent any number of times.
    if (answeringNeedsAccount(quiz.kind) && who?.kind !== 'resident') {
      if (who) throw AppException.forbidden('知晓率调查仅供居民参加');
      throw new AppException(401, 'SIGN_IN_REQUIRED', '参加知晓率调查需要先登录，每人每期计一次');
    }
    if (!isOpen(quiz, new Date())) throw AppException.invalidState(closedReason(quiz, new Date()));
    const resident = who?.kind === 'resident' ? await this.residents.get(who.id) : null;
    if (resident && takenOnce(quiz)) {
      const first = await this.attempts.findOne({ where: { onceKey: onceKey(quiz, resident.id) } });
      if (first) return { created: false, result: await this.replay(first, quiz, who, true) };
    }
    const questions = await this.questions.byCodes(quiz.questionCodes);
    let scored;
    try {
      scored = scoreAttempt(questions, dto.answers, {
        method: 'per_item',
        pointsPerItem: quiz.pointsPerItem,
        passMark: quiz.passMark,
        multipleChoice: quiz.multipleChoice,
      });
    } catch (e) {
      if (e instanceof QuizAnswerError) throw new AppException(400, 'INVALID_ANSWERS', e.message, { questionCode: e.questionId, code: e.code });
      throw e;
    }
    const who_ = await this.demographics(quiz, dto, resident);
    const attempt = this.attempts.create({
      quizId: quiz.id,
      clientRequestId: dto.clientRequestId,
      onceKey: resident && takenOnce(quiz) ? onceKey(quiz, resident.id) : null,
      residentId: resident?.id ?? null,
      answers: JSON.stringify(dto.answers),
      score: scored.score,
      maxScore: scored.maxScore,
      correctCount: scored.correctCount,
      questionCount: scored.questionCount,
      correctRate: scored.correctRate,
      passed: scored.passed,
      regionId: who_.region?.id ?? null,
      regionPath: who_.region?.path ?? null,
      urbanRural: who_.region?.urbanRural ?? null,
      populationGroup: who_.populationGroup ?? null,
      ageBand: who_.ageBand ?? null,
      gender: who_.gender ?? null,
      campaignId: quiz.campaignId ?? dto.campaignId ?? null,
      eventId: quiz.eventId,
      submittedAt: new Date(),
    });
    try {
      await this.db.transaction(async (tx) => {
        await tx.getRepository(QuizAttempt).insert(attempt);
        await tx.getRepository(Quiz).increment({ id: quiz.id }, 'respondents', 1);
        if (quiz.kind !== 'practice') await this.counters.count(tx, attempt, scored);
      });
    } catch (e) {
      if (e instanceof QueryFailedError) {
        // A retry or a second tab raced this one: one answer is kept, and the other caller is told.
        const raced = await this.attempts.findOne({
          where: [{ clientRequestId: dto.clientRequestId }, ...(attempt.onceKey ? [{ onceKey: attempt.onceKey }] : [])],
        });
        if (raced) return { created: false, result: await this.replay(raced, quiz, who, raced.clientRequestId !== dto.clientRequestId) };
      }
      throw e;
    }
    return { created: true, result: this.result(attempt, quiz, questions, false) };
  }

  /**
   * Who answered, for the statistics: a resident's profile, completed from the body (and remembered
   * in the profile); without an account, the body alone. Survey waves need all of it.
   */
  private async demographics(quiz: Quiz, dto: AttemptInputDto, resident: Resident | null) {
    const d = dto.demographics ?? {};
    const merged = {
      regionId: resident?.regionId ?? d.regionId,
      populationGroup: resident?.populationGroup ?? d.populationGroup,
      ageBand: resident?.ageBand ?? d.ageBand,
      gender: resident?.gender ?? d.gender,
    };
    if (quiz.kind !== 'practice') {
      const missing = (Object.keys(DEMOGRAPHIC_LABELS) as (keyof typeof DEMOGRAPHIC_LABELS)[]).filter((k) => !merged[k]);
      if (missing.length) {
        throw AppException.badRequest(
          `请先填写${missing.map((k) => DEMOGRAPHIC_LABELS[k]).join('、')}（仅用于统计，不对外公开）`,
          { missing },
          'VALIDATION_FAILED',
        );
      }
    }
    let region: RegionDto | null = null;
    if (merged.regionId) {
      region = await this.regions.find(merged.regionId);
      if (!region) throw AppException.badRequest('所选区域不存在');
      if (quiz.kind !== 'practice' && region.level !== 'community')
        throw AppException.badRequest('请选择到社区（村）一级，以便按城乡统计', undefined, 'VALIDATION_FAILED');
    }
    // Only what was checked is remembered in the profile, and only where the profile was empty.
    if (resident) {
      const fill = Object.fromEntries(Object.entries(merged).filter(([k, v]) => v && !resident[k as keyof typeof merged]));
      if (Object.keys(fill).length) await this.residents.update(resident.id, fill);
    }
    return { region, populationGroup: merged.populationGroup, ageBand: merged.ageBand, gender: merged.gender };
  }

  private async replay(row: QuizAttempt, quiz: Quiz, who: Principal | undefined, alreadyAnswered: boolean): Promise<AttemptResult> {
    const sameOwner = row.residentId === null || (who?.kind === 'resident' && who.id === row.residentId);
    if (row.quizId !== quiz.id || !sameOwner) throw AppException.conflict('该请求编号已用于另一次提交，请重新作答');
    return this.result(row, quiz, await this.questions.byCodes(quiz.questionCodes), alreadyAnswered);
  }

  private result(row: QuizAttempt, quiz: Quiz, questions: QuizQuestion[], alreadyAnswered: boolean): AttemptResult {
    const answers = JSON.parse(row.answers) as Record<string, string | string[]>;
    const withheld = answerKeyWithheld(quiz, new Date());
    return {
      id: row.residentId === null ? null : row.id,
      quizId: quiz.id,
      score: row.score,
      maxScore: row.maxScore,
      correctCount: row.correctCount,
      questionCount: row.questionCount,
      correctRate: row.correctRate,
      passMark: quiz.passMark,
      passed: Boolean(row.passed),
      items: questions.map((q) => {
        const selected = [answers[q.id] ?? []].flat();
        return {
          code: q.id,
          stem: q.stem,
          selected,
          correct: withheld ? null : q.correct,
          isCorrect: withheld ? null : selected.length === q.correct.length && q.correct.every((k) => selected.includes(k)),
          explanation: withheld ? null : q.explanation,
          knowledgePoint: q.knowledgePoint,
        };
      }),
      answerKeyAt: withheld ? (quiz.closesAt?.toISOString() ?? null) : null,
      alreadyAnswered,
      submittedAt: row.submittedAt.toISOString(),
    };
  }

  private async published(id: number): Promise<Quiz> {
    const quiz = await this.quizzes.findOne({ where: { id } });
    if (!quiz || quiz.status === 'draft') throw AppException.notFound('测验');
    return quiz;
  }

  private async regionPathOf(regionId: number | undefined, who: Principal | undefined): Promise<string | null> {
    if (regionId !== undefined) {
      const region = await this.regions.find(regionId);
      if (!region) throw AppException.badRequest('所选区域不存在');
      return region.path;
    }
    return who?.kind === 'resident' ? this.residents.regionPathOf(who.id) : null;
  }

  /** Published quizzes of a campaign, as residents see them. */
  async publishedForCampaign(campaignId: number): Promise<QuizSummary[]> {
    return (await this.quizzes.find({ where: { campaignId, status: 'published' }, order: { id: 'ASC' } })).map(summary);
  }

  /** Each answer's score for a quiz, from respondents inside `regionPath`, for pairing pre- and post-tests. */
  async scoresIn(quizId: number, regionPath: string): Promise<{ residentId: number | null; correctRate: number; passed: boolean }[]> {
    const rows = await this.attempts.find({
      select: { residentId: true, correctRate: true, passed: true },
      where: { quizId, regionPath: subtree(regionPath) },
    });
    return rows.map((a) => ({ residentId: a.residentId, correctRate: a.correctRate, passed: Boolean(a.passed) }));
  }

  async countForCampaign(campaignId: number): Promise<number> {
    return this.attempts.count({ where: { campaignId } });
  }

  /** Answers counted for a campaign per China-time day (`YYYY-MM-DD`). */
  async perDayForCampaign(campaignId: number): Promise<Map<string, number>> {
    const mysql = this.db.options.type === 'mysql' || this.db.options.type === 'mariadb';
    const day = mysql ? "DATE_FORMAT(DATE_ADD(a.submittedAt, INTERVAL 8 HOUR), '%Y-%m-%d')" : "strftime('%Y-%m-%d', a.submittedAt, '+8 hours')";
    const rows = await this.attempts
      .createQueryBuilder('a')
      .select(day, 'date')
      .addSelect('COUNT(*)', 'n')
      .where('a.campaignId = :id', { id: campaignId })
      .groupBy(day)
      .getRawMany<{ date: string; n: string }>();
    return new Map(rows.map((r) => [r.date, Number(r.n)]));
  }

  private async exportFor(residentId: number) {
    const rows = await this.attempts.find({ where: { residentId }, order: { id: 'ASC' } });
    return rows.map((r) => ({
      quizId: r.quizId,
      submittedAt: r.submittedAt.toISOString(),
      answers: JSON.parse(r.answers),
      score: r.score,
      maxScore: r.maxScore,
      passed: Boolean(r.passed),
    }));
  }
}

/** Survey waves and pre/post tests count one answer per resident; practice may be repeated. */
function takenOnce(quiz: Quiz): boolean {
  return quiz.kind !== 'practice';
}

function onceKey(quiz: Quiz, residentId: number): string {
  return `${quiz.id}:${residentId}`;
}

function isOpen(quiz: Quiz, now: Date): boolean {
  if (quiz.status !== 'published') return false;
  if (quiz.kind !== 'survey') return true;
  return !!quiz.opensAt && !!quiz.closesAt && now >= quiz.opensAt && now < quiz.closesAt;
}

function closedReason(quiz: Quiz, now: Date): string {
  if (quiz.opensAt && now < quiz.opensAt) return `调查将于 ${formatChinaDateTime(quiz.opensAt)} 开始`;
  if (quiz.closesAt && now >= quiz.closesAt) return `调查已于 ${formatChinaDateTime(quiz.closesAt)} 结束，感谢关注`;
  return '该测验已结束，感谢关注';
}

function summary(z: Quiz): QuizSummary {
  return {
    id: z.id,
    title: z.title,
    kind: z.kind,
    questionCount: z.questionCodes.length,
    opensAt: z.opensAt?.toISOString() ?? null,
    closesAt: z.closesAt?.toISOString() ?? null,
    campaignId: z.campaignId,
    eventId: z.eventId,
  };
}

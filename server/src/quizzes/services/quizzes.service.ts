import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { drawQuestions, isWithin, mulberry32, QuizDrawError, QUIZ_RULE_MESSAGES, quizRuleProblems, type AdminQuiz, type Page } from '@xinqiao/shared';
import { DataSource, In, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { assertFound, visibleFrom } from '../../common/access/region-scope';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { RegionsService } from '../../regions/regions.service';
import type { AdminQuizQueryDto, QuizInputDto } from '../dto/quiz.dto';
import { Quiz } from '../entities/quiz.entity';
import { CampaignRefs } from './campaign-links';
import { QuestionsService } from './questions.service';

/** Organisers' side of quizzes: drafts, publication (which freezes the paper) and closing. */
@Injectable()
export class QuizzesService {
  constructor(
    @InjectRepository(Quiz) private readonly repo: Repository<Quiz>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly regions: RegionsService,
    private readonly questions: QuestionsService,
    private readonly campaigns: CampaignRefs,
  ) {}

  /** Quizzes of the caller's subtree and of the regions above it (a street reads the district's survey). */
  async list(staff: StaffPrincipal, q: AdminQuizQueryDto): Promise<Page<AdminQuiz>> {
    const p = paging(q);
    const qb = this.readable(staff);
    if (q.kind) qb.andWhere('z.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('z.status = :status', { status: q.status });
    const [rows, total] = await qb.orderBy('z.id', 'DESC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.toDtos(rows), total, p);
  }

  async get(staff: StaffPrincipal, id: number): Promise<AdminQuiz> {
    const quiz = await this.readable(staff).andWhere('z.id = :id', { id }).getOne();
    if (!quiz) throw AppException.notFound('测验');
    return (await this.toDtos([quiz]))[0];
  }

  /** Quizzes whose figures the caller may read (same rule as the list). */
  async readableIds(staff: StaffPrincipal, ids: number[]): Promise<Quiz[]> {
    if (!ids.length) return [];
    const rows = await this.readable(staff).andWhere('z.id IN (:...ids)', { ids }).getMany();
    if (rows.length !== new Set(ids).size) throw AppException.notFound('测验');
    return rows;
  }

  async exists(id: number): Promise<boolean> {
    return this.repo.exists({ where: { id } });
  }

  /** The ids of the quizzes linked to each of the campaigns. */
  async idsByCampaign(campaignIds: number[]): Promise<Map<number, number[]>> {
    const rows = campaignIds.length ? await this.repo.find({ select: { id: true, campaignId: true }, where: { campaignId: In(campaignIds) } }) : [];
    const out = new Map<number, number[]>();
    for (const r of rows) out.set(r.campaignId!, [...(out.get(r.campaignId!) ?? []), r.id]);
    return out;
  }

  async create(staff: StaffPrincipal, dto: QuizInputDto): Promise<AdminQuiz> {
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const fields = await this.fields(staff, dto);
    const saved = await this.repo.save(
      this.repo.create({ ...fields, regionId: region.id, regionPath: region.path, status: 'draft', questionCodes: [], createdBy: staff.username }),
    );
    return (await this.toDtos([saved]))[0];
  }

  async update(staff: StaffPrincipal, id: number, dto: QuizInputDto): Promise<AdminQuiz> {
    const quiz = await this.own(staff, id);
    if (quiz.status !== 'draft') throw AppException.invalidState('已发布的测验不能修改；如需调整请新建一期');
    if (dto.regionId !== quiz.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, staff);
      quiz.regionId = region.id;
      quiz.regionPath = region.path;
    }
    Object.assign(quiz, await this.fields(staff, dto));
    return (await this.toDtos([await this.repo.save(quiz)]))[0];
  }

  /** Draws the paper once (seeded by the quiz id, so it is reproducible) and freezes its questions. */
  async publish(staff: StaffPrincipal, id: number): Promise<AdminQuiz> {
    const quiz = await this.own(staff, id);
    if (quiz.status !== 'draft') throw AppException.invalidState('该测验已发布');
    const bank = await this.questions.usableFor(quiz.regionPath);
    let codes: string[];
    try {
      codes = drawQuestions(bank, quiz.draw, mulberry32(quiz.id)).map((q) => q.id);
    } catch (e) {
      if (e instanceof QuizDrawError) throw AppException.badRequest(`无法生成试卷：${e.message}`, undefined, 'VALIDATION_FAILED');
      throw e;
    }
    await this.db.transaction(async (tx) => {
      const done = await tx.getRepository(Quiz).update({ id: quiz.id, status: 'draft' }, { status: 'published', questionCodes: codes });
      if (!done.affected) throw AppException.invalidState('该测验已发布');
      await this.questions.markInUse(tx, codes);
    });
    return this.get(staff, id);
  }

  async close(staff: StaffPrincipal, id: number): Promise<AdminQuiz> {
    const quiz = await this.own(staff, id);
    if (quiz.status !== 'published') throw AppException.invalidState('只有进行中的测验可以结束');
    await this.repo.update({ id }, { status: 'closed' });
    return this.get(staff, id);
  }

  private readable(staff: StaffPrincipal) {
    return this.repo.createQueryBuilder('z').where({ regionPath: visibleFrom(staff.regionPath) });
  }

  private async own(staff: StaffPrincipal, id: number): Promise<Quiz> {
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '测验');
  }

  /** Checks what the form cannot: the survey window, links, the draw spec, the scoring rule. */
  private async fields(staff: StaffPrincipal, dto: QuizInputDto) {
    const problems = quizRuleProblems(dto);
    const opensAt = dto.opensAt ? new Date(dto.opensAt) : null;
    const closesAt = dto.closesAt ? new Date(dto.closesAt) : null;
    if (dto.campaignId) {
      const campaign = await this.campaigns.get(dto.campaignId);
      if (!campaign || !isWithin(campaign.regionPath, staff.regionPath)) problems.push({ code: 'campaign_not_found', field: 'campaignId' });
    }
    if (dto.pairedQuizId) {
      const pre = await this.repo.findOne({ where: { id: dto.pairedQuizId } });
      if (!pre || pre.kind !== 'pre_test' || !isWithin(pre.regionPath, staff.regionPath))
        problems.push({ code: 'paired_quiz_not_found', field: 'pairedQuizId' });
    }
    if (problems.length) throw AppException.ruleProblems(problems, QUIZ_RULE_MESSAGES);
    return {
      title: dto.title.trim(),
      description: dto.description?.trim() ?? '',
      kind: dto.kind,
      opensAt: dto.kind === 'survey' ? opensAt : null,
      closesAt: dto.kind === 'survey' ? closesAt : null,
      year: dto.kind === 'survey' ? (dto.year ?? null) : null,
      pointsPerItem: dto.pointsPerItem,
      passMark: dto.passMark,
      multipleChoice: dto.multipleChoice ?? 'all_or_nothing',
      draw: dto.draw,
      campaignId: dto.campaignId ?? null,
      eventId: dto.eventId ?? null,
      pairedQuizId: dto.kind === 'post_test' ? (dto.pairedQuizId ?? null) : null,
    };
  }

  private async toDtos(rows: Quiz[]): Promise<AdminQuiz[]> {
    const names = await this.regions.names(rows.map((r) => r.regionId));
    return rows.map((z) => ({
      id: z.id,
      title: z.title,
      description: z.description,
      kind: z.kind,
      status: z.status,
      regionId: z.regionId,
      regionName: names.get(z.regionId) ?? '',
      opensAt: z.opensAt?.toISOString() ?? null,
      closesAt: z.closesAt?.toISOString() ?? null,
      year: z.year,
      pointsPerItem: z.pointsPerItem,
      passMark: z.passMark,
      multipleChoice: z.multipleChoice,
      draw: z.draw,
      questionCodes: z.questionCodes,
      campaignId: z.campaignId,
      eventId: z.eventId,
      pairedQuizId: z.pairedQuizId,
      respondents: z.respondents,
      createdAt: z.createdAt.toISOString(),
      updatedAt: z.updatedAt.toISOString(),
    }));
  }
}

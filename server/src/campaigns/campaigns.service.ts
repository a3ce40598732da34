import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  chinaDate,
  ancestorPaths,
  CAMPAIGN_TARGET_KINDS,
  CAMPAIGN_TARGET_LABELS,
  isWithin,
  summarise,
  type CampaignDashboard,
  type CampaignDto,
  type CampaignProgressItem,
  type Page,
  type PublicCampaign,
} from '@xinqiao/shared';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';
import { Article } from '../articles/article.entity';
import { AwarenessCell } from '../awareness/awareness-cell.entity';
import type { Principal, StaffPrincipal } from '../common/access/principal';
import { assertFound, inScope } from '../common/access/region-scope';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { AppException } from '../common/errors/app-exception';
import { pageOf, paging } from '../common/http/page-query.dto';
import type { PageQueryDto } from '../common/http/page-query.dto';
import { OutreachEvent } from '../events/entities/event.entity';
import { EventRegistration } from '../events/entities/event-registration.entity';
import { QuizAttempt } from '../quizzes/quiz-attempt.entity';
import { Quiz } from '../quizzes/quiz.entity';
import type { Region } from '../regions/region.entity';
import { RegionsService } from '../regions/regions.service';
import { ResidentsService } from '../residents/residents.service';
import type { CampaignInputDto } from './campaign.dto';
import { Campaign } from './campaign.entity';

/** Campaigns: a period, the regions covered, targets, and the content and quizzes they bring together. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectRepository(Campaign) private readonly repo: Repository<Campaign>,
    @InjectRepository(Quiz) private readonly quizzes: Repository<Quiz>,
    @InjectRepository(QuizAttempt) private readonly attempts: Repository<QuizAttempt>,
    @InjectRepository(AwarenessCell) private readonly cells: Repository<AwarenessCell>,
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    @InjectRepository(OutreachEvent) private readonly events: Repository<OutreachEvent>,
    @InjectRepository(EventRegistration) private readonly registrations: Repository<EventRegistration>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
  ) {}

  async list(staff: StaffPrincipal, q: PageQueryDto): Promise<Page<CampaignDto>> {
    const p = paging(q);
    const [rows, total] = await this.repo.findAndCount({ where: { regionPath: inScope(staff) }, order: { startsOn: 'DESC', id: 'DESC' }, skip: p.skip, take: p.pageSize });
    return pageOf(await this.toDtos(rows), total, p);
  }

  async get(staff: StaffPrincipal, id: number): Promise<CampaignDto> {
    return (await this.toDtos([await this.find(staff, id)]))[0];
  }

  async create(staff: StaffPrincipal, dto: CampaignInputDto): Promise<CampaignDto> {
    const fields = await this.fields(staff, dto);
    const id = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(Campaign).save(tx.getRepository(Campaign).create({ ...fields, createdBy: staff.username }));
      await this.linkQuizzes(tx.getRepository(Quiz), saved.id, dto.quizIds ?? [], staff);
      return saved.id;
    });
    return this.get(staff, id);
  }

  async update(staff: StaffPrincipal, id: number, dto: CampaignInputDto): Promise<CampaignDto> {
    const campaign = await this.find(staff, id);
    const fields = await this.fields(staff, dto);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(Campaign).update({ id: campaign.id }, fields);
      await this.linkQuizzes(tx.getRepository(Quiz), campaign.id, dto.quizIds ?? [], staff);
    });
    return this.get(staff, id);
  }

  /** The quizzes are unlinked, not deleted; answers already counted for the campaign stay counted. */
  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const campaign = await this.find(staff, id);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(Quiz).update({ campaignId: campaign.id }, { campaignId: null });
      await tx.getRepository(Campaign).delete({ id: campaign.id });
    });
  }

  /** Campaigns running today that cover the resident's (or the given) region. */
  async active(regionId: number | undefined, who: Principal | undefined): Promise<PublicCampaign[]> {
    let path: string | null = null;
    if (regionId !== undefined) {
      const region = await this.regions.find(regionId);
      if (!region) throw AppException.badRequest('所选区域不存在');
      path = region.path;
    } else if (who?.kind === 'resident') path = await this.residents.regionPathOf(who.id);
    const today = chinaDate(new Date());
    const rows = await this.repo.createQueryBuilder('c').where('c.startsOn <= :today AND c.endsOn >= :today', { today }).orderBy('c.endsOn', 'ASC').getMany();
    const covering = rows.filter((c) => !path || c.regionPaths.some((p) => isWithin(path!, p) || isWithin(p, path!)));
    return Promise.all(covering.map((c) => this.toPublic(c)));
  }

  async publicGet(id: number): Promise<PublicCampaign> {
    const c = await this.repo.findOne({ where: { id } });
    if (!c) throw AppException.notFound('宣传活动');
    return this.toPublic(c);
  }

  async dashboard(staff: StaffPrincipal, id: number): Promise<CampaignDashboard> {
    const campaign = await this.find(staff, id);
    const [dto] = await this.toDtos([campaign]);
    const cells = await this.cells.find({ where: { campaignId: campaign.id } });
    const awareness = cells.length ? summarise(cells, { minRespondents: this.config.AWARENESS_MIN_RESPONDENTS }) : null;
    const events = await this.events.find({ select: { id: true, status: true, endsAt: true }, where: { campaignId: campaign.id, status: In(['published', 'finished']) } });
    const held = events.filter((e) => e.status === 'finished' || e.endsAt.getTime() <= Date.now()).length;
    const attended = events.length
      ? await this.registrations.count({ where: { eventId: In(events.map((e) => e.id)), checkedInAt: Not(IsNull()) } })
      : 0;
    const answered = await this.attempts.count({ where: { campaignId: campaign.id } });
    const reads = campaign.articleIds.length
      ? Number((await this.articles.createQueryBuilder('a').select('COALESCE(SUM(a.viewCount), 0)', 'n').where('a.id IN (:...ids)', { ids: campaign.articleIds }).getRawOne<{ n: string }>())?.n ?? 0)
      : 0;
    const actual: Record<(typeof CAMPAIGN_TARGET_KINDS)[number], { value: number | null; note: string | null }> = {
      awareness_rate: awareness && !awareness.suppressed
        ? { value: awareness.passRate, note: null }
        : { value: null, note: awareness ? awareness.reason : '尚无人参加本活动的知晓率调查' },
      events_held: { value: held, note: `关联本宣传活动、已结束的“六进”活动（另有 ${events.length - held} 场未结束）` },
      participants: { value: answered + attended, note: `测验作答 ${answered} 人次，活动签到 ${attended} 人次` },
      article_reads: { value: reads, note: '关联文章的累计阅读量' },
    };
    const progress: CampaignProgressItem[] = CAMPAIGN_TARGET_KINDS.map((kind) => {
      const target = campaign.targets[kind] ?? null;
      const { value, note } = actual[kind];
      return { kind, label: CAMPAIGN_TARGET_LABELS[kind], target, actual: value, progress: target && value !== null ? Math.min(1, value / target) : null, note };
    });
    return { campaign: dto, progress, awareness, daily: await this.daily(campaign) };
  }

  /** Respondents per China-time day over the campaign period. */
  private async daily(c: Campaign): Promise<{ date: string; respondents: number }[]> {
    const mysql = this.db.options.type === 'mysql' || this.db.options.type === 'mariadb';
    const day = mysql ? "DATE_FORMAT(DATE_ADD(a.submittedAt, INTERVAL 8 HOUR), '%Y-%m-%d')" : "strftime('%Y-%m-%d', a.submittedAt, '+8 hours')";
    const rows = await this.attempts
      .createQueryBuilder('a')
      .select(day, 'date')
      .addSelect('COUNT(*)', 'n')
      .where('a.campaignId = :id', { id: c.id })
      .groupBy(day)
      .getRawMany<{ date: string; n: string }>();
    const counts = new Map(rows.map((r) => [r.date, Number(r.n)]));
    const out: { date: string; respondents: number }[] = [];
    for (let d = new Date(`${c.startsOn}T00:00:00Z`); d <= new Date(`${c.endsOn}T00:00:00Z`) && out.length < 400; d = new Date(d.getTime() + 86_400_000)) {
      const date = d.toISOString().slice(0, 10);
      out.push({ date, respondents: counts.get(date) ?? 0 });
    }
    return out;
  }

  private async find(staff: StaffPrincipal, id: number): Promise<Campaign> {
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '宣传活动');
  }

  private async fields(staff: StaffPrincipal, dto: CampaignInputDto) {
    if (dto.endsOn < dto.startsOn) throw AppException.badRequest('结束日期不能早于开始日期', undefined, 'VALIDATION_FAILED');
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const covered: Region[] = [];
    for (const id of dto.regionIds?.length ? dto.regionIds : [region.id]) {
      const r = await this.regions.find(id);
      if (!r || !isWithin(r.path, region.path)) throw AppException.badRequest('覆盖区域须在主办区域范围内', undefined, 'VALIDATION_FAILED');
      covered.push(r);
    }
    const articleIds = [...new Set(dto.articleIds ?? [])];
    if (articleIds.length) {
      const found = await this.articles.find({ select: { id: true, regionPath: true }, where: { id: In(articleIds) } });
      const visible = found.filter((a) => isWithin(a.regionPath, staff.regionPath) || ancestorPaths(staff.regionPath).includes(a.regionPath));
      if (visible.length !== articleIds.length) throw AppException.badRequest('关联的文章不存在或不可用', undefined, 'VALIDATION_FAILED');
    }
    return {
      title: dto.title.trim(),
      description: dto.description?.trim() ?? '',
      startsOn: dto.startsOn,
      endsOn: dto.endsOn,
      regionId: region.id,
      regionPath: region.path,
      regionIds: covered.map((r) => r.id),
      regionPaths: covered.map((r) => r.path),
      targets: Object.fromEntries(Object.entries(dto.targets).filter(([, v]) => v !== undefined && v !== null)),
      articleIds,
    };
  }

  private async linkQuizzes(repo: Repository<Quiz>, campaignId: number, quizIds: number[], staff: StaffPrincipal): Promise<void> {
    const ids = [...new Set(quizIds)];
    const found = ids.length ? await repo.find({ select: { id: true, regionPath: true }, where: { id: In(ids) } }) : [];
    if (found.length !== ids.length || found.some((q) => !isWithin(q.regionPath, staff.regionPath))) {
      throw AppException.badRequest('关联的测验不存在或不在本辖区', undefined, 'VALIDATION_FAILED');
    }
    await repo.update({ campaignId }, { campaignId: null });
    if (ids.length) await repo.update({ id: In(ids) }, { campaignId });
  }

  private async toPublic(c: Campaign): Promise<PublicCampaign> {
    const articles = c.articleIds.length
      ? await this.articles.find({ select: { id: true, title: true, summary: true }, where: { id: In(c.articleIds), status: 'published' } })
      : [];
    const quizzes = await this.quizzes.find({ where: { campaignId: c.id, status: 'published' }, order: { id: 'ASC' } });
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      articles: articles.map((a) => ({ id: a.id, title: a.title, summary: a.summary })),
      quizzes: quizzes.map((z) => ({ id: z.id, title: z.title, kind: z.kind, questionCount: z.questionCodes.length, opensAt: z.opensAt?.toISOString() ?? null, closesAt: z.closesAt?.toISOString() ?? null, campaignId: z.campaignId, eventId: z.eventId })),
    };
  }

  private async toDtos(rows: Campaign[]): Promise<CampaignDto[]> {
    const names = await this.regions.names(rows.flatMap((c) => [c.regionId, ...c.regionIds]));
    const quizIds = rows.length ? await this.quizzes.find({ select: { id: true, campaignId: true }, where: { campaignId: In(rows.map((c) => c.id)) } }) : [];
    return rows.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      regionId: c.regionId,
      regionName: names.get(c.regionId) ?? '',
      regionIds: c.regionIds,
      regionNames: c.regionIds.map((id) => names.get(id) ?? ''),
      targets: c.targets,
      articleIds: c.articleIds,
      quizIds: quizIds.filter((q) => q.campaignId === c.id).map((q) => q.id),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  chinaDate,
  CAMPAIGN_TARGET_KINDS,
  CAMPAIGN_TARGET_LABELS,
  isWithin,
  type CampaignDashboard,
  type CampaignDto,
  type CampaignProgressItem,
  type Page,
  type PublicCampaign,
  type RegionDto,
} from '@xinqiao/shared';
import { DataSource, In, Repository } from 'typeorm';
import { ArticlesService } from '../articles/articles.service';
import { AwarenessService } from '../awareness/services/awareness.service';
import type { Principal, StaffPrincipal } from '../common/access/principal';
import { assertFound, inScope } from '../common/access/region-scope';
import { AppException } from '../common/errors/app-exception';
import { pageOf, paging } from '../common/http/page-query.dto';
import type { PageQueryDto } from '../common/http/page-query.dto';
import { EventReportsService } from '../events/services/event-reports.service';
import { AttemptsService } from '../quizzes/services/attempts.service';
import { CampaignRefs, linkQuizzesToCampaign, unlinkCampaignQuizzes } from '../quizzes/services/campaign-links';
import { QuizzesService } from '../quizzes/services/quizzes.service';
import { RegionsService } from '../regions/regions.service';
import { ResidentsService } from '../residents/residents.service';
import type { CampaignInputDto } from './campaign.dto';
import { Campaign } from './campaign.entity';

/** Campaigns: a period, the regions covered, targets, and the content and quizzes they bring together. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectRepository(Campaign) private readonly repo: Repository<Campaign>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
    private readonly quizzes: QuizzesService,
    private readonly attempts: AttemptsService,
    private readonly events: EventReportsService,
    private readonly awareness: AwarenessService,
    private readonly articles: ArticlesService,
    refs: CampaignRefs,
  ) {
    refs.provide({ find: async (ids) => this.repo.find({ select: { id: true, title: true, regionPath: true }, where: { id: In(ids) } }) });
  }

  async list(staff: StaffPrincipal, q: PageQueryDto): Promise<Page<CampaignDto>> {
    const p = paging(q);
    const [rows, total] = await this.repo.findAndCount({
      where: { regionPath: inScope(staff) },
      order: { startsOn: 'DESC', id: 'DESC' },
      skip: p.skip,
      take: p.pageSize,
    });
    return pageOf(await this.toDtos(rows), total, p);
  }

  async get(staff: StaffPrincipal, id: number): Promise<CampaignDto> {
    return (await this.toDtos([await this.find(staff, id)]))[0];
  }

  async create(staff: StaffPrincipal, dto: CampaignInputDto): Promise<CampaignDto> {
    const fields = await this.fields(staff, dto);
    const id = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(Campaign).save(tx.getRepository(Campaign).create({ ...fields, createdBy: staff.username }));
      await linkQuizzesToCampaign(tx, saved.id, dto.quizIds ?? [], staff.regionPath);
      return saved.id;
    });
    return this.get(staff, id);
  }

  async update(staff: StaffPrincipal, id: number, dto: CampaignInputDto): Promise<CampaignDto> {
    const campaign = await this.find(staff, id);
    const fields = await this.fields(staff, dto);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(Campaign).update({ id: campaign.id }, fields);
      await linkQuizzesToCampaign(tx, campaign.id, dto.quizIds ?? [], staff.regionPath);
    });
    return this.get(staff, id);
  }

  /** The quizzes are unlinked, not deleted; answers already counted for the campaign stay counted. */
  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const campaign = await this.find(staff, id);
    await this.db.transaction(async (tx) => {
      await unlinkCampaignQuizzes(tx, campaign.id);
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
    const awareness = await this.awareness.campaignSummary(campaign.id);
    const { events, held, attended } = await this.events.campaignTotals(campaign.id);
    const answered = await this.attempts.countForCampaign(campaign.id);
    const reads = await this.articles.totalViews(campaign.articleIds);
    const actual: Record<(typeof CAMPAIGN_TARGET_KINDS)[number], { value: number | null; note: string | null }> = {
      awareness_rate:
        awareness && !awareness.suppressed
          ? { value: awareness.passRate, note: null }
          : { value: null, note: awareness ? awareness.reason : '尚无人参加本活动的知晓率调查' },
      events_held: { value: held, note: `关联本宣传活动、已结束的“六进”活动（另有 ${events - held} 场未结束）` },
      participants: { value: answered + attended, note: `测验作答 ${answered} 人次，活动签到 ${attended} 人次` },
      article_reads: { value: reads, note: '关联文章的累计阅读量' },
    };
    const progress: CampaignProgressItem[] = CAMPAIGN_TARGET_KINDS.map((kind) => {
      const target = campaign.targets[kind] ?? null;
      const { value, note } = actual[kind];
      return {
        kind,
        label: CAMPAIGN_TARGET_LABELS[kind],
        target,
        actual: value,
        progress: target && value !== null ? Math.min(1, value / target) : null,
        note,
      };
    });
    return { campaign: dto, progress, awareness, daily: await this.daily(campaign) };
  }

  /** Respondents per China-time day over the campaign period. */
  private async daily(c: Campaign): Promise<{ date: string; respondents: number }[]> {
    const counts = await this.attempts.perDayForCampaign(c.id);
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
    const covered: RegionDto[] = [];
    for (const id of dto.regionIds?.length ? dto.regionIds : [region.id]) {
      const r = await this.regions.find(id);
      if (!r || !isWithin(r.path, region.path)) throw AppException.badRequest('覆盖区域须在主办区域范围内', undefined, 'VALIDATION_FAILED');
      covered.push(r);
    }
    const articleIds = [...new Set(dto.articleIds ?? [])];
    if (!(await this.articles.allVisibleFrom(articleIds, staff.regionPath)))
      throw AppException.badRequest('关联的文章不存在或不可用', undefined, 'VALIDATION_FAILED');
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

  private async toPublic(c: Campaign): Promise<PublicCampaign> {
    const articles = await this.articles.publishedBriefs(c.articleIds);
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      articles: articles.map((a) => ({ id: a.id, title: a.title, summary: a.summary })),
      quizzes: await this.attempts.publishedForCampaign(c.id),
    };
  }

  private async toDtos(rows: Campaign[]): Promise<CampaignDto[]> {
    const names = await this.regions.names(rows.flatMap((c) => [c.regionId, ...c.regionIds]));
    const quizIds = await this.quizzes.idsByCampaign(rows.map((c) => c.id));
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
      quizIds: quizIds.get(c.id) ?? [],
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    }));
  }
}

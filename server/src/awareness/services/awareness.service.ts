import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  compareSummaryWithTarget,
  GENDER_LABELS,
  GENDERS,
  isWithin,
  pairedCountsFrom,
  pairedUplift,
  POPULATION_GROUP_LABELS,
  POPULATION_GROUPS,
  postStratifiedEstimate,
  rankKnowledgePointsByErrorRate,
  summarise,
  targetFor,
  unpairedUplift,
  URBAN_RURAL_LABELS,
  type AwarenessCounts,
  type AwarenessDimension,
  type AwarenessResult,
  type AwarenessReport,
  type AwarenessSlice,
  type AwarenessTargetDto,
  type AwarenessTrendPoint,
  type AwarenessTarget as TargetRule,
  type KnowledgePointId,
  type KnowledgePointReport,
  type RegionDto,
  type UpliftReport,
} from '@xinqiao/shared';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { ArticlesService } from '../../articles/articles.service';
import type { StaffPrincipal } from '../../common/access/principal';
import { subtree, visibleFrom } from '../../common/access/region-scope';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import { EventsService } from '../../events/services/events.service';
import { AttemptCounters } from '../../quizzes/services/attempt-counters';
import { AttemptsService } from '../../quizzes/services/attempts.service';
import { CampaignRefs } from '../../quizzes/services/campaign-links';
import { QuizzesService } from '../../quizzes/services/quizzes.service';
import { RegionsService } from '../../regions/regions.service';
import type { AwarenessFiltersDto, AwarenessTargetInputDto, TrendQueryDto } from '../dto/awareness.dto';
import { AwarenessCell } from '../entities/awareness-cell.entity';
import { AwarenessTarget } from '../entities/awareness-target.entity';
import { addToAwareness } from './cells';
import { populationOf } from './population';
import { QuestionCount } from '../entities/question-count.entity';

/** Words that find articles covering each of the ten knowledge points (title or summary). */
const KNOWLEDGE_POINT_KEYWORDS: Record<KnowledgePointId, string[]> = {
  1: ['身心', '心理健康'],
  2: ['运动'],
  3: ['求助', '热线'],
  4: ['睡眠', '失眠'],
  5: ['抑郁', '焦虑'],
  6: ['药物', '服药'],
  7: ['儿童', '孩子', '青少年'],
  8: ['痴呆', '老年'],
  9: ['歧视', '精神疾病'],
  10: ['压力', '减压'],
};

type Cell = AwarenessCell;

/** The 知晓率 figures: breakdowns with intervals and targets, knowledge points, trend, uplift, targets. */
@Injectable()
export class AwarenessService {
  constructor(
    @InjectRepository(AwarenessCell) private readonly cells: Repository<AwarenessCell>,
    @InjectRepository(QuestionCount) private readonly questionCounts: Repository<QuestionCount>,
    @InjectRepository(AwarenessTarget) private readonly targets: Repository<AwarenessTarget>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly quizzes: QuizzesService,
    private readonly attempts: AttemptsService,
    private readonly events: EventsService,
    private readonly campaigns: CampaignRefs,
    private readonly articles: ArticlesService,
    counters: AttemptCounters,
  ) {
    counters.register(addToAwareness);
  }

  async report(staff: StaffPrincipal, q: AwarenessFiltersDto, dimension: AwarenessDimension): Promise<AwarenessReport> {
    const quizzes = await this.quizzes.readableIds(staff, q.quizIds);
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const cells = await this.filtered(q, region).getMany();
    const rules = await this.targetRules(region);
    const year = commonYear(quizzes);
    const options = { minRespondents: this.config.AWARENESS_MIN_RESPONDENTS };
    const slice = (
      key: string,
      label: string,
      of: Cell[],
      query: { regionPath: string; populationGroup?: string | null; urbanRural?: string | null },
    ): AwarenessSlice => {
      const result = summarise(of, options);
      const target = targetFor(rules, { ...query, year } as Parameters<typeof targetFor>[1]);
      return {
        key,
        label,
        respondents: sum(of).respondents,
        result,
        target: target ? { rate: target.rate, metric: target.metric ?? 'pass_rate', source: target.source ?? null } : null,
        comparison: target ? compareSummaryWithTarget(result, target) : null,
      };
    };
    const base = { regionPath: region.path, populationGroup: q.populationGroup ?? null, urbanRural: q.urbanRural ?? null };
    const groups = await this.groupBy(dimension, region, cells);
    const rows = groups.map((g) =>
      slice(g.key, g.label, g.cells, {
        ...base,
        ...(dimension === 'region' && g.path ? { regionPath: g.path } : {}),
        ...(dimension === 'group' && g.key !== '' ? { populationGroup: g.key } : {}),
        ...(dimension === 'urban_rural' && g.key !== '' ? { urbanRural: g.key } : {}),
      }),
    );
    const unfiltered = !q.populationGroup && !q.ageBand && !q.gender && !q.campaignId && !q.eventId && !q.urbanRural;
    return {
      dimension,
      overall: slice('all', region.name, cells, base),
      rows,
      weighted: unfiltered ? await this.weighted(region, cells, rules, year) : null,
      minRespondents: options.minRespondents,
    };
  }

  async knowledgePoints(staff: StaffPrincipal, q: AwarenessFiltersDto): Promise<KnowledgePointReport> {
    await this.quizzes.readableIds(staff, q.quizIds);
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const rows = await this.questionCounts
      .createQueryBuilder('c')
      .select('c.questionCode', 'questionCode')
      .addSelect('MAX(c.knowledgePoint)', 'knowledgePoint')
      .addSelect('SUM(c.answered)', 'answered')
      .addSelect('SUM(c.correct)', 'correct')
      .addSelect('SUM(c.dontKnow)', 'dontKnow')
      .where('c.quizId IN (:...ids)', { ids: q.quizIds })
      .andWhere({ regionPath: subtree(region.path) })
      .groupBy('c.questionCode')
      .getRawMany<{ questionCode: string; knowledgePoint: string; answered: string; correct: string; dontKnow: string }>();
    const ranked = rankKnowledgePointsByErrorRate(
      rows.map((r) => ({
        questionId: r.questionCode,
        knowledgePoint: Number(r.knowledgePoint) as KnowledgePointId,
        answered: Number(r.answered),
        correct: Number(r.correct),
        dontKnow: Number(r.dontKnow),
      })),
    );
    const withArticles = [];
    for (const point of ranked.ranked)
      withArticles.push({ ...point, articles: await this.articles.mostReadAbout(KNOWLEDGE_POINT_KEYWORDS[point.knowledgePoint], region.path, 3) });
    return { ranked: withArticles, insufficient: ranked.insufficient };
  }

  /** Every survey wave the caller can read, oldest first, each summarised for the same slice. */
  async trend(staff: StaffPrincipal, q: TrendQueryDto): Promise<AwarenessTrendPoint[]> {
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const waves = (await this.quizzes.list(staff, { kind: 'survey', pageSize: 100 })).items.filter((w) => w.status !== 'draft');
    if (!waves.length) return [];
    const cells = await this.filtered({ quizIds: waves.map((w) => w.id), urbanRural: q.urbanRural, populationGroup: q.populationGroup }, region).getMany();
    return waves
      .sort((a, b) => (a.opensAt ?? '').localeCompare(b.opensAt ?? '') || a.id - b.id)
      .map((w) => ({
        quizId: w.id,
        title: w.title,
        year: w.year ?? null,
        opensAt: w.opensAt ?? null,
        result: summarise(
          cells.filter((c) => c.quizId === w.id),
          { minRespondents: this.config.AWARENESS_MIN_RESPONDENTS },
        ),
      }));
  }

  /** Pre/post of an event or campaign: both groups as a whole, and paired where the same resident took both. */
  async uplift(staff: StaffPrincipal, postQuizId: number): Promise<UpliftReport> {
    const [post] = await this.quizzes.readableIds(staff, [postQuizId]);
    if (post.kind !== 'post_test' || !post.pairedQuizId) throw AppException.badRequest('请选择一个已关联前测的后测', undefined, 'VALIDATION_FAILED');
    const [pre] = await this.quizzes.readableIds(staff, [post.pairedQuizId]);
    const region = await this.regions.requireInScope(staff.regionId, staff);
    const totals = async (quiz: { id: number }) => sum(await this.filtered({ quizIds: [quiz.id] }, region).getMany());
    const preCounts = await totals(pre);
    const postCounts = await totals(post);
    if (!preCounts.respondents || !postCounts.respondents) throw AppException.invalidState('前测和后测都需要有人作答后才能计算提升');
    const pairs = await this.pairs(pre.id, post.id, region.path);
    return {
      preQuizId: pre.id,
      postQuizId: post.id,
      unpaired: unpairedUplift(preCounts, postCounts),
      paired: pairs.length ? pairedUplift(pairedCountsFrom(pairs)) : null,
    };
  }

  /** A campaign's awareness figures, under the small-sample rule; null before anyone answered for it. */
  async campaignSummary(campaignId: number): Promise<AwarenessResult | null> {
    const cells = await this.cells.find({ where: { campaignId } });
    return cells.length ? summarise(cells, { minRespondents: this.config.AWARENESS_MIN_RESPONDENTS }) : null;
  }

  async listTargets(staff: StaffPrincipal): Promise<AwarenessTargetDto[]> {
    const rows = await this.targets.find({ where: { regionPath: visibleFrom(staff.regionPath) }, order: { regionPath: 'ASC', id: 'ASC' } });
    const names = await this.regions.names(rows.map((r) => r.regionId));
    return rows.map((t) => ({
      id: t.id,
      regionId: t.regionId,
      regionName: names.get(t.regionId) ?? '',
      regionPath: t.regionPath,
      year: t.year,
      populationGroup: t.populationGroup,
      urbanRural: t.urbanRural,
      metric: t.metric,
      rate: t.rate,
      source: t.source,
    }));
  }

  async createTarget(staff: StaffPrincipal, dto: AwarenessTargetInputDto): Promise<AwarenessTargetDto> {
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const saved = await this.targets.save(
      this.targets.create({
        regionId: region.id,
        regionPath: region.path,
        year: dto.year ?? null,
        populationGroup: dto.populationGroup ?? null,
        urbanRural: dto.urbanRural ?? null,
        metric: dto.metric,
        rate: dto.rate,
        source: dto.source?.trim() || null,
      }),
    );
    return {
      id: saved.id,
      regionId: region.id,
      regionName: region.name,
      regionPath: region.path,
      year: saved.year,
      populationGroup: saved.populationGroup,
      urbanRural: saved.urbanRural,
      metric: saved.metric,
      rate: saved.rate,
      source: saved.source,
    };
  }

  async removeTarget(staff: StaffPrincipal, id: number): Promise<void> {
    const t = await this.targets.findOne({ where: { id } });
    if (!t || !isWithin(t.regionPath, staff.regionPath)) throw AppException.notFound('目标');
    await this.targets.delete({ id });
  }

  /** Counts of the given waves inside `region`, with the filters applied. */
  filtered(q: Partial<AwarenessFiltersDto> & { quizIds: number[] }, region: RegionDto): SelectQueryBuilder<AwarenessCell> {
    const qb = this.cells
      .createQueryBuilder('c')
      .where('c.quizId IN (:...ids)', { ids: q.quizIds })
      .andWhere({ regionPath: subtree(region.path) });
    if (q.urbanRural) qb.andWhere('c.urbanRural = :ur', { ur: q.urbanRural });
    if (q.populationGroup) qb.andWhere('c.populationGroup = :pg', { pg: q.populationGroup });
    if (q.ageBand) qb.andWhere('c.ageBand = :ab', { ab: q.ageBand });
    if (q.gender) qb.andWhere('c.gender = :g', { g: q.gender });
    if (q.campaignId) qb.andWhere('c.campaignId = :cid', { cid: q.campaignId });
    if (q.eventId) qb.andWhere('c.eventId = :eid', { eid: q.eventId });
    return qb;
  }

  /** Targets that can apply inside `region`: set by it, above it, or below it. */
  async targetRules(region: RegionDto): Promise<TargetRule[]> {
    const rows = await this.targets.find({ where: { regionPath: visibleFrom(region.path) }, order: { id: 'ASC' } });
    return rows.map((t) => ({
      id: String(t.id),
      regionPath: t.regionPath,
      populationGroup: t.populationGroup,
      urbanRural: t.urbanRural,
      year: t.year,
      rate: t.rate,
      metric: t.metric,
      source: t.source ?? undefined,
    }));
  }

  private async groupBy(
    dimension: AwarenessDimension,
    region: RegionDto,
    cells: Cell[],
  ): Promise<{ key: string; label: string; path?: string; cells: Cell[] }[]> {
    const by = <K extends string>(keys: readonly K[], labels: Record<K, string>, pick: (c: Cell) => string) =>
      [
        ...keys.map((k) => ({ key: k as string, label: labels[k], cells: cells.filter((c) => pick(c) === k) })),
        { key: '', label: '未填写', cells: cells.filter((c) => pick(c) === '') },
      ].filter((g) => g.key !== '' || g.cells.length > 0);
    switch (dimension) {
      case 'region': {
        const children = await this.regions.childrenOf(region.id);
        if (!children.length) return [{ key: String(region.id), label: region.name, path: region.path, cells }];
        return children.map((c) => ({ key: String(c.id), label: c.name, path: c.path, cells: cells.filter((cell) => isWithin(cell.regionPath, c.path)) }));
      }
      case 'urban_rural':
        return by(['urban', 'rural'] as const, URBAN_RURAL_LABELS, (c) => c.urbanRural);
      case 'group':
        return by(POPULATION_GROUPS, POPULATION_GROUP_LABELS, (c) => c.populationGroup);
      case 'age_band':
        return by(AGE_BANDS, AGE_BAND_LABELS, (c) => c.ageBand);
      case 'gender':
        return by(GENDERS, GENDER_LABELS, (c) => c.gender);
      case 'campaign':
      case 'event': {
        const pick = (c: Cell) => (dimension === 'campaign' ? c.campaignId : c.eventId);
        const ids = [...new Set(cells.map(pick))].sort((a, b) => a - b);
        const linked = ids.filter(Boolean);
        const titles = dimension === 'campaign' ? new Map((await this.campaigns.find(linked)).map((r) => [r.id, r.title])) : await this.events.titles(linked);
        const none = dimension === 'campaign' ? '未关联宣传活动' : '未关联活动';
        return ids.map((id) => ({
          key: String(id),
          label: id ? (titles.get(id) ?? `${dimension === 'campaign' ? '宣传活动' : '活动'} #${id}`) : none,
          cells: cells.filter((c) => pick(c) === id),
        }));
      }
    }
  }

  /**
   * Post-stratified by the regions one level down, each split into its urban and rural population
   * (the figures entered for each region; a region without them adds up its communities'). Null
   * when no population is known.
   */
  private async weighted(region: RegionDto, cells: Cell[], rules: TargetRule[], year: number | null) {
    const below = await this.regions.subtreeOf(region.path);
    const children = below.filter((r) => r.parentId === region.id);
    const leaves = below.filter((r) => r.level === 'community');
    const strata = [];
    for (const unit of children.length ? children : [region]) {
      const { population, urban } = populationOf(unit, leaves);
      if (!population) continue;
      const inUnit = cells.filter((c) => isWithin(c.regionPath, unit.path));
      if (urban > 0) strata.push({ key: `${unit.path}|urban`, population: urban, ...sum(inUnit.filter((c) => c.urbanRural === 'urban')) });
      if (population > urban)
        strata.push({ key: `${unit.path}|rural`, population: population - urban, ...sum(inUnit.filter((c) => c.urbanRural !== 'urban')) });
    }
    if (!strata.length) return null;
    const target = targetFor(rules, { regionPath: region.path, year });
    return postStratifiedEstimate(strata, { minRespondents: this.config.AWARENESS_MIN_RESPONDENTS, metric: target?.metric ?? 'pass_rate' });
  }

  private async pairs(preId: number, postId: number, regionPath: string) {
    const load = (quizId: number) => this.attempts.scoresIn(quizId, regionPath);
    const pre = new Map((await load(preId)).filter((a) => a.residentId !== null).map((a) => [a.residentId!, a]));
    return (await load(postId))
      .filter((a) => a.residentId !== null && pre.has(a.residentId))
      .map((a) => {
        const p = pre.get(a.residentId!)!;
        return { pre: { correctRate: p.correctRate, passed: p.passed }, post: { correctRate: a.correctRate, passed: a.passed } };
      });
  }
}

export function sum(cells: AwarenessCounts[]): AwarenessCounts {
  return cells.reduce(
    (t, c) => ({
      respondents: t.respondents + c.respondents,
      passed: t.passed + c.passed,
      sumCorrectRate: t.sumCorrectRate + c.sumCorrectRate,
      sumCorrectRateSq: t.sumCorrectRateSq + c.sumCorrectRateSq,
    }),
    { respondents: 0, passed: 0, sumCorrectRate: 0, sumCorrectRateSq: 0 },
  );
}

/** The year targets are looked up for: the waves' year when they share one. */
function commonYear(quizzes: { year: number | null }[]): number | null {
  const years = new Set(quizzes.map((z) => z.year));
  return years.size === 1 ? [...years][0] : null;
}

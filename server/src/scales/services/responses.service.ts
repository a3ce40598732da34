import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  chinaDay,
  alertColourFor,
  chinaMonth,
  checkAnswers,
  crisisReasons,
  itemOptions,
  needsGuardianConsent,
  SCALE_CONSENT_VERSION,
  SCALE_RESULT_RETENTION_YEARS,
  scoreRange,
  scoreResponse,
  SCREENING_DISCLAIMER,
  suggestedArticleCategories,
  type MyScaleResponse,
  type Page,
  type ScaleAnswers,
  type ScaleDefinition,
  type ScaleResponseResult,
} from '@xinqiao/shared';
import { DataSource, IsNull, LessThan, Not, QueryFailedError, Repository } from 'typeorm';
import { alertedResponseIds, raiseOrJoin } from '../../alerts/alert-raise';
import { AlertDispatchService } from '../../alerts/duty/services/alert-dispatch.service';
import { ScaleResults, type AlertedResponse, type SavedResult } from '../../alerts/services/scale-results';
import { ArticlesService } from '../../articles/articles.service';
import type { Principal } from '../../common/access/principal';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { JobsService } from '../../common/jobs/jobs.service';
import { HotlinesService } from '../../hotlines/hotlines.service';
import { RegionsService } from '../../regions/regions.service';
import { PersonalDataRegistry } from '../../residents/personal-data.registry';
import { ResidentsService } from '../../residents/residents.service';
import type { MyResponsesQueryDto, ScaleResponseDto } from '../dto/scale.dto';
import { ScaleResponse } from '../entities/scale-response.entity';
import { ScalesService } from './scales.service';

const HOUR_MS = 3_600_000;

/** A signed-in respondent as the residents module answers it. */
type Respondent = Awaited<ReturnType<ResidentsService['get']>>;

/** Residents' scale submissions: consent rules, scoring, the crisis path, and alerts for follow-up. */

@Injectable()
export class ResponsesService implements OnModuleInit {
  private readonly logger = new Logger('Responses');

  constructor(
    @InjectRepository(ScaleResponse) private readonly repo: Repository<ScaleResponse>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scales: ScalesService,
    private readonly residents: ResidentsService,
    private readonly regions: RegionsService,
    private readonly hotlines: HotlinesService,
    private readonly articles: ArticlesService,
    private readonly personalData: PersonalDataRegistry,
    private readonly jobs: JobsService,
    private readonly dispatch: AlertDispatchService,
    private readonly scaleResults: ScaleResults,
  ) {}

  /** The consent says saved results are kept SCALE_RESULT_RETENTION_YEARS years: enforced twice a day. */
  onModuleInit(): void {
    this.personalData.register({ key: 'scaleResponses', export: (id) => this.exportFor(id) });
    this.scaleResults.register({
      titles: () => this.scales.titles(),
      alertedResponse: (id) => this.alertedResponse(id),
      savedResultsOf: (id) => this.savedResultsOf(id),
    });
    this.jobs.schedule('scales.purge-expired', 12 * HOUR_MS, async (now) => {
      const purged = await this.purgeExpired(now);
      if (purged) this.logger.log({ purged }, 'deleted saved results past their retention period');
    });
  }

  /** Deletes saved results (and their alerts) past the retention period; anonymous counts are not personal data and stay. */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - SCALE_RESULT_RETENTION_YEARS);
    const result = await this.repo.delete({ residentId: Not(IsNull()), submittedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }

  async submit(code: string, dto: ScaleResponseDto, who: Principal | undefined): Promise<ScaleResponseResult> {
    const seen = await this.repo.findOne({ where: { clientRequestId: dto.clientRequestId } });
    if (seen) return this.replay(seen, code, who);

    const { def } = await this.scales.currentEnabled(code);
    if (dto.scaleVersion !== def.version) {
      throw new AppException(409, 'SCALE_VERSION_MISMATCH', `量表“${def.shortTitle}”已更新到第 ${def.version} 版，请重新作答`, { currentVersion: def.version });
    }
    const resident = who?.kind === 'resident' ? await this.residents.get(who.id) : null;
    this.checkConsent(dto, resident);
    const problems = checkAnswers(def, dto.answers);
    if (problems.length > 0) {
      const more = problems.length > 1 ? `（共 ${problems.length} 处问题）` : '';
      throw new AppException(
        400,
        'INVALID_ANSWERS',
        `${problems[0].message}${more}`,
        problems.map((p) => ({ itemId: p.itemId, itemNumber: p.itemNumber, code: p.code, message: p.message })),
      );
    }
    const regionPath = await this.regionPathFor(dto, resident);
    if (dto.consent.followUp && !resident?.regionPath) {
      throw AppException.badRequest('请先在“我的”中选择所在社区（村），以便当地心理咨询师跟进', undefined, 'CONSENT_REQUIRED');
    }

    const result = scoreResponse(def, dto.answers);
    const anonymous = dto.consent.mode === 'anonymous';
    const now = new Date();
    const colour = dto.consent.followUp ? alertColourFor(def, result, await this.scales.alertRules()) : null;
    const row = this.repo.create({
      clientRequestId: dto.clientRequestId,
      residentId: anonymous ? null : resident!.id,
      scaleCode: def.code,
      scaleVersion: def.version,
      answers: anonymous ? null : JSON.stringify(dto.answers),
      raw: result.raw,
      score: result.score,
      subscales: JSON.stringify(result.subscales),
      bandIndex: result.band.index,
      severity: result.band.severity,
      mostSevere: result.band.mostSevere,
      crisis: result.crisis,
      criticalItems: JSON.stringify(result.criticalItems),
      consentMode: dto.consent.mode,
      consentVersion: dto.consent.version,
      followUp: dto.consent.followUp,
      contactName: dto.consent.followUp ? dto.consent.contactName?.trim() || null : null,
      contactPhone: dto.consent.followUp ? (dto.consent.contactPhone ?? null) : null,
      guardianName: anonymous ? null : (dto.consent.guardian?.name.trim() ?? null),
      guardianRelation: anonymous ? null : (dto.consent.guardian?.relation ?? null),
      regionId: null,
      regionPath: regionPath?.path ?? null,
      populationGroup: resident?.populationGroup ?? null,
      ageBand: resident?.ageBand ?? dto.ageBand ?? null,
      month: chinaMonth(now),
      submittedAt: anonymous ? chinaDay(now) : now,
    });
    row.regionId = regionPath?.id ?? null;

    try {
      await this.db.transaction(async (tx) => {
        await tx.getRepository(ScaleResponse).insert(row);
        if (colour && resident?.regionId && resident.regionPath) {
          // A resident has one open alert per scale: a later result joins it (and may raise its colour).
          await raiseOrJoin(
            tx,
            {
              responseId: row.id,
              residentId: resident.id,
              scaleCode: def.code,
              colour,
              score: result.score,
              bandLabel: result.band.label,
              crisis: result.crisis,
              regionId: resident.regionId,
              regionPath: resident.regionPath,
              populationGroup: resident.populationGroup,
              ageBand: row.ageBand,
              at: now,
              redDueHours: this.config.ALERT_RED_DUE_HOURS,
            },
            this.dispatch,
          );
        }
      });
    } catch (e) {
      // The same clientRequestId arrived twice at once: the other request stored it.
      if (e instanceof QueryFailedError) {
        const raced = await this.repo.findOne({ where: { clientRequestId: dto.clientRequestId } });
        if (raced) return this.replay(raced, code, who);
      }
      throw e;
    }
    const answer = await this.toResult(row, def, { duplicate: false, followUpRequested: colour !== null && !!resident?.regionPath });
    // The alert's notice goes out now rather than at the queue's next poll.
    if (colour) this.dispatch.kick();
    return answer;
  }

  async listMine(residentId: number, q: MyResponsesQueryDto): Promise<Page<MyScaleResponse>> {
    const p = paging(q);
    const [rows, total] = await this.repo.findAndCount({
      where: { residentId, ...(q.scaleCode ? { scaleCode: q.scaleCode } : {}) },
      order: { submittedAt: 'DESC', id: 'DESC' },
      skip: p.skip,
      take: p.pageSize,
    });
    const alerted = await this.alertedIds(rows.map((r) => r.id));
    const items: MyScaleResponse[] = [];
    for (const r of rows) {
      const def = await this.definitionOf(r);
      const range = scoreRange(def);
      items.push({
        id: r.id,
        scaleCode: r.scaleCode,
        scaleVersion: r.scaleVersion,
        scaleTitle: def.title,
        score: r.score,
        minScore: range.minScore,
        maxScore: range.maxScore,
        bandLabel: def.bands[r.bandIndex]?.label ?? '',
        severity: r.severity,
        crisis: r.crisis,
        followUpRequested: alerted.has(r.id),
        submittedAt: r.submittedAt.toISOString(),
      });
    }
    return pageOf(items, total, p);
  }

  /**
   * For alerts' case view (一户一档): the resident's saved results (scale, score, band, time),
   * newest first; no answers (the alert's detail shows those of the alert's own results).
   */
  /** The response behind an alert, as its detail shows it: contact, guardian and the answers with their labels. */
  async alertedResponse(id: number): Promise<AlertedResponse> {
    const response = await this.repo.findOneOrFail({ where: { id } });
    const def = await this.scales.version(response.scaleCode, response.scaleVersion);
    const answers = JSON.parse(response.answers ?? '{}') as ScaleAnswers;
    const critical = new Set(JSON.parse(response.criticalItems) as string[]);
    return {
      contactName: response.contactName,
      contactPhone: response.contactPhone,
      guardian: response.guardianName && response.guardianRelation ? { name: response.guardianName, relation: response.guardianRelation } : null,
      criticalItems: [...critical],
      answers: (def?.items ?? []).map((item) => {
        const value = answers[item.id];
        return {
          itemId: item.id,
          text: item.text,
          value,
          label: itemOptions(def!, item).find((o) => o.value === value)?.label ?? String(value),
          critical: critical.has(item.id),
        };
      }),
    };
  }

  async savedResultsOf(residentId: number): Promise<SavedResult[]> {
    const rows = await this.repo.find({
      select: { id: true, scaleCode: true, scaleVersion: true, score: true, bandIndex: true, submittedAt: true },
      where: { residentId, consentMode: 'save' },
      order: { submittedAt: 'DESC', id: 'DESC' },
    });
    const out: SavedResult[] = [];
    for (const r of rows) {
      const def = await this.definitionOf(r as ScaleResponse);
      out.push({
        id: r.id,
        scaleCode: r.scaleCode,
        scaleTitle: def.title,
        score: r.score,
        bandLabel: def.bands[r.bandIndex]?.label ?? '',
        submittedAt: r.submittedAt,
      });
    }
    return out;
  }

  async getMine(residentId: number, id: number): Promise<ScaleResponseResult> {
    const row = await this.repo.findOne({ where: { id, residentId } });
    if (!row) throw AppException.notFound('测评记录');
    return this.toResult(row, await this.definitionOf(row), { duplicate: false, followUpRequested: (await this.alertedIds([row.id])).has(row.id) });
  }

  /**
   * Deleting a result takes it off its alert's timeline; deleting the result that raised the alert
   * deletes the alert and its follow-ups (ON DELETE CASCADE).
   */
  async deleteMine(residentId: number, id: number): Promise<void> {
    const result = await this.repo.delete({ id, residentId });
    if (!result.affected) throw AppException.notFound('测评记录');
  }

  private checkConsent(dto: ScaleResponseDto, resident: Respondent | null): void {
    const c = dto.consent;
    if (c.version !== SCALE_CONSENT_VERSION) {
      throw new AppException(409, 'CONSENT_REQUIRED', '隐私说明已更新，请重新阅读并确认后再提交', { currentVersion: SCALE_CONSENT_VERSION });
    }
    if (c.mode === 'save' && !resident) {
      throw new AppException(401, 'UNAUTHENTICATED', '保存测评结果需要先登录；也可以选择匿名测评');
    }
    if (c.followUp && c.mode !== 'save') {
      throw AppException.badRequest('匿名测评无法安排咨询师跟进；如需跟进，请选择“保存到我的记录”', undefined, 'CONSENT_REQUIRED');
    }
    if (c.followUp && !c.contactPhone) {
      throw AppException.badRequest('同意咨询师跟进时，请填写联系电话', undefined, 'CONSENT_REQUIRED');
    }
    const ageBand = resident?.ageBand ?? dto.ageBand ?? null;
    if (needsGuardianConsent(ageBand) && !c.guardian) {
      throw AppException.badRequest('未满 14 周岁的孩子参加测评，需要监护人同意并填写监护人信息', undefined, 'GUARDIAN_CONSENT_REQUIRED');
    }
  }

  /** The resident's own region; an anonymous respondent may name one for the hotlines and counts. */
  private async regionPathFor(dto: ScaleResponseDto, resident: Respondent | null): Promise<{ id: number; path: string } | null> {
    if (resident?.regionId && resident.regionPath) return { id: resident.regionId, path: resident.regionPath };
    if (dto.regionId === undefined) return null;
    const region = await this.regions.find(dto.regionId);
    if (!region) throw AppException.badRequest('所选区域不存在');
    return { id: region.id, path: region.path };
  }

  private async replay(row: ScaleResponse, code: string, who: Principal | undefined): Promise<ScaleResponseResult> {
    const sameOwner = row.residentId === null || (who?.kind === 'resident' && who.id === row.residentId);
    if (row.scaleCode !== code || !sameOwner) throw AppException.conflict('该请求编号已用于另一次提交，请重新开始测评');
    const followUpRequested = (await this.alertedIds([row.id])).has(row.id);
    return this.toResult(row, await this.definitionOf(row), { duplicate: true, followUpRequested });
  }

  private async toResult(row: ScaleResponse, def: ScaleDefinition, extra: { duplicate: boolean; followUpRequested: boolean }): Promise<ScaleResponseResult> {
    const band = def.bands[row.bandIndex];
    const range = scoreRange(def);
    const subscales = JSON.parse(row.subscales) as Record<string, number>;
    const criticalItems = JSON.parse(row.criticalItems) as string[];
    // After an insert on MySQL, TypeORM refreshes defaulted columns with raw values (1/0), so coerce.
    const crisis = Boolean(row.crisis);
    const resultLike = { criticalItems, crisis, band: { label: band.label } } as Parameters<typeof crisisReasons>[1];
    return {
      id: row.consentMode === 'anonymous' ? null : row.id,
      scaleCode: def.code,
      scaleVersion: def.version,
      scaleTitle: def.title,
      score: row.score,
      minScore: range.minScore,
      maxScore: range.maxScore,
      subscales: (def.scoring.subscales ?? []).map((s) => ({ id: s.id, title: s.title, score: subscales[s.id] })),
      band: { label: band.label, level: band.level ?? null, severity: band.severity, interpretation: band.interpretation, advice: band.advice },
      crisis: {
        triggered: crisis,
        reasons: crisis ? crisisReasons(def, resultLike) : [],
        hotlines: await this.hotlines.crisisFor(row.regionPath),
      },
      consentMode: row.consentMode,
      followUpRequested: extra.followUpRequested,
      noticeStatus: extra.followUpRequested ? await this.dispatch.noticeForResponse(row.id) : 'none',
      suggestedArticles: await this.articles.suggest(suggestedArticleCategories(def, crisis), row.regionPath),
      duplicate: extra.duplicate,
      submittedAt: row.submittedAt.toISOString(),
      disclaimer: SCREENING_DISCLAIMER,
    };
  }

  private async definitionOf(row: ScaleResponse): Promise<ScaleDefinition> {
    const def = await this.scales.version(row.scaleCode, row.scaleVersion);
    if (!def) throw new Error(`scale ${row.scaleCode} v${row.scaleVersion} of response ${row.id} is missing`);
    return def;
  }

  private alertedIds(responseIds: number[]): Promise<Set<number>> {
    return alertedResponseIds(this.db.manager, responseIds);
  }

  private async exportFor(residentId: number) {
    const rows = await this.repo.find({ where: { residentId }, order: { id: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      scaleCode: r.scaleCode,
      scaleVersion: r.scaleVersion,
      submittedAt: r.submittedAt.toISOString(),
      answers: r.answers ? JSON.parse(r.answers) : null,
      score: r.score,
      subscales: JSON.parse(r.subscales),
      crisis: r.crisis,
      consent: {
        mode: r.consentMode,
        version: r.consentVersion,
        followUp: r.followUp,
        contactName: r.contactName,
        contactPhone: r.contactPhone,
        guardian: r.guardianName ? { name: r.guardianName, relation: r.guardianRelation } : null,
      },
    }));
  }
}

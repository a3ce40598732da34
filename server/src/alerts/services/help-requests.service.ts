import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  HELP_REQUEST_PROBLEM_MESSAGES,
  HELP_URGENCY_COLOURS,
  helpRequestHotlines,
  validateHelpRequest,
  type HelpRequestProblem,
  type HelpRequestResult,
} from '@xinqiao/shared';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import { HotlinesService } from '../../hotlines/hotlines.service';
import { RegionsService } from '../../regions/regions.service';
import { PersonalDataRegistry } from '../../residents/personal-data.registry';
import { ResidentsService } from '../../residents/residents.service';
import { raiseOrJoinHelp } from '../alert-raise';
import { AlertDispatchService } from '../duty/services/alert-dispatch.service';
import type { HelpRequestDto } from '../dto/help-request.dto';
import { HelpRequest } from '../entities/help-request.entity';

const fieldError = (field: string, constraint: string, message: string) => ({ field, constraint, message });

/** "请人联系我": a resident asks a counsellor of their community to contact them, through the alert queue. */
@Injectable()
export class HelpRequestsService implements OnModuleInit {
  constructor(
    @InjectRepository(HelpRequest) private readonly repo: Repository<HelpRequest>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
    private readonly hotlines: HotlinesService,
    private readonly personalData: PersonalDataRegistry,
    private readonly dispatch: AlertDispatchService,
  ) {}

  onModuleInit(): void {
    this.personalData.register({ key: 'helpRequests', export: (id) => this.exportFor(id) });
  }

  /**
   * Stores the request and raises (or joins) the resident's help-request alert in one transaction.
   * The same clientRequestId again answers as the first time (`duplicate`) without storing anything.
   */
  async submit(residentId: number, dto: HelpRequestDto): Promise<{ result: HelpRequestResult; duplicate: boolean }> {
    const seen = await this.repo.findOne({ where: { clientRequestId: dto.clientRequestId } });
    if (seen) return { result: await this.replay(seen, residentId), duplicate: true };

    const problems = validateHelpRequest(dto);
    if (problems.length) throw this.invalid(problems);
    const region = await this.regions.find(dto.regionId);
    if (!region || region.level !== 'community') {
      const message = region ? '请选择到社区（村）一级，以便当地心理咨询师联系您' : '所选社区（村）不存在';
      throw AppException.badRequest(message, { fields: [fieldError('regionId', 'communityRegion', message)] }, 'VALIDATION_FAILED');
    }
    const resident = await this.residents.get(residentId);
    const now = new Date();
    const note = dto.note?.trim() || null;
    const row = this.repo.create({
      clientRequestId: dto.clientRequestId,
      residentId: resident.id,
      urgency: dto.urgency,
      colour: HELP_URGENCY_COLOURS[dto.urgency],
      contactPhone: dto.contactPhone.trim(),
      contactName: dto.contactName?.trim() || null,
      // validateHelpRequest refused a note without the separate consent.
      note,
      regionId: region.id,
      regionPath: region.path,
      ageBand: dto.ageBand,
      consentVersion: dto.consent.version,
      sensitiveConsent: dto.consent.sensitive,
      guardianName: dto.guardian?.name.trim() || null,
      guardianRelation: dto.guardian?.relation.trim() || null,
      submittedAt: now,
    });

    try {
      await this.db.transaction(async (tx) => {
        const { alertId } = await raiseOrJoinHelp(
          tx,
          {
            residentId: resident.id,
            urgency: dto.urgency,
            regionId: region.id,
            regionPath: region.path,
            populationGroup: resident.populationGroup,
            ageBand: dto.ageBand,
            at: now,
            redDueHours: this.config.ALERT_RED_DUE_HOURS,
          },
          this.dispatch,
        );
        row.alertId = alertId;
        await tx.getRepository(HelpRequest).insert(row);
      });
    } catch (e) {
      // The same clientRequestId arrived twice at once: the other request stored it.
      if (e instanceof QueryFailedError) {
        const raced = await this.repo.findOne({ where: { clientRequestId: dto.clientRequestId } });
        if (raced) return { result: await this.replay(raced, residentId), duplicate: true };
      }
      throw e;
    }
    const result = await this.toResult(row);
    // The notice goes out now rather than at the queue's next poll (answered first, so it says `pending`).
    this.dispatch.kick();
    return { result, duplicate: false };
  }

  /** One 400 listing every problem, each naming its field with the shared wording; `constraint` is the stable problem code. */
  private invalid(problems: HelpRequestProblem[]): AppException {
    const fields = problems.map((p) => fieldError(p.field, p.code, HELP_REQUEST_PROBLEM_MESSAGES[p.code]));
    return AppException.badRequest(fields.map((f) => f.message).join('；'), { fields }, 'VALIDATION_FAILED');
  }

  private async replay(row: HelpRequest, residentId: number): Promise<HelpRequestResult> {
    if (row.residentId !== residentId) throw AppException.conflict('该请求编号已用于另一次提交，请重新提交');
    return this.toResult(row);
  }

  /** The colour is the one this request asked for, so a retry answers the same whatever happened to the alert since. */
  private async toResult(row: HelpRequest): Promise<HelpRequestResult> {
    return {
      alertId: row.alertId,
      colour: row.colour,
      crisisHotlines: row.urgency === 'now' ? helpRequestHotlines(await this.hotlines.crisisFor(row.regionPath)) : [],
      noticeStatus: await this.dispatch.noticeStatus(row.alertId),
    };
  }

  private async exportFor(residentId: number) {
    const rows = await this.repo.find({ where: { residentId }, order: { submittedAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      alertId: r.alertId,
      submittedAt: r.submittedAt.toISOString(),
      urgency: r.urgency,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      note: r.note,
      regionId: r.regionId,
      ageBand: r.ageBand,
      consent: { version: r.consentVersion, sensitive: Boolean(r.sensitiveConsent) },
      guardian: r.guardianName ? { name: r.guardianName, relation: r.guardianRelation } : null,
    }));
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BUILT_IN_SCALES,
  DEFAULT_ALERT_RULES,
  scaleFits,
  toScaleSummary,
  validateAlertRules,
  validateScaleDefinition,
  type AdminScale,
  type AgeBand,
  type AlertRules,
  type PopulationGroup,
  type ScaleDefinition,
  type ScaleSummary,
} from '@xinqiao/shared';
import { QueryFailedError, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { CacheService, type CachedBody } from '../../common/cache/cache.service';
import { AppException } from '../../common/errors/app-exception';
import { AlertRuleSet } from '../entities/alert-rule-set.entity';
import { ScaleDefinitionRecord } from '../entities/scale-definition.entity';
import type { ScaleEnableDto } from '../dto/scale.dto';

/** Every column but the definition JSON, which is read once per version and kept parsed. */
const META = { id: true, code: true, version: true, title: true, builtIn: true, enabled: true, importedBy: true, createdAt: true } as const;

const SCALES_CACHE = 'scales';

export interface CurrentScale {
  record: ScaleDefinitionRecord;
  def: ScaleDefinition;
}

/** The scale catalogue: built-in and imported definitions, which one is current, and the alert rules. */
@Injectable()
export class ScalesService {
  private readonly logger = new Logger('Scales');
  /** Parsed definitions by `code@version`; safe to keep because a stored version never changes. */
  private readonly parsed = new Map<string, ScaleDefinition>();

  constructor(
    @InjectRepository(ScaleDefinitionRecord) private readonly repo: Repository<ScaleDefinitionRecord>,
    @InjectRepository(AlertRuleSet) private readonly rulesRepo: Repository<AlertRuleSet>,
    private readonly cache: CacheService,
  ) {}

  /**
   * Stores the built-in versions this release ships that the database does not have yet. A scale
   * whose licence is not known to allow free public use starts disabled.
   */
  async syncBuiltIns(): Promise<void> {
    const have = new Set((await this.repo.find({ select: { code: true, version: true } })).map((r) => `${r.code}@${r.version}`));
    for (const def of BUILT_IN_SCALES) {
      if (have.has(`${def.code}@${def.version}`)) continue;
      try {
        await this.repo.insert(this.record(def, { builtIn: true, enabled: def.licence.freeForPublicService, importedBy: null }));
        this.logger.log(`built-in scale ${def.code} v${def.version} stored`);
      } catch (e) {
        // Another instance starting at the same time stored it first.
        if (!(e instanceof QueryFailedError)) throw e;
      }
    }
    this.cache.invalidate(SCALES_CACHE);
  }

  /** Enabled scales for the list; for a resident with a known age band or group, those that fit them. */
  async listEnabled(who?: { ageBand: AgeBand | null; populationGroup: PopulationGroup | null }): Promise<ScaleSummary[]> {
    const current = await this.currentRecords();
    const summaries = await Promise.all(current.filter((r) => r.enabled).map(async (r) => toScaleSummary(await this.load(r))));
    return who ? summaries.filter((s) => scaleFits(s, who)) : summaries;
  }

  /** `listEnabled` from the cache, one entry per age band and group asked about. */
  enabledList(who?: { ageBand: AgeBand | null; populationGroup: PopulationGroup | null }): Promise<CachedBody<ScaleSummary[]>> {
    const key = who ? `fit:${who.ageBand ?? ''}:${who.populationGroup ?? ''}` : 'all';
    return this.cache.get([SCALES_CACHE], key, () => this.listEnabled(who && { ageBand: who.ageBand, populationGroup: who.populationGroup }));
  }

  /** The current version of an enabled scale; 404 for an unknown or disabled code. */
  async currentEnabled(code: string): Promise<CurrentScale> {
    const record = await this.repo.findOne({ select: META, where: { code }, order: { version: 'DESC' } });
    if (!record || !record.enabled) throw AppException.notFound(`量表“${code}”`);
    return { record, def: await this.load(record) };
  }

  /** A stored version, e.g. to re-read an old result. */
  async version(code: string, version: number): Promise<ScaleDefinition | null> {
    const key = `${code}@${version}`;
    const hit = this.parsed.get(key);
    if (hit) return hit;
    const record = await this.repo.findOne({ select: META, where: { code, version } });
    return record ? this.load(record) : null;
  }

  /** Current titles by code, for lists that name many scales. */
  async titles(): Promise<Map<string, string>> {
    return new Map((await this.currentRecords()).map((r) => [r.code, r.title]));
  }

  async adminList(): Promise<AdminScale[]> {
    const all = await this.repo.find({ select: META, order: { code: 'ASC', version: 'DESC' } });
    return Promise.all(this.latestOf(all).map((r) => this.toAdmin(r, all)));
  }

  async adminGet(code: string, version?: number): Promise<ScaleDefinition> {
    const record = version
      ? await this.repo.findOne({ select: META, where: { code, version } })
      : await this.repo.findOne({ select: META, where: { code }, order: { version: 'DESC' } });
    if (!record) throw AppException.notFound(`量表“${code}”${version ? ` 第 ${version} 版` : ''}`);
    return this.load(record);
  }

  /**
   * A system admin imports a definition (e.g. a licensed scale). It must validate, and its version
   * must be newer than any stored version of the code; it starts enabled only when its licence says
   * it is free for public service.
   */
  async import(staff: StaffPrincipal, input: unknown): Promise<AdminScale> {
    const checked = validateScaleDefinition(input);
    if (!checked.ok) {
      throw new AppException(
        400,
        'VALIDATION_FAILED',
        `量表定义有 ${checked.errors.length} 处问题：${checked.errors[0].path || '（根）'} ${checked.errors[0].message}`,
        checked.errors,
      );
    }
    const def = checked.def;
    const latest = await this.repo.findOne({ select: META, where: { code: def.code }, order: { version: 'DESC' } });
    if (latest && latest.version >= def.version) {
      throw AppException.conflict(`量表“${def.code}”已有第 ${latest.version} 版，导入的版本号须大于 ${latest.version}`, { currentVersion: latest.version });
    }
    try {
      await this.repo.insert(this.record(def, { builtIn: false, enabled: def.licence.freeForPublicService, importedBy: staff.username }));
    } catch (e) {
      if (e instanceof QueryFailedError) throw AppException.conflict(`量表“${def.code}”第 ${def.version} 版已存在`);
      throw e;
    }
    this.cache.invalidate(SCALES_CACHE);
    return this.adminScale(def.code);
  }

  async setEnabled(code: string, dto: ScaleEnableDto): Promise<AdminScale> {
    const record = await this.repo.findOne({ select: META, where: { code }, order: { version: 'DESC' } });
    if (!record) throw AppException.notFound(`量表“${code}”`);
    const def = await this.load(record);
    if (dto.enabled && !def.licence.freeForPublicService && dto.licenceConfirmed !== true) {
      throw new AppException(400, 'CONSENT_REQUIRED', `“${def.title}”的授权未标记为可免费用于公共服务，请确认本单位已取得授权后再启用`, {
        licence: def.licence,
      });
    }
    await this.repo.update({ id: record.id }, { enabled: dto.enabled });
    this.cache.invalidate(SCALES_CACHE);
    return this.adminScale(code);
  }

  async alertRules(): Promise<AlertRules> {
    const latest = await this.rulesRepo.findOne({ where: {}, order: { id: 'DESC' } });
    return latest ? (JSON.parse(latest.rules) as AlertRules) : DEFAULT_ALERT_RULES;
  }

  async setAlertRules(staff: StaffPrincipal, input: unknown): Promise<AlertRules> {
    const checked = validateAlertRules(input);
    if (!checked.ok) {
      throw new AppException(
        400,
        'VALIDATION_FAILED',
        `预警规则有 ${checked.errors.length} 处问题：${checked.errors[0].path} ${checked.errors[0].message}`,
        checked.errors,
      );
    }
    await this.rulesRepo.insert({ rules: JSON.stringify(checked.rules), createdBy: staff.username });
    return checked.rules;
  }

  private async adminScale(code: string): Promise<AdminScale> {
    const all = await this.repo.find({ select: META, where: { code }, order: { version: 'DESC' } });
    return this.toAdmin(all[0], all);
  }

  private async currentRecords(): Promise<ScaleDefinitionRecord[]> {
    return this.latestOf(await this.repo.find({ select: META, order: { code: 'ASC', version: 'DESC' } }));
  }

  /** First row per code of rows sorted by code, then version descending. */
  private latestOf(rows: ScaleDefinitionRecord[]): ScaleDefinitionRecord[] {
    return rows.filter((r, i) => i === 0 || rows[i - 1].code !== r.code);
  }

  private async toAdmin(r: ScaleDefinitionRecord, all: ScaleDefinitionRecord[]): Promise<AdminScale> {
    const def = await this.load(r);
    return {
      code: r.code,
      version: r.version,
      title: def.title,
      audience: def.audience,
      itemCount: def.items.length,
      builtIn: r.builtIn,
      enabled: r.enabled,
      licence: def.licence,
      versions: all.filter((o) => o.code === r.code).map((o) => o.version),
      importedBy: r.importedBy,
      createdAt: r.createdAt.toISOString(),
    };
  }

  private record(def: ScaleDefinition, extra: Pick<ScaleDefinitionRecord, 'builtIn' | 'enabled' | 'importedBy'>) {
    return { code: def.code, version: def.version, title: def.title, definition: JSON.stringify(def), ...extra };
  }

  private async load(r: Pick<ScaleDefinitionRecord, 'id' | 'code' | 'version'>): Promise<ScaleDefinition> {
    const key = `${r.code}@${r.version}`;
    let def = this.parsed.get(key);
    if (!def) {
      const { definition } = await this.repo.findOneOrFail({ select: { id: true, definition: true }, where: { id: r.id } });
      def = JSON.parse(definition) as ScaleDefinition;
      this.parsed.set(key, def);
    }
    return def;
  }
}

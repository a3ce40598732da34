import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  POPULATION_GROUP_LABELS,
  POPULATION_GROUPS,
  SCALE_STATS_DIMENSION_LABELS,
  SCALE_STATS_DIMENSIONS,
  STATS_MIN_CELL,
  STATS_TIERS,
  statsTier,
  suppressRow,
  type ScaleDefinition,
  type ScaleStats,
  type ScaleStatsDimension,
} from '@xinqiao/shared';
import ExcelJS from 'exceljs';
import { Repository } from 'typeorm';
import type { StaffPrincipal } from '../common/access/principal';
import { AppException } from '../common/errors/app-exception';
import { Region } from '../regions/region.entity';
import { RegionsService } from '../regions/regions.service';
import type { ScaleStatsQueryDto } from './scale.dto';
import { ScaleResponse } from './scale-response.entity';
import { ScalesService } from './scales.service';

const DIMENSION_COLUMN: Record<ScaleStatsDimension, string> = {
  region: 'r.regionPath',
  group: 'r.populationGroup',
  month: 'r.month',
  scale: 'r.scaleCode',
};

interface CountRow {
  k: string | null;
  scaleCode: string;
  severity: number | string;
  mostSevere: number | string | boolean;
  n: number | string;
}

/** Counts of results for officials: by region, group, month or scale against the bands, small cells hidden. */
@Injectable()
export class ScaleStatsService {
  constructor(
    @InjectRepository(ScaleResponse) private readonly repo: Repository<ScaleResponse>,
    @InjectRepository(Region) private readonly regionRepo: Repository<Region>,
    private readonly regions: RegionsService,
    private readonly scales: ScalesService,
  ) {}

  async table(staff: StaffPrincipal, q: ScaleStatsQueryDto, dimension: ScaleStatsDimension): Promise<ScaleStats> {
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const def = q.scaleCode ? await this.scales.adminGet(q.scaleCode) : null;
    const columns = def ? bandColumns(def) : STATS_TIERS.map((t) => ({ key: t.key, label: t.label }));
    const counts = await this.count(region, q, dimension);
    const rowsByKey = new Map<string, number[]>();
    const labels = await this.rowLabels(dimension, region, counts);
    for (const key of labels.keys()) rowsByKey.set(key, columns.map(() => 0));
    for (const c of counts) {
      const key = labels.bucketOf(c.k);
      const column = def
        ? columns.findIndex((col) => col.key === String(Number(c.severity)))
        : columns.findIndex((col) => col.key === statsTier(Number(c.severity), Boolean(Number(c.mostSevere))));
      if (column < 0) continue;
      const row = rowsByKey.get(key) ?? columns.map(() => 0);
      row[column] += Number(c.n);
      rowsByKey.set(key, row);
    }
    return {
      dimension,
      bands: columns,
      rows: [...rowsByKey.entries()].map(([key, values]) => ({ key, label: labels.labelOf(key), ...suppressRow(values) })),
      minCell: STATS_MIN_CELL,
    };
  }

  /** One sheet per dimension plus a note on suppression, for sending up the hierarchy. */
  async workbook(staff: StaffPrincipal, q: ScaleStatsQueryDto): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = '心桥';
    wb.created = new Date();
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const def = q.scaleCode ? await this.scales.adminGet(q.scaleCode) : null;
    for (const dimension of SCALE_STATS_DIMENSIONS) {
      const t = await this.table(staff, q, dimension);
      const ws = wb.addWorksheet(`按${SCALE_STATS_DIMENSION_LABELS[dimension]}`);
      ws.addRow([SCALE_STATS_DIMENSION_LABELS[dimension], ...t.bands.map((b) => b.label), '合计']).font = { bold: true };
      for (const r of t.rows) ws.addRow([r.label, ...r.counts.map((c) => c ?? `<${t.minCell}`), r.total ?? `<${t.minCell}`]);
      ws.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 14));
    }
    const note = wb.addWorksheet('说明');
    note.addRows([
      ['范围', region.name],
      ['量表', def ? `${def.title}（第 ${def.version} 版分段）` : '全部量表（按关注程度归类）'],
      ['时间', `${q.from ?? '不限'} 至 ${q.to ?? '不限'}`],
      ['说明', `少于 ${STATS_MIN_CELL} 人的单元格显示为“<${STATS_MIN_CELL}”，必要时同行另一单元格一并隐藏，以防识别个人。`],
      ['导出时间', new Date().toISOString()],
    ]);
    note.getColumn(1).width = 12;
    note.getColumn(2).width = 80;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  private async count(region: Region, q: ScaleStatsQueryDto, dimension: ScaleStatsDimension): Promise<CountRow[]> {
    const qb = this.repo
      .createQueryBuilder('r')
      .select(DIMENSION_COLUMN[dimension], 'k')
      .addSelect('r.scaleCode', 'scaleCode')
      .addSelect('r.severity', 'severity')
      .addSelect('r.mostSevere', 'mostSevere')
      .addSelect('COUNT(*)', 'n')
      .where('r.regionPath LIKE :prefix', { prefix: `${region.path}%` });
    if (q.scaleCode) qb.andWhere('r.scaleCode = :code', { code: q.scaleCode });
    if (q.from) qb.andWhere('r.submittedAt >= :from', { from: chinaDate(q.from, 0) });
    if (q.to) qb.andWhere('r.submittedAt < :to', { to: chinaDate(q.to, 1) });
    return qb
      .groupBy(DIMENSION_COLUMN[dimension])
      .addGroupBy('r.scaleCode')
      .addGroupBy('r.severity')
      .addGroupBy('r.mostSevere')
      .getRawMany<CountRow>();
  }

  /** Rows of the table: every child region / every group even when empty; months and scales as found. */
  private async rowLabels(dimension: ScaleStatsDimension, region: Region, counts: CountRow[]) {
    const labels = new Map<string, string>();
    let bucketOf = (k: string | null) => k ?? 'unknown';
    if (dimension === 'region') {
      const children = await this.regionRepo.find({ where: { parentId: region.id }, order: { id: 'ASC' } });
      labels.set(region.path, `${region.name}（本级）`);
      for (const c of children) labels.set(c.path, c.name);
      bucketOf = (k) => children.find((c) => k?.startsWith(c.path))?.path ?? region.path;
    } else if (dimension === 'group') {
      for (const g of POPULATION_GROUPS) labels.set(g, POPULATION_GROUP_LABELS[g]);
      labels.set('unknown', '未填写');
    } else if (dimension === 'month') {
      for (const k of [...new Set(counts.map((c) => c.k ?? 'unknown'))].sort()) labels.set(k, k);
    } else {
      for (const code of [...new Set(counts.map((c) => c.k ?? 'unknown'))].sort()) {
        labels.set(code, (await this.scales.adminGet(code)).title);
      }
    }
    return { keys: () => labels.keys(), bucketOf, labelOf: (k: string) => labels.get(k) ?? k };
  }
}

/** Columns for one scale: its bands by severity, mildest first. */
function bandColumns(def: ScaleDefinition) {
  return [...def.bands].sort((a, b) => a.severity - b.severity).map((b) => ({ key: String(b.severity), label: `${b.label}（${b.min}-${b.max}）` }));
}

/** A `YYYY-MM-DD` (or full ISO) date as an instant at China midnight, plus `days`. */
function chinaDate(value: string, days: number): Date {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  if (Number.isNaN(at.getTime())) throw AppException.badRequest(`日期“${value}”无效`, undefined, 'VALIDATION_FAILED');
  return new Date(at.getTime() + days * 86_400_000);
}

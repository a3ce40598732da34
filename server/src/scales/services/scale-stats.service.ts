import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  chinaDayStart,
  POPULATION_GROUP_LABELS,
  POPULATION_GROUPS,
  SCALE_STATS_DIMENSION_LABELS,
  SCALE_STATS_DIMENSIONS,
  STATS_MIN_CELL,
  STATS_TIERS,
  StatsCube,
  statsTier,
  tierRow,
  type RegionDto,
  type ScaleDefinition,
  type ScaleStats,
  type ScaleStatsDimension,
  type StatsSlice,
  type StatsTier,
  type SuppressedRow,
} from '@xinqiao/shared';
import ExcelJS from 'exceljs';
import { Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { AppException } from '../../common/errors/app-exception';
import { RegionsService } from '../../regions/regions.service';
import type { ScaleStatsQueryDto } from '../dto/scale.dto';
import { ScaleResponse } from '../entities/scale-response.entity';
import { ScalesService } from './scales.service';

const DAY_MS = 86_400_000;

interface CountRow {
  scaleCode: string;
  severity: number | string;
  regionPath: string;
  populationGroup: string | null;
  month: string;
  n: number | string;
}

/** One scale's results for a window, suppressed across every table (see `StatsCube`). */
interface ScaleCube {
  def: ScaleDefinition;
  cube: StatsCube;
  /** The tier of each band column, for tables of several scales. */
  tiers: StatsTier[];
}

/**
 * Counts of results for officials: by region, group, month or scale against the bands, small cells
 * hidden. Every table of a window comes from the same suppression over all regions, so opening
 * another region, tab or scale never gives back a hidden count.
 */
@Injectable()
export class ScaleStatsService {
  constructor(
    @InjectRepository(ScaleResponse) private readonly repo: Repository<ScaleResponse>,
    private readonly regions: RegionsService,
    private readonly scales: ScalesService,
  ) {}

  async table(staff: StaffPrincipal, q: ScaleStatsQueryDto, dimension: ScaleStatsDimension): Promise<ScaleStats> {
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const window = dayWindow(q);
    const all = await this.regions.listAll();
    return this.build(region.path, all, await this.cubes(all, window, q.scaleCode), q.scaleCode ? await this.scales.adminGet(q.scaleCode) : null, dimension);
  }

  /** One sheet per dimension plus a note on suppression, for sending up the hierarchy. */
  async workbook(staff: StaffPrincipal, q: ScaleStatsQueryDto): Promise<Buffer> {
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const window = dayWindow(q);
    const all = await this.regions.listAll();
    const def = q.scaleCode ? await this.scales.adminGet(q.scaleCode) : null;
    const cubes = await this.cubes(all, window, q.scaleCode);
    const wb = new ExcelJS.Workbook();
    wb.creator = '心桥';
    wb.created = new Date();
    for (const dimension of SCALE_STATS_DIMENSIONS) {
      const t = this.build(region.path, all, cubes, def, dimension);
      const ws = wb.addWorksheet(`按${SCALE_STATS_DIMENSION_LABELS[dimension]}`);
      ws.addRow([SCALE_STATS_DIMENSION_LABELS[dimension], ...t.bands.map((b) => b.label), '合计']).font = { bold: true };
      for (const r of t.rows) ws.addRow([r.label, ...r.counts.map((c) => c ?? `<${t.minCell}`), r.total ?? `<${t.minCell}`]);
      ws.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 14));
    }
    const note = wb.addWorksheet('说明');
    note.addRows([
      ['范围', region.name],
      ['量表', def ? `${def.title}（第 ${def.version} 版分段）` : '全部量表（按关注程度归类）'],
      ['时间', `${q.from ?? '不限'} 至 ${q.to ?? '不限'}（按北京时间整天统计）`],
      ['说明', `少于 ${STATS_MIN_CELL} 人的单元格显示为“<${STATS_MIN_CELL}”；为防止用合计、上级区域或其他统计表反推出这些人数，必要时另有单元格一并隐藏。`],
      ['导出时间', new Date().toISOString()],
    ]);
    note.getColumn(1).width = 12;
    note.getColumn(2).width = 80;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Results of the window (of one scale, or of each scale) in every region, grouped as the tables need them. */
  private async cubes(regions: RegionDto[], window: { from?: Date; to?: Date }, scaleCode?: string): Promise<Map<string, ScaleCube>> {
    const qb = this.repo
      .createQueryBuilder('r')
      .select('r.scaleCode', 'scaleCode')
      .addSelect('r.severity', 'severity')
      .addSelect('r.regionPath', 'regionPath')
      .addSelect('r.populationGroup', 'populationGroup')
      .addSelect('r.month', 'month')
      .addSelect('COUNT(*)', 'n')
      .where('r.regionPath IS NOT NULL');
    if (scaleCode) qb.andWhere('r.scaleCode = :code', { code: scaleCode });
    if (window.from) qb.andWhere('r.submittedAt >= :from', { from: window.from });
    if (window.to) qb.andWhere('r.submittedAt < :to', { to: window.to });
    const counts = await qb
      .groupBy('r.scaleCode')
      .addGroupBy('r.severity')
      .addGroupBy('r.regionPath')
      .addGroupBy('r.populationGroup')
      .addGroupBy('r.month')
      .getRawMany<CountRow>();

    const tree = regions.map((r) => ({ path: r.path, parentPath: regions.find((p) => p.id === r.parentId)?.path ?? null }));
    const codes = [...new Set([...(scaleCode ? [scaleCode] : []), ...counts.map((c) => c.scaleCode)])].sort();
    const cubes = new Map<string, ScaleCube>();
    for (const code of codes) {
      const def = await this.scales.adminGet(code);
      const severities = [...def.bands].sort((a, b) => a.severity - b.severity).map((b) => b.severity);
      const top = Math.max(...severities);
      const records = counts
        .filter((c) => c.scaleCode === code)
        .map((c) => ({ regionPath: c.regionPath, group: c.populationGroup ?? 'unknown', month: c.month, severity: Number(c.severity), count: Number(c.n) }));
      cubes.set(code, { def, cube: new StatsCube(tree, severities, records), tiers: severities.map((s) => statsTier(s, s === top)) });
    }
    return cubes;
  }

  /** One table of region `path`: a scale's bands when `def` is given, otherwise every scale by tier. */
  private build(path: string, regions: RegionDto[], cubes: Map<string, ScaleCube>, def: ScaleDefinition | null, dimension: ScaleStatsDimension): ScaleStats {
    const region = regions.find((r) => r.path === path)!;
    const columns = def
      ? [...def.bands].sort((a, b) => a.severity - b.severity).map((b) => ({ key: String(b.severity), label: `${b.label}（${b.min}-${b.max}）` }))
      : STATS_TIERS.map((t) => ({ key: t.key, label: t.label }));
    const scaleRow = (c: ScaleCube, read: (cube: StatsCube) => SuppressedRow) => (def ? read(c.cube) : tierRow([{ row: read(c.cube), tiers: c.tiers }]));
    const row = (read: (cube: StatsCube) => SuppressedRow) =>
      def ? read(cubes.get(def.code)!.cube) : tierRow([...cubes.values()].map((c) => ({ row: read(c.cube), tiers: c.tiers })));

    let rows: { key: string; label: string; row: SuppressedRow }[];
    if (dimension === 'region') {
      const children = regions.filter((r) => r.parentId === region.id);
      rows = [
        { key: path, label: `${region.name}（本级）`, row: row((cube) => (children.length ? cube.ownRow(path) : cube.row(path))) },
        ...children.map((c) => ({ key: c.path, label: c.name, row: row((cube) => cube.row(c.path)) })),
      ];
    } else if (dimension === 'group') {
      rows = [...POPULATION_GROUPS, 'unknown' as const].map((g) => ({
        key: g,
        label: g === 'unknown' ? '未填写' : POPULATION_GROUP_LABELS[g],
        row: row((cube) => cube.row(path, { group: g } satisfies StatsSlice)),
      }));
    } else if (dimension === 'month') {
      const months = [...new Set([...cubes.values()].flatMap((c) => c.cube.months(path)))].sort();
      rows = months.map((m) => ({ key: m, label: m, row: row((cube) => cube.row(path, { month: m })) }));
    } else {
      rows = [...cubes.entries()]
        .filter(([, c]) => c.cube.row(path).total !== 0)
        .map(([code, c]) => ({ key: code, label: c.def.title, row: scaleRow(c, (cube) => cube.row(path)) }));
    }
    return { dimension, bands: columns, rows: rows.map((r) => ({ key: r.key, label: r.label, ...r.row })), minCell: STATS_MIN_CELL };
  }
}

/** The window of whole China days `from`..`to`, both included (the DTO has checked they are dates). */
function dayWindow(q: ScaleStatsQueryDto): { from?: Date; to?: Date } {
  const from = q.from ? chinaDayStart(q.from)! : undefined;
  const to = q.to ? chinaDayStart(q.to)! : undefined;
  if (from && to && to < from) {
    throw AppException.badRequest(
      '结束日期不能早于开始日期',
      { fields: [{ field: 'to', constraint: 'dateOrder', message: '结束日期不能早于开始日期' }] },
      'VALIDATION_FAILED',
    );
  }
  return { from, to: to && new Date(to.getTime() + DAY_MS) };
}

import { getBuiltInScale, STATS_MIN_CELL, type ScaleStats, type ScaleStatsDimension } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { ScaleResponse } from './entities/scale-response.entity';

const SCALES = ['phq-9', 'gad-7', 'who-5'];
const DIMENSIONS: ScaleStatsDimension[] = ['region', 'group', 'month', 'scale'];
const GROUPS = ['employee', 'student', 'elderly', null] as const;

/** Seeded random numbers, so every run checks the same data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(`scale statistics cannot isolate a person on ${TEST_DB}`, () => {
  let t: TestApp;
  let official: string;
  let regions: { id: number; parentId: number | null; path: string; name: string }[];

  /** A stored result, written as the responses service would (the statistics read only these columns). */
  const result = (scaleCode: string, severity: number, regionPath: string, populationGroup: string | null, at: Date) => {
    const def = getBuiltInScale(scaleCode)!;
    const bandIndex = def.bands.findIndex((b) => b.severity === severity);
    const china = new Date(at.getTime() + 8 * 3_600_000);
    return {
      clientRequestId: randomUUID(),
      residentId: null,
      scaleCode,
      scaleVersion: def.version,
      answers: null,
      raw: def.bands[bandIndex].min,
      score: def.bands[bandIndex].min,
      subscales: '{}',
      bandIndex,
      severity,
      mostSevere: bandIndex === def.bands.length - 1,
      crisis: false,
      criticalItems: '[]',
      consentMode: 'anonymous' as const,
      consentVersion: 1,
      followUp: false,
      regionId: regions.find((r) => r.path === regionPath)!.id,
      regionPath,
      populationGroup: populationGroup as never,
      ageBand: null,
      month: china.toISOString().slice(0, 7),
      submittedAt: at,
    };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    official = await t.staffToken('region_yc');
    const district = await t.regionId(REGION.district);
    const [{ path }] = await t.dataSource.query('SELECT path FROM regions WHERE id = ?', [district]);
    regions = (await t.dataSource.query('SELECT id, parentId, path, name FROM regions WHERE path LIKE ? ORDER BY id', [`${path}%`])).map(
      (r: { id: number; parentId: number | null; path: string; name: string }) => ({
        ...r,
        id: Number(r.id),
        parentId: r.parentId === null ? null : Number(r.parentId),
      }),
    );
    // Sparse data, as in a district's first months: most communities have a handful of results.
    const random = mulberry32(11);
    const homes = regions.map((r) => r.path);
    const rows = [];
    for (let i = 0; i < 260; i++) {
      const scaleCode = SCALES[Math.floor(random() * 2)];
      const bands = getBuiltInScale(scaleCode)!.bands;
      const day = Math.floor(random() * 60);
      rows.push(
        result(
          scaleCode,
          bands[Math.floor(random() * bands.length)].severity,
          homes[Math.floor(random() * homes.length)],
          GROUPS[Math.floor(random() * GROUPS.length)],
          new Date(Date.UTC(2026, 2, 1, 2) + day * 86_400_000),
        ),
      );
    }
    // WHO-5 around a China midnight: 6 on 31 May at 23:59, 7 on 1 June at 00:00 (16:00 UTC the day before).
    const community = regions.find((r) => r.name === '萱花社区')!.path;
    for (let i = 0; i < 6; i++) rows.push(result('who-5', 0, community, 'employee', new Date('2026-05-31T15:59:00Z')));
    for (let i = 0; i < 7; i++) rows.push(result('who-5', 0, community, 'employee', new Date('2026-05-31T16:00:00Z')));
    await t.dataSource.getRepository(ScaleResponse).insert(rows);
  });
  afterAll(() => t.stop());

  const stats = async (query: Record<string, string | number | undefined>): Promise<ScaleStats> => {
    const qs = Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
    const res = await t.get(`/api/v1/admin/scales/stats?${qs}`, official);
    if (res.status !== 200) throw new Error(`${qs}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('refuses a window finer than a whole day: the millisecond attack gets a 400 naming the field', async () => {
    const attack = await t.get('/api/v1/admin/scales/stats?dimension=region&from=2026-03-10T01:00:00.000Z&to=2026-03-10T01:00:00.001Z', official);
    expect(attack.status).toBe(400);
    expect(attack.body.code).toBe('VALIDATION_FAILED');
    expect(attack.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['from', 'to']);
    expect(attack.body.message).toContain('开始日期必须是日期，格式为 YYYY-MM-DD');
    const exported = await t.get('/api/v1/admin/scales/stats/export?from=2026-03-10T01:00:00.000Z', official);
    expect(exported).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await t.get('/api/v1/admin/scales/stats?from=2026-02-30', official)).status).toBe(400);
    const backwards = await t.get('/api/v1/admin/scales/stats?from=2026-03-10&to=2026-03-09', official);
    expect(backwards).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', message: '结束日期不能早于开始日期' } });
  });

  it('counts whole days in China time', async () => {
    const total = async (from: string, to: string) => (await stats({ dimension: 'scale', scaleCode: 'who-5', from, to })).rows[0]?.total;
    expect(await total('2026-05-31', '2026-05-31')).toBe(6);
    expect(await total('2026-06-01', '2026-06-01')).toBe(7);
    expect(await total('2026-05-31', '2026-06-01')).toBe(13);
  });

  it('never shows a count of 1 to 4, nor lets a total, a parent region or another tab give one back, whatever the filters', async () => {
    const small = (n: number | null) => n !== null && n > 0 && n < STATS_MIN_CELL;
    const childrenOf = (id: number) => regions.filter((r) => r.parentId === id);
    let tables = 0;
    for (const window of [{}, { from: '2026-03-01', to: '2026-03-31' }, { from: '2026-03-20', to: '2026-04-29' }]) {
      for (const scaleCode of ['', ...SCALES]) {
        // The one-row view of each region: what any of its tables adds up to.
        const whole = new Map<string, { counts: (number | null)[]; total: number | null }>();
        for (const r of regions) {
          const view = await stats({ dimension: 'scale', regionId: r.id, scaleCode, ...window });
          const [row] = view.rows;
          if (scaleCode) whole.set(r.path, row ? { counts: row.counts, total: row.total } : { counts: view.bands.map(() => 0), total: 0 });
        }
        for (const r of regions) {
          for (const dimension of DIMENSIONS) {
            const table = await stats({ dimension, regionId: r.id, scaleCode, ...window });
            tables++;
            const where = `${r.name} ${scaleCode || '全部'} ${dimension} ${JSON.stringify(window)}`;
            for (const row of table.rows) {
              const cells = [...row.counts, row.total];
              expect({ where, row: row.label, small: cells.filter(small) }).toEqual({ where, row: row.label, small: [] });
              if (row.total !== null && row.total > 0) {
                const rest = row.total - row.counts.reduce<number>((a, c) => a + (c ?? 0), 0);
                const hidden = row.counts.filter((c) => c === null).length;
                expect({ where, row: row.label, rest: small(rest), single: hidden === 1 }).toEqual({ where, row: row.label, rest: false, single: false });
              }
            }
            const margin = whole.get(r.path);
            if (!margin || dimension === 'scale') continue;
            // Each column (and the totals) adds up to the region's one-row view.
            [...margin.counts, margin.total].forEach((m, col) => {
              const column = table.rows.map((row) => [...row.counts, row.total][col]);
              if (m === null || m === 0) return;
              const rest = m - column.reduce<number>((a, c) => a + (c ?? 0), 0);
              const hidden = column.filter((c) => c === null).length;
              expect({ where, col, rest: small(rest), single: hidden === 1 }).toEqual({ where, col, rest: false, single: false });
            });
            // A sub-region's row is the same as that region opened on its own.
            if (dimension === 'region' && childrenOf(r.id).length) {
              for (const c of childrenOf(r.id)) {
                const row = table.rows.find((x) => x.key === c.path)!;
                expect({ where, child: c.name, counts: row.counts, total: row.total }).toEqual({ where, child: c.name, ...whole.get(c.path) });
              }
            }
          }
        }
      }
    }
    expect(tables).toBe(3 * 4 * regions.length * 4);
  });
});

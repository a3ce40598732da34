import { StatsCube, statsTier, suppressLinked, suppressRow, tierRow, type StatsRecord, type StatsRegion } from './stats';

describe('suppressRow', () => {
  it('shows a row with no small cells as it is', () => {
    expect(suppressRow([12, 0, 5, 30])).toEqual({ counts: [12, 0, 5, 30], total: 47 });
  });

  it('hides cells of 1 to 4 people but shows zeros', () => {
    // 3 + 2 = 5 hidden: the total minus the shown cells (34 - 20 - 9) is 5, not a small number.
    expect(suppressRow([20, 3, 0, 2, 9])).toEqual({ counts: [20, null, 0, null, 9], total: 34 });
  });

  it('hides a second cell when only one is small, so the total cannot give it away', () => {
    // 4 would be 31 - 20 - 7 without the complementary suppression; 7 is the smallest other non-zero cell.
    expect(suppressRow([20, 4, 7])).toEqual({ counts: [20, null, null], total: 31 });
  });

  it('hides more when the hidden cells add up to fewer than 5', () => {
    // 1 + 1 = 2 would be 32 - 20 - 10; with the 10 hidden too, 32 - 20 = 12.
    expect(suppressRow([20, 1, 1, 10])).toEqual({ counts: [20, null, null, null], total: 32 });
  });

  it('hides the whole row, zeros and total included, when the row has fewer than 5 people', () => {
    // A shown zero would say which band the 4 people are not in.
    expect(suppressRow([3, 0, 1])).toEqual({ counts: [null, null, null], total: null });
  });

  it('keeps an empty row at zero', () => {
    expect(suppressRow([0, 0])).toEqual({ counts: [0, 0], total: 0 });
  });

  it('honours another threshold', () => {
    expect(suppressRow([9, 12, 10], 10)).toEqual({ counts: [null, 12, null], total: 31 });
  });
});

describe('suppressLinked', () => {
  it('hides a second count in a column whose total another table shows', () => {
    // Street A [50, 3, 10] and street B [40, 20, 20]; their district [90, 23, 30] is shown by any
    // other tab. Hiding only A's 3 and 10 would leave 23 - 20 = 3.
    const values = [50, 3, 10, 63, 40, 20, 20, 80, 90, 23, 30, 143];
    const lines = [
      { margin: 3, parts: [0, 1, 2], row: true },
      { margin: 7, parts: [4, 5, 6], row: true },
      { margin: 11, parts: [8, 9, 10], row: true },
      ...[0, 1, 2, 3].map((c) => ({ margin: 8 + c, parts: [c, 4 + c] })),
    ];
    const hidden = suppressLinked({ values, shown: values.map(() => true), lines });
    // A's 3 is hidden; then B's 20 in the same column; then B's other 20 for B's row;
    // and A's 10 for A's row. Every line now has two hidden counts of 5 or more in all.
    expect(values.filter((_, i) => hidden[i])).toEqual([3, 10, 20, 20]);
    expect(determined(lines, values, hidden, 1)).toBe(false);
  });

  it('hides a row total that the other totals and the grand total would give away', () => {
    // Totals 8 and 1 under a shown 9: the 1 is hidden, so the 8 must be too (9 - 8 = 1).
    const values = [8, 1, 9];
    const hidden = suppressLinked({ values, shown: [true, true, true], lines: [{ margin: 2, parts: [0, 1] }] });
    expect(hidden).toEqual([true, true, false]);
  });

  it('hides a count no table shows first, since that costs nothing on screen', () => {
    // 20 = 9 (no table shows it) + 6 + 4: the 4 is small; the 9 protects it rather than the smaller 6.
    const values = [20, 9, 6, 4];
    const hidden = suppressLinked({ values, shown: [true, false, true, true], lines: [{ margin: 0, parts: [1, 2, 3] }] });
    expect(hidden).toEqual([false, true, false, true]);
  });
});

describe('StatsCube', () => {
  const regions: StatsRegion[] = [
    { path: '/1/', parentPath: null },
    { path: '/1/2/', parentPath: '/1/' },
    { path: '/1/3/', parentPath: '/1/' },
    { path: '/1/2/4/', parentPath: '/1/2/' },
    { path: '/1/2/5/', parentPath: '/1/2/' },
  ];
  const rec = (regionPath: string, severity: number, count: number, group = 'employee', month = '2026-01'): StatsRecord => ({
    regionPath,
    group,
    month,
    severity,
    count,
  });

  it('adds results up the regions, with a "本级" part for what was filed at a region with sub-regions', () => {
    const cube = new StatsCube(regions, [0, 1], [rec('/1/2/4/', 0, 10), rec('/1/2/5/', 0, 6), rec('/1/2/', 0, 7), rec('/1/3/', 1, 9), rec('/1/9/', 0, 5)]);
    expect(cube.row('/1/2/4/')).toEqual({ counts: [10, 0], total: 10 });
    expect(cube.row('/1/2/')).toEqual({ counts: [23, 0], total: 23 });
    expect(cube.ownRow('/1/2/')).toEqual({ counts: [7, 0], total: 7 });
    // /1/9/ is no known region: its results count at /1/ itself.
    expect(cube.ownRow('/1/')).toEqual({ counts: [5, 0], total: 5 });
    expect(cube.row('/1/')).toEqual({ counts: [28, 9], total: 37 });
    expect(cube.row('/1/', { group: 'employee' })).toEqual({ counts: [28, 9], total: 37 });
    expect(cube.row('/1/', { group: 'student' })).toEqual({ counts: [0, 0], total: 0 });
    expect(cube.months('/1/')).toEqual(['2026-01']);
  });

  it('hides a count the same way in every table that shows it', () => {
    // Community 4 has 3 in band 1: hidden in its own table, in street 2's, and in the district's
    // sub-region breakdown, and nothing shown elsewhere gives it back.
    const cube = new StatsCube(regions, [0, 1], [rec('/1/2/4/', 0, 20), rec('/1/2/4/', 1, 3), rec('/1/2/5/', 0, 9), rec('/1/2/5/', 1, 8), rec('/1/3/', 0, 30)]);
    expect(cube.row('/1/2/4/').counts[1]).toBeNull();
    expect(cube.row('/1/2/4/', { month: '2026-01' }).counts[1]).toBeNull();
    // Street 2 shows 3 + 8 = 11, so community 5's 8 is hidden too.
    expect(cube.row('/1/2/').counts[1]).toBe(11);
    expect(cube.row('/1/2/5/').counts[1]).toBeNull();
  });

  it('shows no count of 1 to 4 and no sum minus its shown parts that gives one (random data)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = mulberry32(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
      const tree: StatsRegion[] = [
        { path: '/1/', parentPath: null },
        { path: '/1/2/', parentPath: '/1/' },
        { path: '/1/3/', parentPath: '/1/' },
        { path: '/1/2/4/', parentPath: '/1/2/' },
        { path: '/1/2/5/', parentPath: '/1/2/' },
        { path: '/1/3/6/', parentPath: '/1/3/' },
        { path: '/1/3/7/', parentPath: '/1/3/' },
      ];
      const homes = ['/1/2/4/', '/1/2/5/', '/1/3/6/', '/1/3/7/', '/1/2/', '/1/'];
      const records = Array.from({ length: 12 + Math.floor(random() * 20) }, () =>
        rec(pick(homes), pick([0, 1, 2]), 1 + Math.floor(random() * (random() < 0.5 ? 4 : 12)), pick(['a', 'b', 'c']), pick(['2026-01', '2026-02'])),
      );
      expectNoSmallDifference(tree, records, [0, 1, 2], ['a', 'b', 'c'], seed);
    }
  });
});

describe('tierRow', () => {
  it('adds several scales up by tier, hiding a tier when any of its counts is hidden', () => {
    const tiers = ['none', 'concern', 'most_severe'] as const;
    expect(
      tierRow([
        { row: { counts: [20, 5, 6], total: 31 }, tiers },
        { row: { counts: [10, 0, 0, 7], total: 17 }, tiers: ['none', 'concern', 'concern', 'most_severe'] },
      ]),
    ).toEqual({
      counts: [30, 5, 13],
      total: 48,
    });
    expect(
      tierRow([
        { row: { counts: [20, null, null], total: 31 }, tiers },
        { row: { counts: [10, 0, 7], total: 17 }, tiers },
      ]),
    ).toEqual({ counts: [30, null, null], total: 48 });
    expect(tierRow([{ row: { counts: [null, null, null], total: null }, tiers }])).toEqual({ counts: [null, null, null], total: null });
    // Both hidden counts of the first scale are of concern: the concern tier alone would be 48 - 30 - 7 = 11.
    expect(
      tierRow([
        { row: { counts: [20, null, null, 0], total: 31 }, tiers: ['none', 'concern', 'concern', 'most_severe'] },
        { row: { counts: [10, 0, 7], total: 17 }, tiers },
      ]),
    ).toEqual({
      counts: [30, null, null],
      total: 48,
    });
  });
});

describe('statsTier', () => {
  it('puts severity 0 in none, the most severe band in most_severe, the rest in concern', () => {
    expect(statsTier(0, false)).toBe('none');
    expect(statsTier(2, false)).toBe('concern');
    expect(statsTier(4, true)).toBe('most_severe');
    // A scale whose only band is "no concern" is not a most-severe result.
    expect(statsTier(0, true)).toBe('none');
  });
});

/** Whether `lines` and the shown values pin down values[target] (linear algebra, ignoring signs). */
function determined(lines: { margin: number; parts: number[] }[], values: number[], hidden: boolean[], target: number): boolean {
  // Unknowns: the hidden values. Each line gives sum(parts) - margin = 0 over them.
  const unknown = values.map((_, i) => i).filter((i) => hidden[i]);
  const col = new Map(unknown.map((u, j) => [u, j]));
  const rows = lines.map((l) => {
    const r = unknown.map(() => 0);
    for (const p of l.parts) if (col.has(p)) r[col.get(p)!] += 1;
    if (col.has(l.margin)) r[col.get(l.margin)!] -= 1;
    return r;
  });
  const t = unknown.map(() => 0);
  t[col.get(target)!] = 1;
  return inRowSpace(rows, t);
}

/**
 * Opens every table an official can (each region: whole, by group, by month; each "本级" row) and
 * checks each way one of them adds up from others: a row and its total, a region and its
 * sub-regions, a region and its groups or months. Where the sum is shown, the sum minus the shown
 * parts is 0 or at least 5 and never one hidden count alone; where it is hidden, some part is too.
 */
function expectNoSmallDifference(tree: StatsRegion[], records: StatsRecord[], severities: number[], groups: string[], seed: number) {
  const cube = new StatsCube(tree, severities, records);
  const months = ['2026-01', '2026-02'];
  const childrenOf = (p: string) => tree.filter((r) => r.parentPath === p).map((r) => r.path);
  const truth = (inside: (r: StatsRecord) => boolean, col: number) =>
    records.filter((r) => inside(r) && (col === severities.length || r.severity === severities[col])).reduce((a, r) => a + r.count, 0);
  const cells = (row: { counts: (number | null)[]; total: number | null }) => [...row.counts, row.total];
  const check = (what: string, margin: number | null, marginTruth: number, parts: { shown: number | null; truth: number }[]) => {
    for (const p of parts) if (p.shown !== null && p.shown > 0 && p.shown < 5) throw new Error(`seed ${seed}: ${what} shows ${p.shown}`);
    const hidden = parts.filter((p) => p.shown === null);
    if (margin === null) {
      if (marginTruth > 0 && hidden.length === 0 && parts.every((p) => p.shown !== null))
        throw new Error(`seed ${seed}: ${what}: hidden sum is its shown parts`);
      return;
    }
    if (margin === 0) return; // every part is a known zero
    const rest = margin - parts.reduce((a, p) => a + (p.shown ?? 0), 0);
    if ((rest > 0 && rest < 5) || hidden.length === 1) throw new Error(`seed ${seed}: ${what}: ${margin} minus the shown parts gives ${rest}`);
  };
  for (const r of tree) {
    const inside = (x: StatsRecord) => x.regionPath.startsWith(r.path);
    const slices = [
      { name: 'all', row: cube.row(r.path), inside },
      ...groups.map((g) => ({ name: g, row: cube.row(r.path, { group: g }), inside: (x: StatsRecord) => inside(x) && x.group === g })),
      ...months.map((m) => ({ name: m, row: cube.row(r.path, { month: m }), inside: (x: StatsRecord) => inside(x) && x.month === m })),
    ];
    for (const s of slices) {
      const row = cells(s.row);
      check(
        `${r.path} ${s.name} row`,
        row[severities.length],
        truth(s.inside, severities.length),
        severities.map((_, c) => ({ shown: row[c], truth: truth(s.inside, c) })),
      );
    }
    const all = cells(cube.row(r.path));
    for (let c = 0; c <= severities.length; c++) {
      for (const family of [groups.map((g) => ({ group: g })), months.map((m) => ({ month: m }))]) {
        check(
          `${r.path} column ${c}`,
          all[c],
          truth(inside, c),
          family.map((f) => ({
            shown: cells(cube.row(r.path, f))[c],
            truth: truth((x) => inside(x) && ('group' in f ? x.group === f.group : x.month === f.month), c),
          })),
        );
      }
    }
    const below = childrenOf(r.path);
    if (!below.length) continue;
    const own = cells(cube.ownRow(r.path));
    const ownInside = (x: StatsRecord) => x.regionPath === r.path;
    check(
      `${r.path} 本级 row`,
      own[severities.length],
      truth(ownInside, severities.length),
      severities.map((_, c) => ({ shown: own[c], truth: truth(ownInside, c) })),
    );
    for (let c = 0; c <= severities.length; c++) {
      check(`${r.path} sub-regions ${c}`, all[c], truth(inside, c), [
        { shown: own[c], truth: truth(ownInside, c) },
        ...below.map((b) => ({ shown: cells(cube.row(b))[c], truth: truth((x) => x.regionPath.startsWith(b), c) })),
      ]);
    }
  }
}

/** Whether `v` is a linear combination of `rows` (Gaussian elimination). */
function inRowSpace(rows: number[][], v: number[]): boolean {
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (r: number[]) => {
    const x = [...r];
    for (const b of basis) {
      const f = x[b.pivot];
      if (Math.abs(f) > 1e-9) for (let j = 0; j < x.length; j++) x[j] -= f * b.row[j];
    }
    return x;
  };
  for (const r of rows) {
    const x = reduce(r);
    const pivot = x.findIndex((c) => Math.abs(c) > 1e-9);
    if (pivot < 0) continue;
    const row = x.map((c) => c / x[pivot]);
    for (const b of basis) {
      const f = b.row[pivot];
      if (Math.abs(f) > 1e-9) for (let j = 0; j < row.length; j++) b.row[j] -= f * row[j];
    }
    basis.push({ pivot, row });
  }
  return reduce(v).every((c) => Math.abs(c) < 1e-9);
}

/** A small seeded random generator, so every run checks the same data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

import { caseTimeline, closeOutcomeLabel, median, percentile, planDue, shareOf, suppressBreakdown, withheld, type CaseEntry } from './casework';

describe('percentile and median (linear between closest ranks, as PERCENTILE.INC)', () => {
  it('interpolates at (n-1)·p/100 in the sorted values', () => {
    // 1..10: position 9 × 0.9 = 8.1 → 9 + 0.1 × (10 - 9) = 9.1
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBeCloseTo(9.1, 10);
    // sorted 2, 4, 6, 10, 30: position 4 × 0.9 = 3.6 → 10 + 0.6 × 20 = 22
    expect(percentile([30, 2, 10, 4, 6], 90)).toBeCloseTo(22, 10);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([], 50)).toBeNull();
  });

  it('takes the middle value, or halfway between the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('small cells', () => {
  it('withholds a share whose base is below the threshold, and counts of 1..4', () => {
    expect(shareOf(3, 5)).toBe(0.6);
    expect(shareOf(2, 4)).toBeNull();
    expect(shareOf(0, 0)).toBeNull();
    expect([withheld(0), withheld(4), withheld(5)]).toEqual([0, null, 5]);
  });

  it('hides a second cell in each row and column that has one small cell', () => {
    // 甲 5 red, 5 yellow; 乙 3 red, 4 yellow. 乙's 3 and 4 are small; each column would then give
    // them back as the region's figure minus 甲's, so 甲's red and yellow go too. Rows and the
    // region's total stay: 甲 10 = ? + ?, 乙 7 = ? + ?, red 8, yellow 9 leave one unknown free.
    expect(
      suppressBreakdown(
        [
          [5, 5, 0],
          [3, 4, 0],
        ],
        [0, 0, 0],
      ),
    ).toEqual({
      children: [
        [null, null, 0, 10],
        [null, null, 0, 7],
      ],
      total: [8, 9, 0, 17],
    });
  });

  it('shows a table with no small cell as it is', () => {
    expect(
      suppressBreakdown(
        [
          [0, 0, 0],
          [10, 5, 5],
        ],
        [0, 0, 0],
      ),
    ).toEqual({
      children: [
        [0, 0, 0, 0],
        [10, 5, 5, 20],
      ],
      total: [10, 5, 5, 20],
    });
  });

  it('does not let the region total minus shown children give back what was filed at the region itself', () => {
    // 2 alerts filed at the region itself (not shown on their own, and small). The region's red 7
    // minus 甲's red would give them, so 甲's red is hidden; the region's 12 minus 甲's total would
    // too, so 甲's total is hidden. What is left (甲 ? + 5 + 0 = ?, region 7 and 12) says only that
    // 甲's red and the region's own add up to 7: no count of one or two people can be read.
    expect(suppressBreakdown([[5, 5, 0]], [2, 0, 0])).toEqual({ children: [[null, 5, 0, null]], total: [7, 5, 0, 12] });
  });
});

describe('the case timeline', () => {
  const e = (at: string, responseId: number): CaseEntry => ({
    type: 'scale',
    at,
    responseId,
    scaleCode: 'phq-9',
    scaleTitle: 'PHQ-9',
    score: 1,
    bandLabel: '无',
  });
  it('merges the parts newest first, keeping the given order for the same time', () => {
    const out = caseTimeline([
      [e('2026-03-01T00:00:00.000Z', 1), e('2026-03-03T00:00:00.000Z', 2)],
      [e('2026-03-02T00:00:00.000Z', 3), e('2026-03-03T00:00:00.000Z', 4)],
    ]);
    expect(out.map((x) => (x.type === 'scale' ? x.responseId : 0))).toEqual([2, 4, 3, 1]);
  });
});

describe('follow-up plans', () => {
  it('are due today on their day, overdue after it', () => {
    expect(planDue('2026-05-10', '2026-05-10')).toBe('today');
    expect(planDue('2026-05-09', '2026-05-10')).toBe('overdue');
    expect(planDue('2026-05-11', '2026-05-10')).toBe('later');
    // Across a month end the ISO dates still compare in calendar order.
    expect(planDue('2026-04-30', '2026-05-01')).toBe('overdue');
  });

  it('labels an uncoded outcome as not recorded', () => {
    expect(closeOutcomeLabel(null)).toBe('未记录');
    expect(closeOutcomeLabel('lost_contact')).toBe('失联');
  });
});

import { statsTier, suppressRow } from './stats';

describe('suppressRow', () => {
  it('shows a row with no small cells as it is', () => {
    expect(suppressRow([12, 0, 5, 30])).toEqual({ counts: [12, 0, 5, 30], total: 47 });
  });

  it('hides cells of 1 to 4 people but shows zeros', () => {
    expect(suppressRow([20, 3, 0, 2, 9])).toEqual({ counts: [20, null, 0, null, 9], total: 34 });
  });

  it('hides a second cell when only one is small, so the total cannot give it away', () => {
    // 4 would be 31 - 20 - 7 without the complementary suppression; 7 is the smallest other non-zero cell.
    expect(suppressRow([20, 4, 7])).toEqual({ counts: [20, null, null], total: 31 });
  });

  it('hides the whole row, total included, when the row has fewer than 5 people', () => {
    expect(suppressRow([3, 0, 1])).toEqual({ counts: [null, 0, null], total: null });
  });

  it('keeps an empty row at zero', () => {
    expect(suppressRow([0, 0])).toEqual({ counts: [0, 0], total: 0 });
  });

  it('honours another threshold', () => {
    expect(suppressRow([9, 12, 10], 10)).toEqual({ counts: [null, 12, null], total: 31 });
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

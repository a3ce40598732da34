import type { BookingStatsRow } from '@xinqiao/shared';
import {
  addMonths,
  defaultMonthRange,
  monthlyTotals,
  monthsBetween,
  nextFreeText,
  rateCell,
  ratesChartOption,
  satisfactionCell,
  statsStations,
} from './bookingStats';

const row = (over: Partial<BookingStatsRow>): BookingStatsRow => ({
  stationId: 1,
  stationName: '萱花社区心理咨询室',
  month: '2026-11',
  booked: 0,
  attended: 0,
  noShowRate: null,
  cancellationRate: null,
  utilisation: null,
  satisfaction: null,
  ratings: 0,
  ...over,
});

describe('months', () => {
  it('counts months across year ends', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-03', -5)).toBe('2025-10');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2026-11')).toEqual([]);
  });

  it('defaults to the six China months up to this one (31 Dec 17:00 UTC is already January in China)', () => {
    expect(defaultMonthRange(new Date('2026-12-31T17:00:00.000Z'))).toEqual({ fromMonth: '2026-08', toMonth: '2027-01' });
  });
});

describe('cells', () => {
  it('shows a rate, "-" with nothing to count, and a withheld cell with the threshold', () => {
    expect(rateCell(0.125, 16, 5)).toEqual({ text: '12.5%', withheld: false });
    expect(rateCell(0, 16, 5)).toEqual({ text: '0.0%', withheld: false });
    expect(rateCell(null, 0, 5)).toEqual({ text: '-', withheld: false });
    expect(rateCell(null, 3, 5)).toEqual({ text: '<5 不显示', withheld: true });
  });

  it('shows satisfaction with its number of ratings, or why it is missing', () => {
    expect(satisfactionCell({ satisfaction: 4.25, ratings: 8 }, 5)).toEqual({ text: '4.3 分（8 条）', withheld: false });
    expect(satisfactionCell({ satisfaction: null, ratings: 0 }, 5)).toEqual({ text: '暂无评价', withheld: false });
    expect(satisfactionCell({ satisfaction: null, ratings: 2 }, 5)).toEqual({ text: '<5 不显示', withheld: true });
  });

  it('says when the next free slot is', () => {
    expect(nextFreeText(0)).toBe('今天有空');
    expect(nextFreeText(3)).toBe('3 天后');
    expect(nextFreeText(null)).toBe('可预约期内已约满');
  });
});

describe('totals and charts', () => {
  const rows = [
    row({ month: '2026-11', booked: 10, attended: 7 }),
    row({ stationId: 2, stationName: '胜利路街道心理服务站', month: '2026-11', booked: 4, attended: 4 }),
    row({ stationId: 2, stationName: '胜利路街道心理服务站', month: '2026-12', booked: 6, attended: 5 }),
  ];

  it('sums counts per month over stations, months without bookings as zero', () => {
    expect(monthlyTotals(rows, ['2026-10', '2026-11', '2026-12'])).toEqual([
      { month: '2026-10', booked: 0, attended: 0 },
      { month: '2026-11', booked: 14, attended: 11 },
      { month: '2026-12', booked: 6, attended: 5 },
    ]);
  });

  it('lists each station once', () => {
    expect(statsStations(rows)).toEqual([
      { key: '1', name: '萱花社区心理咨询室' },
      { key: '2', name: '胜利路街道心理服务站' },
    ]);
  });

  it('draws withheld and missing rates as gaps, in percentage points', () => {
    const option = ratesChartOption(
      [row({ month: '2026-11', booked: 12, noShowRate: 0.0833, cancellationRate: null, satisfaction: 4.5 })],
      ['2026-10', '2026-11'],
    );
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['未到场率', ['-', 8.3]],
      ['取消率', ['-', '-']],
      ['时段利用率', ['-', '-']],
      ['满意度', ['-', 4.5]],
    ]);
  });
});

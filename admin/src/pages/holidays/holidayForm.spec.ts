import { dateWithWeekday, holidayFormProblems, holidayKindText, yearOptions } from './holidayForm';

describe('holiday entries', () => {
  it('reads as a day off or a 调休 day following a weekday', () => {
    expect(holidayKindText({ kind: 'holiday', worksAs: null })).toBe('放假');
    expect(holidayKindText({ kind: 'workday', worksAs: 5 })).toBe('调休上班（按周五）');
    expect(holidayKindText({ kind: 'workday', worksAs: null })).toBe('调休上班（按周一）');
    // 1 October 2026 is a Thursday, the 10th a Saturday.
    expect(dateWithWeekday('2026-10-01')).toBe('2026-10-01 周四');
    expect(dateWithWeekday('2026-10-10')).toBe('2026-10-10 周六');
  });

  it('checks an entry as the server does', () => {
    expect(holidayFormProblems({ date: '2026-10-10', kind: 'workday', worksAs: 3 })).toEqual([]);
    expect(holidayFormProblems({ date: '2026-10-09', kind: 'workday', worksAs: null })).toEqual(['调休上班日须为周六或周日']);
    expect(holidayFormProblems({ date: '2026-10-02', kind: 'holiday', worksAs: 1 })).toEqual(['放假日不开放，不需要指定按星期几上班']);
  });

  it('offers last year to two years ahead', () => {
    expect(yearOptions(2026)).toEqual([2025, 2026, 2027, 2028]);
  });
});

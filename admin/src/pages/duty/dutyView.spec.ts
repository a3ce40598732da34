import type { DutyEntry } from '@xinqiao/shared';
import { dutyInputs, shiftText, timeOptions, upcomingDated, weekColumns } from './dutyView';

const entry = (e: Partial<DutyEntry>): DutyEntry => ({
  id: 1,
  regionId: 3,
  regionName: '胜利路街道',
  staffId: 11,
  staffName: '胜利路心理咨询师',
  inactive: false,
  weekday: 1,
  date: null,
  start: '08:00',
  end: '20:00',
  role: 'primary',
  ...e,
});

describe('the roster week view', () => {
  it('writes overnight shifts as ending the next day', () => {
    expect(shiftText({ start: '22:00', end: '08:00' })).toBe('22:00–次日 08:00');
    expect(shiftText({ start: '00:00', end: '24:00' })).toBe('00:00–24:00');
    expect(shiftText({ start: '09:00', end: '17:00' })).toBe('09:00–17:00');
  });

  it('puts weekly shifts under their weekday, by start, primary first', () => {
    const cols = weekColumns([
      entry({ id: 1, weekday: 2, start: '20:00' }),
      entry({ id: 2, weekday: 2, start: '08:00', role: 'backup' }),
      entry({ id: 3, weekday: 2, start: '08:00' }),
      entry({ id: 4, weekday: null, date: '2026-10-01' }),
    ]);
    expect(cols[2].map((e) => e.id)).toEqual([3, 2, 1]);
    expect(cols[1]).toEqual([]);
    expect(Object.values(cols).flat()).toHaveLength(3);
  });

  it('lists dated shifts from today on', () => {
    const dated = [
      entry({ id: 1, weekday: null, date: '2026-10-02' }),
      entry({ id: 2, weekday: null, date: '2026-09-30' }),
      entry({ id: 3, weekday: null, date: '2026-10-01' }),
    ];
    expect(upcomingDated(dated, '2026-10-01').map((e) => e.id)).toEqual([3, 1]);
  });

  it('offers half hours, ends up to 24:00', () => {
    expect(timeOptions(false)).toHaveLength(48);
    expect(timeOptions(false)[0].value).toBe('00:00');
    expect(timeOptions(true).at(-1)!.value).toBe('24:00');
    expect(timeOptions(true)[0].value).toBe('00:30');
  });
});

describe('dutyInputs', () => {
  const today = '2026-10-01';
  it('makes one entry per weekday chosen', () => {
    const { inputs, problems } = dutyInputs(3, { staffId: 11, kind: 'weekly', weekdays: [1, 3], start: '22:00', end: '08:00', role: 'backup' }, today);
    expect(problems).toEqual([]);
    expect(inputs).toEqual([
      { regionId: 3, staffId: 11, weekday: 1, date: null, start: '22:00', end: '08:00', role: 'backup' },
      { regionId: 3, staffId: 11, weekday: 3, date: null, start: '22:00', end: '08:00', role: 'backup' },
    ]);
  });

  it('says everything that is missing or wrong at once', () => {
    expect(dutyInputs(3, { kind: 'weekly', weekdays: [], start: '08:00', end: '08:00', role: 'primary' }, today).problems).toEqual([
      '请选择值班人员',
      '请选择每周哪几天值班',
    ]);
    expect(dutyInputs(3, { staffId: 11, kind: 'weekly', weekdays: [1], start: '08:00', end: '08:00', role: 'primary' }, today).problems).toEqual([
      '开始和结束时间不能相同（结束早于开始表示跨夜到次日）',
    ]);
    expect(
      dutyInputs(3, { staffId: 11, kind: 'dated', weekdays: [], date: '2026-09-30', start: '08:00', end: '20:00', role: 'primary' }, today).problems,
    ).toEqual(['不能为已经过去的日期排班']);
  });
});

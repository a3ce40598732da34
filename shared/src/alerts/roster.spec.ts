import { dispatchEventText, validateDutyEntry } from './roster';
import type { AlertDispatchEvent } from './types';

const today = '2026-03-02';
const weekly = { weekday: 1 as const, date: null, start: '09:00', end: '17:00', role: 'primary' as const };

describe('validateDutyEntry', () => {
  it('accepts weekly, dated, overnight and all-day shifts', () => {
    expect(validateDutyEntry(weekly, today)).toEqual([]);
    expect(validateDutyEntry({ ...weekly, weekday: null, date: '2026-03-02' }, today)).toEqual([]);
    expect(validateDutyEntry({ ...weekly, start: '22:00', end: '08:00' }, today)).toEqual([]);
    expect(validateDutyEntry({ ...weekly, start: '00:00', end: '24:00', role: 'backup' }, today)).toEqual([]);
  });

  it('wants exactly one of weekday and date', () => {
    expect(validateDutyEntry({ ...weekly, date: '2026-03-09' }, today)).toEqual([{ field: 'date', code: 'weekday_or_date' }]);
    expect(validateDutyEntry({ ...weekly, weekday: null }, today)).toEqual([{ field: 'weekday', code: 'weekday_or_date' }]);
  });

  it('names each bad field', () => {
    expect(validateDutyEntry({ ...weekly, weekday: 8 as never }, today)).toEqual([{ field: 'weekday', code: 'weekday_invalid' }]);
    expect(validateDutyEntry({ ...weekly, weekday: null, date: '2026-02-30' }, today)).toEqual([{ field: 'date', code: 'date_invalid' }]);
    expect(validateDutyEntry({ ...weekly, weekday: null, date: '2026-03-01' }, today)).toEqual([{ field: 'date', code: 'date_past' }]);
    expect(validateDutyEntry({ ...weekly, start: '24:00', end: '08:00' }, today)).toEqual([{ field: 'start', code: 'start_invalid' }]);
    expect(validateDutyEntry({ ...weekly, start: '9:00' }, today)).toEqual([{ field: 'start', code: 'start_invalid' }]);
    expect(validateDutyEntry({ ...weekly, end: '24:30' }, today)).toEqual([{ field: 'end', code: 'end_invalid' }]);
    expect(validateDutyEntry({ ...weekly, end: '09:00' }, today)).toEqual([{ field: 'end', code: 'same_time' }]);
    expect(validateDutyEntry({ ...weekly, role: 'chief' as never }, today)).toEqual([{ field: 'role', code: 'role_invalid' }]);
  });
});

describe('dispatchEventText', () => {
  const base: AlertDispatchEvent = {
    id: 1,
    at: '2026-03-02T02:00:00.000Z',
    kind: 'dispatched',
    colour: 'red',
    level: 0,
    step: 'primary',
    regionId: 3,
    regionName: '胜利路街道',
    staff: [{ id: 11, name: '胜利路心理咨询师' }],
    reason: null,
    until: null,
  };

  it('says who was told at which step, counting steps from 1', () => {
    expect(dispatchEventText(base)).toBe('红色预警已通知胜利路街道值班主班（第 1 级）：胜利路心理咨询师');
    expect(
      dispatchEventText({
        ...base,
        kind: 'escalated',
        level: 3,
        step: 'centre_admin',
        regionName: '永川区',
        reason: 'unclaimed',
        staff: [{ id: 20, name: '永川区心理服务中心' }],
      }),
    ).toBe('超时未认领，已升级通知永川区上级中心管理员（第 4 级）：永川区心理服务中心');
    expect(
      dispatchEventText({
        ...base,
        kind: 'escalated',
        level: 1,
        step: 'backup',
        reason: 'overdue',
        staff: [
          { id: 12, name: '甲' },
          { id: 13, name: '乙' },
        ],
      }),
    ).toBe('超过首次跟进时限未跟进，已升级通知胜利路街道值班备班（第 2 级）：甲、乙');
  });

  it('explains the steps where nobody was told', () => {
    expect(dispatchEventText({ ...base, kind: 'no_one_on_duty', regionName: '萱花社区', step: null, level: null, staff: [] })).toBe(
      '萱花社区当前无人值班，转上级区域',
    );
    expect(dispatchEventText({ ...base, kind: 'step_empty', level: 1, step: 'backup', staff: [] })).toBe('胜利路街道值班备班（第 2 级）无人可通知，跳过');
    // 2026-03-02T23:00Z is 07:00 on 3 March in China.
    expect(dispatchEventText({ ...base, kind: 'deferred', colour: 'yellow', until: '2026-03-02T23:00:00.000Z', staff: [] })).toBe(
      '黄色预警产生于免打扰时段，将于 2026-03-03 07:00 通知值班人员',
    );
  });
});

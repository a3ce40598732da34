import type { Hotline } from '@xinqiao/shared';
import { callbackLineProblems, emptyCallbackLineForm, hotlineChoices, toCallbackLineInput } from './callbackLineForm';

const hotline = (id: number, over: Partial<Hotline> = {}): Hotline => ({
  id,
  name: `热线${id}`,
  number: '023-12345678',
  hours: '每天 8:00-22:00',
  is24h: false,
  audiences: ['all'],
  source: null,
  regionId: 2,
  regionName: '永川区',
  national: false,
  sortOrder: 0,
  ...over,
});

describe('call-back line form', () => {
  it('turns the default form into weekday hours with two calls per window', () => {
    const input = toCallbackLineInput({ ...emptyCallbackLineForm(), hotlineId: 4 });
    expect(input.capacityPerWindow).toBe(2);
    expect(Object.keys(input.weeklyHours)).toEqual(['1', '2', '3', '4', '5']);
    expect(input.weeklyHours[3]).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:00' },
    ]);
  });

  it('lists every problem at once', () => {
    const weekly = { 1: [{ start: '10:00', end: '09:00' }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    expect(callbackLineProblems({ weekly, capacityPerWindow: 0, enabled: true })).toEqual([
      '请选择热线',
      '每个时段可回电数须为 1 到 50',
      '周一第1段：开始时间须早于结束时间',
    ]);
    expect(callbackLineProblems({ hotlineId: 1, weekly: { 1: [], 2: [{ start: '09:00' }] }, capacityPerWindow: 3, enabled: true })).toEqual([
      '周二第1段：请选择开始和结束时间',
      '启用的回电热线须至少设置一个回电时段',
    ]);
    // A paused line may have no hours.
    expect(callbackLineProblems({ hotlineId: 1, weekly: {}, capacityPerWindow: 3, enabled: false })).toEqual([]);
  });

  it('offers the region lines, not national ones, and marks those already used by another line', () => {
    const lines = [{ id: 10, hotlineId: 4 }];
    expect(hotlineChoices([hotline(-1, { national: true, regionId: null }), hotline(4), hotline(5)], lines, null).map((o) => [o.value, o.disabled])).toEqual([
      [4, true],
      [5, false],
    ]);
    // Editing line 10 keeps its own hotline pickable.
    expect(hotlineChoices([hotline(4)], lines, 10)[0].disabled).toBe(false);
  });
});

import type { AdminStation } from '@xinqiao/shared';
import {
  emptyStationForm,
  exceptionFormProblems,
  stationFormProblems,
  stationToForm,
  toExceptionInput,
  toStationInput,
  weeklyFormProblems,
} from './stationForm';

const r = (start: string, end: string) => ({ start, end });

describe('the station form', () => {
  it('starts a new station at 40.5 hours a week in the region given', () => {
    const form = emptyStationForm(7);
    const input = toStationInput({ ...form, name: ' 红河社区心理咨询室 ', address: '红河路 8 号', phone: '  ' });
    expect(input).toMatchObject({ name: '红河社区心理咨询室', regionId: 7, phone: null, location: null, published: false });
    // Mon-Fri 3.5 + 4 = 7.5 h, Sat 3 h.
    expect(input.weeklyHours).toEqual({
      1: [r('08:30', '12:00'), r('14:00', '18:00')],
      2: [r('08:30', '12:00'), r('14:00', '18:00')],
      3: [r('08:30', '12:00'), r('14:00', '18:00')],
      4: [r('08:30', '12:00'), r('14:00', '18:00')],
      5: [r('08:30', '12:00'), r('14:00', '18:00')],
      6: [r('09:00', '12:00')],
    });
  });

  it('round-trips a station, closed days included', () => {
    const station = {
      name: '驿站',
      type: 'heart_station',
      regionId: 3,
      address: '渝西大道 66 号',
      location: { lat: 29.35, lng: 105.91 },
      phone: '023-00000002',
      services: ['counselling'],
      accessibility: null,
      description: null,
      photoUrl: null,
      weeklyHours: { 2: [r('09:00', '12:00')] },
      published: true,
    } as unknown as AdminStation;
    const form = stationToForm(station);
    expect(form.weekly).toEqual({ 1: [], 2: [r('09:00', '12:00')], 3: [], 4: [], 5: [], 6: [], 7: [] });
    expect(toStationInput(form)).toEqual({ ...station, accessibility: null, description: null });
  });

  it('lists every problem of the week in the server’s words, and a half-given map point', () => {
    const weekly = { 1: [r('09:00', '12:00'), { start: '11:00' }], 2: [r('15:00', '14:00')], 3: [r('09:00', '12:00'), r('11:00', '13:00')] };
    expect(weeklyFormProblems(weekly)).toEqual(['周一第2段：请选择开始和结束时间', '周二第1段：开始时间须早于结束时间', '周三第2段：与当天的其他时间段重叠']);
    expect(stationFormProblems({ ...emptyStationForm(1), lat: 29.35, lng: null })).toEqual(['地图位置须同时填写纬度和经度，或都不填']);
    expect(stationFormProblems(emptyStationForm(1))).toEqual([]);
  });
});

describe('the exception form', () => {
  it('closes the whole day, or needs valid ranges', () => {
    expect(toExceptionInput({ date: '2026-10-08', closed: true, ranges: [r('09:00', '12:00')], note: ' 检修 ' })).toEqual({
      date: '2026-10-08',
      hours: [],
      note: '检修',
    });
    expect(toExceptionInput({ date: '2026-10-08', closed: false, ranges: [r('14:00', '16:00')], note: '' })).toEqual({
      date: '2026-10-08',
      hours: [r('14:00', '16:00')],
      note: null,
    });
    expect(exceptionFormProblems({ date: '2026-10-08', closed: false, ranges: [] })).toEqual(['请添加至少一个开放时间段，或选择“全天闭站”']);
    expect(exceptionFormProblems({ date: '2026-10-08', closed: false, ranges: [r('09:00', '12:00'), r('10:00', '11:00'), { end: '15:00' }] })).toEqual([
      '第3段：请选择开始和结束时间',
      '第2段：与当天的其他时间段重叠',
    ]);
  });
});

import { TIME_OPTIONS, minimumHoursWarning, openStatusText, rangesText, weeklySummary } from './stationHours';

const r = (start: string, end: string) => ({ start, end });

describe('hours as text', () => {
  it('lists ranges, or says closed', () => {
    expect(rangesText([r('09:00', '12:00'), r('14:00', '17:30')])).toBe('09:00-12:00、14:00-17:30');
    expect(rangesText([])).toBe('休息');
    expect(rangesText(undefined)).toBe('休息');
  });

  it('groups consecutive days with the same hours', () => {
    const morning = [r('09:00', '12:00')];
    expect(weeklySummary({ 1: morning, 2: morning, 3: morning, 4: morning, 5: morning, 6: [r('09:00', '11:00')] })).toEqual([
      '周一至周五 09:00-12:00',
      '周六 09:00-11:00',
      '周日 休息',
    ]);
    // Monday and Wednesday share hours but Tuesday breaks the run.
    expect(weeklySummary({ 1: morning, 3: morning, 4: morning })).toEqual(['周一 09:00-12:00', '周二 休息', '周三、周四 09:00-12:00', '周五至周日 休息']);
    expect(weeklySummary({})).toEqual(['周一至周日 休息']);
  });

  it('offers every quarter hour from 00:00 to 24:00', () => {
    // 24 h x 4 + the closing 24:00 = 97.
    expect(TIME_OPTIONS).toHaveLength(97);
    expect(TIME_OPTIONS[0].value).toBe('00:00');
    expect(TIME_OPTIONS[34].value).toBe('08:30');
    expect(TIME_OPTIONS[96].value).toBe('24:00');
  });
});

describe('open status', () => {
  it('says open, or when it opens next in China time', () => {
    expect(openStatusText({ openNow: true, nextOpenAt: null })).toBe('开放中');
    // 01:00Z is 09:00 in China.
    expect(openStatusText({ openNow: false, nextOpenAt: '2026-06-08T01:00:00.000Z' })).toBe('未开放，06-08 09:00 开放');
    expect(openStatusText({ openNow: false, nextOpenAt: null })).toBe('未开放，14 天内无开放时间');
  });
});

describe('the 40-hour rule', () => {
  it('warns about a street station open less than 40 hours a week, and nothing else', () => {
    // Mon-Fri 09:00-12:00 and 14:00-17:00 = 6 h x 5 = 30 h: 10 short.
    const day = [r('09:00', '12:00'), r('14:00', '17:00')];
    const weekly = { 1: day, 2: day, 3: day, 4: day, 5: day };
    expect(minimumHoursWarning('heart_station', weekly)).toBe('心灵驿站每周开放 30 小时，低于每周至少 40 小时的要求（还差 10 小时）');
    expect(minimumHoursWarning('service_station', weekly)).toBe('心理服务站每周开放 30 小时，低于每周至少 40 小时的要求（还差 10 小时）');
    expect(minimumHoursWarning('hospital_clinic', weekly)).toBeNull();
    expect(minimumHoursWarning('heart_station', { ...weekly, 6: [r('08:00', '18:00')] })).toBeNull();
  });
});

import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_REASONS,
  NOTIFICATION_REASON_LABELS,
  NOTIFICATION_STATUSES,
  NOTIFICATION_STATUS_LABELS,
  templateData,
  wechatThing,
} from './notifications';

describe('wechatThing', () => {
  it('keeps text of up to 20 characters and cuts longer text with an ellipsis', () => {
    expect(wechatThing('  心理健康讲座  ')).toBe('心理健康讲座');
    const long = '一二三四五六七八九十一二三四五六七八九十一';
    expect([...wechatThing(long)]).toHaveLength(20);
    expect(wechatThing(long).endsWith('…')).toBe(true);
    expect(wechatThing('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
  });
});

describe('templateData', () => {
  it('maps the values onto the template keys in order', () => {
    const values = ['情绪与睡眠讲座', '2026-06-10 14:00', '萱花社区活动中心', '活动即将开始'];
    expect(templateData(values, ['thing1', 'time2', 'thing3', 'thing4'])).toEqual({
      thing1: '情绪与睡眠讲座',
      time2: '2026-06-10 14:00',
      thing3: '萱花社区活动中心',
      thing4: '活动即将开始',
    });
    expect(templateData(values, ['thing5', 'date2'])).toEqual({ thing5: '情绪与睡眠讲座', date2: '2026-06-10 14:00' });
    // More keys than values: the extra keys are left out rather than sent empty.
    expect(templateData(values.slice(0, 2), ['thing1', 'time2', 'thing3'])).toEqual({ thing1: '情绪与睡眠讲座', time2: '2026-06-10 14:00' });
  });
});

describe('vocabulary', () => {
  it('has a label for every channel, status and reason', () => {
    for (const c of NOTIFICATION_CHANNELS) expect(NOTIFICATION_CHANNEL_LABELS[c]).toBeTruthy();
    for (const s of NOTIFICATION_STATUSES) expect(NOTIFICATION_STATUS_LABELS[s]).toBeTruthy();
    for (const r of NOTIFICATION_REASONS) expect(NOTIFICATION_REASON_LABELS[r]).toBeTruthy();
  });
});

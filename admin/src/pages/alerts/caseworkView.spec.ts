import type { AlertDetail, AlertIndicatorsRow, CaseEntry } from '@xinqiao/shared';
import { caseEntryText, closeOutcomeOptions, countText, nextContactText, raisedChartOption, referralNextStep, shareText, totalRows } from './caseworkView';

type Referral = AlertDetail['referrals'][number];
const referral = (over: Partial<Referral> = {}): Referral => ({
  id: 1,
  stationId: 3,
  stationName: '永川区精神卫生中心',
  reason: '评估',
  note: null,
  status: 'sent',
  sentAt: '2026-05-01T02:00:00.000Z',
  respondedOn: null,
  outcome: null,
  outcomeOn: null,
  counsellorName: '胜利路心理咨询师',
  ...over,
});

describe('casework view', () => {
  // 2026-05-12 10:00 in China.
  const now = new Date('2026-05-12T02:00:00.000Z');

  it('names the next contact and whether it is due', () => {
    expect(nextContactText(null, now)).toEqual({ text: '未安排', due: null });
    expect(nextContactText({ date: '2026-05-12', time: '15:00' }, now)).toEqual({ text: '今天 15:00', due: 'today' });
    expect(nextContactText({ date: '2026-05-11', time: null }, now)).toEqual({ text: '2026-05-11', due: 'overdue' });
    expect(nextContactText({ date: '2026-05-20', time: '09:30' }, now)).toEqual({ text: '2026-05-20 09:30', due: 'later' });
  });

  it('offers 已转介 only with a referral the institution has not declined', () => {
    const referred = (rs: Referral[]) => closeOutcomeOptions({ referrals: rs }).find((o) => o.value === 'referred')!.disabled;
    expect(referred([])).toBe(true);
    expect(referred([referral({ status: 'declined' })])).toBe(true);
    expect(referred([referral({ status: 'declined' }), referral({ id: 2 })])).toBe(false);
    expect(closeOutcomeOptions({ referrals: [] }).map((o) => o.label)).toEqual(['已好转/问题解决', '已转介', '拒绝帮助', '失联', '迁出']);
  });

  it('asks for acceptance, then the outcome, then nothing', () => {
    expect(referralNextStep(referral())).toBe('response');
    expect(referralNextStep(referral({ status: 'accepted' }))).toBe('outcome');
    expect(referralNextStep(referral({ status: 'accepted', outcome: '已就诊' }))).toBeNull();
    expect(referralNextStep(referral({ status: 'declined' }))).toBeNull();
  });

  it('writes one line per entry of the case file', () => {
    const closed: CaseEntry = {
      type: 'alert',
      at: '2026-05-01T00:00:00.000Z',
      alertId: 7,
      source: 'scale',
      title: 'PHQ-9',
      colour: 'red',
      status: 'closed',
      closedAt: '2026-05-03T00:00:00.000Z',
      closeOutcome: null,
      assigneeName: '李静',
    };
    expect(caseEntryText(closed)).toEqual({ title: '预警 #7：PHQ-9', detail: '红色预警（严重） · 已结案 · 结案结果：未记录 · 跟进人 李静' });
    const booking: CaseEntry = {
      type: 'booking',
      at: '2026-05-02T01:00:00.000Z',
      end: '2026-05-02T02:00:00.000Z',
      bookingId: 3,
      kind: 'in_person',
      status: 'attended',
      stationName: '胜利路街道心理服务站',
      counsellorName: '李静',
      lineName: null,
    };
    expect(caseEntryText(booking)).toEqual({ title: '预约：到站面询', detail: '已完成 · 胜利路街道心理服务站 · 李静' });
  });

  it('shows withheld counts and missing shares plainly', () => {
    expect([countText(null, 5), countText(0, 5), countText(12, 5)]).toEqual(['<5', '0', '12']);
    expect([shareText(null), shareText(2 / 3)]).toEqual(['-', '66.7%']);
  });

  it('charts the region totals by month, a withheld cell as a gap', () => {
    const row = (month: string, red: number | null, isTotal = true) =>
      ({ month, isTotal, raised: { red, yellow: 0, green: 0, total: red } }) as AlertIndicatorsRow;
    const totals = totalRows([row('2026-04', 6), row('2026-03', null), row('2026-03', 2, false)]);
    expect(totals.map((r) => r.month)).toEqual(['2026-03', '2026-04']);
    const option = raisedChartOption(totals);
    expect((option.series as { data: (number | null)[] }[])[0].data).toEqual([null, 6]);
  });
});

import type { AlertDetail } from '@xinqiao/shared';
import type { AlertSummary } from '@xinqiao/shared';
import {
  alertPermissions,
  alertResultText,
  describeCriticalItems,
  followUpAtError,
  laterHelpRequests,
  laterSubmissions,
  redIncrease,
  toFollowUpInput,
} from './alertView';

const summary = (red: number): AlertSummary => ({ open: 3, claimed: 1, overdue: 0, red, yellow: 2, green: 1 });
const followUp = { id: 1, at: '', method: 'phone', outcome: '已联系', nextColour: null, counsellorName: '张老师', createdAt: '' } as const;

describe('redIncrease', () => {
  it('counts new red alerts between polls, never on the first load', () => {
    expect(redIncrease(null, summary(4))).toBe(0);
    expect(redIncrease(summary(1), summary(3))).toBe(2);
    expect(redIncrease(summary(3), summary(1))).toBe(0);
  });
});

describe('alertPermissions', () => {
  it('lets anyone but the holder try to claim an unclosed alert', () => {
    expect(alertPermissions({ status: 'open', assigneeId: null, followUps: [] }, 5)).toEqual({
      canClaim: true,
      canFollowUp: false,
      canClose: false,
      closeHint: null,
    });
    expect(alertPermissions({ status: 'claimed', assigneeId: 9, followUps: [] }, 5).canClaim).toBe(true);
    expect(alertPermissions({ status: 'closed', assigneeId: 9, followUps: [followUp] }, 5).canClaim).toBe(false);
  });

  it('lets the assignee follow up, and close only after a follow-up', () => {
    expect(alertPermissions({ status: 'claimed', assigneeId: 5, followUps: [] }, 5)).toEqual({
      canClaim: false,
      canFollowUp: true,
      canClose: false,
      closeHint: '请先记录至少一次跟进后再结案',
    });
    expect(alertPermissions({ status: 'claimed', assigneeId: 5, followUps: [followUp] }, 5)).toMatchObject({ canClose: true, closeHint: null });
    expect(alertPermissions({ status: 'closed', assigneeId: 5, followUps: [followUp] }, 5)).toMatchObject({ canFollowUp: false, canClose: false });
  });
});

describe('describeCriticalItems', () => {
  it('numbers critical items by their position in the answers', () => {
    const answers: AlertDetail['answers'] = [
      { itemId: 'q1', text: '做事时提不起劲', value: 1, label: '有几天', critical: false },
      { itemId: 'q9', text: '有不如死掉或用某种方式伤害自己的念头', value: 2, label: '一半以上的天数', critical: true },
    ];
    expect(describeCriticalItems({ criticalItems: ['q9', 'zz'], answers })).toEqual(['第 2 题：有不如死掉或用某种方式伤害自己的念头', 'zz']);
  });
});

describe('follow-up form', () => {
  const created = '2026-11-22T08:00:30Z';
  const now = new Date('2026-11-22T10:00:00Z');
  it('checks the time against the alert and the clock', () => {
    expect(followUpAtError(undefined, created, now)).toBe('请选择跟进时间');
    expect(followUpAtError('2026-11-22T09:00:00Z', created, now)).toBeNull();
    // The same five minutes of slack as the server: the picker has no seconds, clocks drift.
    expect(followUpAtError('2026-11-22T07:56:00Z', created, now)).toBeNull();
    expect(followUpAtError('2026-11-22T07:55:00Z', created, now)).toBe('跟进时间不能早于预警产生时间');
    expect(followUpAtError('2026-11-22T10:03:00Z', created, now)).toBeNull();
    expect(followUpAtError('2026-11-22T11:00:00Z', created, now)).toBe('跟进时间不能晚于当前时间');
  });

  it('maps to the API body, trimming the outcome and defaulting the colour to unchanged', () => {
    expect(toFollowUpInput({ at: '2026-11-22T09:30:00Z', method: 'visit', outcome: '  已面谈，情绪平稳 ' })).toEqual({
      at: '2026-11-22T09:30:00.000Z',
      method: 'visit',
      outcome: '已面谈，情绪平稳',
      nextColour: null,
    });
    expect(toFollowUpInput({ at: '2026-11-22T09:30:00Z', method: 'phone', outcome: 'x', nextColour: 'green' }).nextColour).toBe('green');
  });
});

describe('laterSubmissions', () => {
  it('lists the results that joined after the first, each with a line for the timeline', () => {
    const first = { responseId: 1, submittedAt: '2026-05-01T02:00:00Z', score: 16, bandLabel: '中重度', colour: 'yellow', crisis: false } as const;
    const again = { responseId: 7, submittedAt: '2026-05-03T02:00:00Z', score: 3, bandLabel: '无', colour: 'red', crisis: true } as const;
    expect(laterSubmissions({ submissions: [first] })).toEqual([]);
    expect(laterSubmissions({ submissions: [first, again] })).toEqual([
      { submission: again, text: '再次测评：3 分（无），本次结果对应红色预警（严重），有危机提示' },
    ]);
  });
});

describe('help-request alerts', () => {
  it('shows the urgency where a scale alert shows its score', () => {
    expect(alertResultText({ source: 'help_request', score: null, bandLabel: null, helpUrgency: 'now' })).toEqual({
      main: '有危险，需尽快联系',
      secondary: null,
    });
    expect(alertResultText({ source: 'scale', score: 16, bandLabel: '中重度', helpUrgency: null })).toEqual({ main: '16 分', secondary: '中重度' });
  });

  it('lists the requests that joined after the first, each with a line for the timeline', () => {
    const first = { id: 1, submittedAt: '2026-12-01T02:00:00Z', urgency: 'anytime', colour: 'green', note: null, guardian: null } as const;
    const again = { id: 4, submittedAt: '2026-12-02T02:00:00Z', urgency: 'now', colour: 'red', note: '撑不住了', guardian: null } as const;
    expect(laterHelpRequests({ helpRequests: [first] })).toEqual([]);
    expect(laterHelpRequests({ helpRequests: [first, again] })).toEqual([
      { request: again, text: '再次求助：我现在很难受 / 有危险，需要尽快联系（对应红色预警（严重））' },
    ]);
  });
});

import dayjs from 'dayjs';
import type { CampaignDto } from '@xinqiao/shared';
import {
  campaignPhase,
  campaignToForm,
  emptyCampaignForm,
  formatTargetValue,
  progressPercent,
  progressText,
  targetSummary,
  toCampaignInput,
} from './campaignForm';

const campaign: CampaignDto = {
  id: 3,
  title: '5·25 心理健康宣传月',
  description: '社区讲座和知识竞答',
  startsOn: '2026-05-01',
  endsOn: '2026-05-31',
  regionId: 7,
  regionIds: [7],
  targets: { awareness_rate: 0.7, events_held: 10 },
  articleIds: [4, 5],
  quizIds: [9],
  regionName: '胜利路街道',
  regionNames: ['胜利路街道'],
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
};

describe('campaign form', () => {
  it('round-trips a campaign', () => {
    const form = campaignToForm(campaign);
    expect(form.awarenessRatePercent).toBe(70);
    expect(form.regionIds).toEqual([]);
    expect(toCampaignInput(form)).toEqual({
      title: campaign.title,
      description: campaign.description,
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      regionId: 7,
      regionIds: [7],
      targets: { awareness_rate: 0.7, events_held: 10 },
      articleIds: [4, 5],
      quizIds: [9],
    });
  });

  it('leaves out targets that were not set and keeps covered regions', () => {
    const input = toCampaignInput({
      ...emptyCampaignForm(7),
      title: ' 世界精神卫生日 ',
      range: [dayjs('2026-10-01'), dayjs('2026-10-10')],
      regionIds: [8, 9, 8],
      awarenessRatePercent: 66.5,
      participants: 0,
      articleReads: null,
    });
    expect(input.title).toBe('世界精神卫生日');
    expect(input.regionIds).toEqual([8, 9]);
    expect(input.targets).toEqual({ awareness_rate: 0.665, participants: 0 });
  });
});

describe('campaign wording', () => {
  it('tells the phase from today', () => {
    expect(campaignPhase(campaign, '2026-04-30')).toBe('upcoming');
    expect(campaignPhase(campaign, '2026-05-01')).toBe('active');
    expect(campaignPhase(campaign, '2026-05-31')).toBe('active');
    expect(campaignPhase(campaign, '2026-06-01')).toBe('ended');
  });

  it('writes targets and progress', () => {
    expect(targetSummary(campaign.targets).map((t) => t.text)).toEqual(['知晓率 70.0%', '举办活动（场） 10']);
    expect(formatTargetValue('article_reads', 12345)).toBe('12,345');
    expect(formatTargetValue('participants', null)).toBe('-');
    expect(progressText({ kind: 'awareness_rate', actual: 0.65, target: 0.7 })).toBe('65.0% / 70.0%');
    expect(progressText({ kind: 'events_held', actual: null, target: 10 })).toBe('- / 10');
    expect(progressPercent({ progress: 0.9286 })).toBe(92.9);
    expect(progressPercent({ progress: 1.4 })).toBe(100);
    expect(progressPercent({ progress: null })).toBeNull();
  });
});

import {
  NATIONAL_HOTLINES,
  PHQ9,
  SCREENING_DISCLAIMER,
  toScaleSummary,
  type ResidentProfile,
  type ScaleDefinition,
  type ScaleResponseResult,
} from '@xinqiao/shared';

/** PHQ-9 as GET /scales/phq-9 answers it (plain JSON, not the frozen built-in object). */
export function phq9(overrides: Partial<ScaleDefinition> = {}): ScaleDefinition {
  return { ...(JSON.parse(JSON.stringify(PHQ9)) as ScaleDefinition), ...overrides };
}

export const phq9Summary = () => toScaleSummary(phq9());

export const resident = (overrides: Partial<ResidentProfile> = {}): ResidentProfile => ({
  id: 5,
  nickname: '小林',
  regionId: 4,
  regionName: '红旗社区',
  populationGroup: 'employee',
  ageBand: '18to34',
  gender: null,
  createdAt: '2026-11-23T00:00:00Z',
  ...overrides,
});

export function scaleResult(overrides: Partial<ScaleResponseResult> = {}): ScaleResponseResult {
  return {
    id: 31,
    scaleCode: 'phq-9',
    scaleVersion: 1,
    scaleTitle: PHQ9.title,
    score: 7,
    minScore: 0,
    maxScore: 27,
    subscales: [],
    band: { label: '可能有轻度抑郁症状', level: 'mild', severity: 1, interpretation: '程度较轻。', advice: '保持规律作息。' },
    crisis: { triggered: false, reasons: [], hotlines: [] },
    consentMode: 'save',
    followUpRequested: false,
    noticeStatus: 'none',
    suggestedArticles: [{ id: 12, title: '学会和情绪相处', summary: '三个小方法' }],
    duplicate: false,
    submittedAt: '2026-11-24T02:00:00.000Z',
    disclaimer: SCREENING_DISCLAIMER,
    ...overrides,
  };
}

export const crisisHotlines = () => [
  NATIONAL_HOTLINES[1],
  {
    id: 7,
    name: '示范市心理援助热线',
    number: '023-12356',
    hours: '24小时',
    is24h: true,
    audiences: ['all' as const],
    source: null,
    regionId: 2,
    regionName: '永川区',
    national: false,
    sortOrder: 0,
  },
  NATIONAL_HOTLINES[0],
];

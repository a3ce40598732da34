import { trueFalseOptions, type AttemptResult, type PublicCampaign, type QuizPaper, type QuizSummary, type RegionDto } from '@xinqiao/shared';

/** A survey wave as GET /quizzes/3 answers it: one question of each kind. */
export function quizPaper(overrides: Partial<QuizPaper> = {}): QuizPaper {
  return {
    id: 3,
    title: '2026年心理健康知识知晓率调查',
    description: '了解你对心理健康知识的掌握情况',
    kind: 'survey',
    passMark: 0.8,
    maxScore: 15,
    opensAt: '2026-11-01T00:00:00.000Z',
    closesAt: '2026-12-31T16:00:00.000Z',
    open: true,
    questions: [
      { code: 'KP1-01', kind: 'true_false', knowledgePoint: 1, stem: '心理健康是健康的重要组成部分', options: trueFalseOptions() },
      {
        code: 'KP2-01',
        kind: 'single',
        knowledgePoint: 2,
        stem: '缓解焦虑最推荐的方式是',
        options: [
          { key: 'A', text: '独自喝酒' },
          { key: 'B', text: '适量运动' },
          { key: 'C', text: '熬夜打游戏' },
        ],
      },
      {
        code: 'KP5-01',
        kind: 'multiple',
        knowledgePoint: 5,
        stem: '以下哪些是抑郁的常见表现',
        options: [
          { key: 'A', text: '情绪低落' },
          { key: 'B', text: '精力充沛' },
          { key: 'C', text: '兴趣减退' },
          { key: 'D', text: '睡眠问题' },
        ],
      },
    ],
    alreadyAnswered: false,
    campaignId: null,
    eventId: null,
    ...overrides,
  };
}

export function quizSummary(overrides: Partial<QuizSummary> = {}): QuizSummary {
  return {
    id: 3,
    title: '2026年心理健康知识知晓率调查',
    kind: 'survey',
    questionCount: 3,
    opensAt: '2026-11-01T00:00:00.000Z',
    closesAt: '2026-12-31T16:00:00.000Z',
    campaignId: null,
    eventId: null,
    ...overrides,
  };
}

export function attemptResult(overrides: Partial<AttemptResult> = {}): AttemptResult {
  return {
    id: null,
    quizId: 3,
    score: 10,
    maxScore: 15,
    correctCount: 2,
    questionCount: 3,
    correctRate: 2 / 3,
    passMark: 0.8,
    passed: false,
    items: [
      {
        code: 'KP1-01',
        stem: '心理健康是健康的重要组成部分',
        selected: ['T'],
        correct: ['T'],
        isCorrect: true,
        explanation: '身心健康密切关联。',
        knowledgePoint: 1,
      },
      { code: 'KP2-01', stem: '缓解焦虑最推荐的方式是', selected: ['B'], correct: ['B'], isCorrect: true, explanation: '运动有益情绪。', knowledgePoint: 2 },
      {
        code: 'KP5-01',
        stem: '以下哪些是抑郁的常见表现',
        selected: ['A'],
        correct: ['A', 'C', 'D'],
        isCorrect: false,
        explanation: '抑郁常伴兴趣减退和睡眠问题。',
        knowledgePoint: 5,
      },
    ],
    answerKeyAt: null,
    alreadyAnswered: false,
    submittedAt: '2026-11-24T02:00:00.000Z',
    ...overrides,
  };
}

export function publicCampaign(overrides: Partial<PublicCampaign> = {}): PublicCampaign {
  return {
    id: 8,
    title: '5·25 心理健康宣传月',
    description: '走进社区，关爱心理健康。',
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    articles: [{ id: 12, title: '学会和情绪相处', summary: '三个小方法' }],
    quizzes: [quizSummary({ id: 4, title: '宣传月知识练习', kind: 'practice', closesAt: null, opensAt: null, campaignId: 8 })],
    ...overrides,
  };
}

const region = (id: number, parentId: number | null, name: string, level: RegionDto['level'], path: string): RegionDto => ({
  id,
  parentId,
  name,
  level,
  path,
  urbanRural: level === 'community' ? 'urban' : null,
  population: null,
  urbanPopulation: null,
  code: null,
});

/** The demo tree: 重庆市 > 永川区 > 胜利路街道 > 萱花社区, and a street without communities. */
export const REGIONS: RegionDto[] = [
  region(1, null, '重庆市', 'city', '/1/'),
  region(2, 1, '永川区', 'district', '/1/2/'),
  region(3, 2, '胜利路街道', 'street', '/1/2/3/'),
  region(4, 3, '萱花社区', 'community', '/1/2/3/4/'),
  region(5, 2, '新建街道', 'street', '/1/2/5/'),
];

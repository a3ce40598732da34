import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AttemptInput } from '@xinqiao/shared';
import { routeRequests } from '../../../test/helpers';
import { setRouterParams } from '../../../test/mocks/taro';
import { REGIONS, attemptResult, publicCampaign, quizPaper, quizSummary } from '../../../test/quizzes';
import { resident } from '../../../test/scales';
import { loadStoredDemographics, storeDemographics } from '../../features/quizzes/demographics';
import { newQuizDraft, quizDraftKey, saveQuizDraft, updateQuizDraft, type QuizDraft } from '../../features/quizzes/draft';
import { handOverQuizResult, peekQuizResult } from '../../features/quizzes/handoff';
import { agreePrivacy } from '../../services/privacy';
import { STORAGE_KEYS } from '../../services/storage';
import Index from '../../pages/index/index';
import CampaignPage from './campaign/index';
import QuizResult from './result/index';
import QuizTake from './take/index';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const codes = quizPaper().questions.map((q) => q.code);
const ALL = { 'KP1-01': ['T'], 'KP2-01': ['B'], 'KP5-01': ['A', 'C'] };

const click = (el: Element | null) => fireEvent.click(el!);
const findEl = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const el = container.querySelector(selector);
    if (!el) throw new Error(`${selector} not rendered`);
    return el;
  });
const option = (container: HTMLElement, text: string) =>
  [...container.querySelectorAll('.quiz-option')].find((o) => o.querySelector('.choice-card__title')!.textContent === text)!;
const storedDraft = () => Taro.getStorageSync(quizDraftKey(3)) as QuizDraft | '';
const posted = (sent: ReturnType<typeof routeRequests>) => sent.filter((r) => r.method === 'POST').map((r) => r.data as AttemptInput);

function signIn(profile = resident()) {
  Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
  Taro.setStorageSync(STORAGE_KEYS.resident, profile);
}

function rememberDemographics() {
  storeDemographics({ region: { id: 4, name: '萱花社区', level: 'community' }, populationGroup: 'student', ageBand: '18to34', gender: 'female' });
}

function saveAnswered(p: Partial<QuizDraft> = {}) {
  saveQuizDraft(updateQuizDraft(newQuizDraft({ quizId: 3, questionCodes: codes, clientRequestId: ID, campaignId: null }), { answers: ALL, index: 3, ...p }));
}

beforeEach(() => {
  agreePrivacy();
  setRouterParams({ id: '3' });
});

describe('taking a quiz', () => {
  it('a pre-test without an account: the four facts once, then one question per screen, then POST keyed by code with the campaign', async () => {
    setRouterParams({ id: '3', campaignId: '8' });
    const sent = routeRequests({
      'GET /api/v1/quizzes/3': () => ({ statusCode: 200, data: quizPaper({ kind: 'pre_test' }) }),
      'GET /api/v1/regions': () => ({ statusCode: 200, data: REGIONS }),
      'POST /api/v1/quizzes/3/attempts': () => ({ statusCode: 201, data: attemptResult() }),
    });
    const { container } = render(<QuizTake />);
    const step = await findEl(container, '.quiz-demographics');
    expect(step.textContent).toContain('仅用于按地区、人群匿名统计心理健康知识知晓率');
    click(container.querySelector('.quiz-demographics__submit'));
    expect(container.querySelector('.quiz-demographics__problems')!.textContent).toBe('请选择所在社区（村）请选择人群请选择年龄段请选择性别');

    // A street without communities is refused: the statistics need a community or village.
    await waitFor(() => expect(container.querySelector('.quiz-demographics__region')!.textContent).toContain('请选择'));
    click(container.querySelector('.quiz-demographics__region'));
    click(screen.getByText('永川区 > 新建街道'));
    click(container.querySelector('.quiz-demographics__region'));
    click(screen.getByText('永川区 > 胜利路街道 > 萱花社区'));
    expect(container.querySelector('.quiz-demographics__region')!.textContent).toContain('永川区 / 胜利路街道 / 萱花社区');
    click(within(container.querySelector('.quiz-demographics__group') as HTMLElement).getByText('学生'));
    click(within(container.querySelector('.quiz-demographics__age') as HTMLElement).getByText('18-34岁'));
    click(within(container.querySelector('.quiz-demographics__gender') as HTMLElement).getByText('女'));
    expect(container.querySelector('.quiz-demographics__problems')).toBeNull();
    click(container.querySelector('.quiz-demographics__submit'));
    expect(loadStoredDemographics()).toMatchObject({ regionId: 4, regionName: '萱花社区', populationGroup: 'student', ageBand: '18to34', gender: 'female' });

    expect(container.querySelector('.quiz-progress')!.textContent).toContain('第 1 / 3 题');
    expect([...container.querySelectorAll('.quiz-option')].map((o) => o.textContent)).toEqual(['对', '错', '不知道']);
    click(option(container, '对'));
    expect((storedDraft() as QuizDraft).answers).toEqual({ 'KP1-01': ['T'] });
    await waitFor(() => expect(container.querySelector('.quiz-progress')!.textContent).toContain('第 2 / 3 题'));
    click(option(container, 'B. 适量运动'));
    await waitFor(() => expect(container.querySelector('.quiz-progress')!.textContent).toContain('第 3 / 3 题'));

    // Multiple choice: toggles, then 确定.
    const next = container.querySelector('.quiz-next') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    click(option(container, 'C. 兴趣减退'));
    click(option(container, 'A. 情绪低落'));
    click(option(container, 'D. 睡眠问题'));
    click(option(container, 'D. 睡眠问题'));
    expect(container.querySelectorAll('.quiz-option--selected')).toHaveLength(2);
    click(container.querySelector('.quiz-next'));
    expect(screen.getByText('全部题目已答完')).toBeTruthy();
    expect(container.querySelector('.quiz-demographics-summary')!.textContent).toContain('萱花社区 · 学生 · 18-34岁 · 女');

    click(container.querySelector('.quiz-submit'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/result/index?quizId=3' }));
    const [body] = posted(sent);
    expect(body).toEqual({
      answers: { 'KP1-01': 'T', 'KP2-01': 'B', 'KP5-01': ['A', 'C'] },
      clientRequestId: expect.stringMatching(UUID),
      campaignId: 8,
      demographics: { regionId: 4, populationGroup: 'student', ageBand: '18to34', gender: 'female' },
    });
    expect(sent.find((r) => r.method === 'POST')!.header.Authorization).toBeUndefined();
    expect(storedDraft()).toBe('');
    expect(peekQuizResult(3)).toMatchObject({ campaignId: 8, paper: { id: 3 } });
  });

  it('signed in: only the profile gaps are asked and sent for the server to complete the profile', async () => {
    signIn();
    const sent = routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident() }),
      'GET /api/v1/quizzes/3': () => ({ statusCode: 200, data: quizPaper() }),
      'GET /api/v1/regions': () => ({ statusCode: 200, data: REGIONS }),
      'POST /api/v1/quizzes/3/attempts': () => ({ statusCode: 201, data: attemptResult({ id: 51 }) }),
    });
    const { container } = render(<QuizTake />);
    await findEl(container, '.quiz-demographics');
    expect(container.querySelector('.quiz-demographics__region')).toBeNull();
    expect(container.querySelector('.quiz-demographics__group')).toBeNull();
    expect(container.querySelector('.quiz-demographics')!.textContent).toContain('保存到你的个人资料');
    click(within(container.querySelector('.quiz-demographics__gender') as HTMLElement).getByText('男'));
    click(container.querySelector('.quiz-demographics__submit'));
    expect((storedDraft() as QuizDraft).demographics).toEqual({ gender: 'male' });
    expect(loadStoredDemographics()).toBeNull();

    // Resume at the end: answered on another day.
    saveQuizDraft({ ...(storedDraft() as QuizDraft), answers: ALL, index: 3 });
    const { container: again } = render(<QuizTake />);
    click(await findEl(again, '.quiz-submit'));
    await waitFor(() => expect(posted(sent)).toHaveLength(1));
    expect(posted(sent)[0].demographics).toEqual({ gender: 'male' });
    expect(posted(sent)[0].campaignId).toBeUndefined();
    expect(sent.find((r) => r.method === 'POST')!.header.Authorization).toBe('Bearer tok');
  });

  it('a survey wave asks to sign in before the first question (体验登录 on H5), then starts', async () => {
    const sent = routeRequests({
      'GET /api/v1/quizzes/3': () => ({ statusCode: 200, data: quizPaper() }),
      'POST /api/v1/auth/dev/login': () => ({ statusCode: 201, data: { accessToken: 'fresh', expiresIn: 7200, resident: resident() } }),
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident({ gender: 'female' }) }),
    });
    const { container } = render(<QuizTake />);
    const prompt = await findEl(container, '.quiz-sign-in .login-prompt');
    expect(prompt.textContent).toContain('参加知晓率调查需要先登录：每人每期只计一次');
    expect(container.querySelector('.quiz-demographics')).toBeNull();
    expect(container.querySelector('.quiz-option')).toBeNull();

    click(container.querySelector('.dev-login__submit'));
    expect((await findEl(container, '.quiz-progress')).textContent).toContain('第 1 / 3 题');
    expect(container.querySelector('.login-prompt')).toBeNull();
    // The paper is read again with the account: it says whether this resident answered already.
    expect(sent.filter((r) => r.path === '/api/v1/quizzes/3').map((r) => r.header.Authorization)).toEqual([undefined, 'Bearer fresh']);
  });

  it('practice needs no demographics; back and 下一题 move between questions', async () => {
    routeRequests({ 'GET /api/v1/quizzes/3': () => ({ statusCode: 200, data: quizPaper({ kind: 'practice' }) }) });
    saveQuizDraft(
      updateQuizDraft(newQuizDraft({ quizId: 3, questionCodes: codes, clientRequestId: ID, campaignId: null }), { answers: { 'KP1-01': ['F'] }, index: 1 }),
    );
    const { container } = render(<QuizTake />);
    expect((await findEl(container, '.quiz-progress')).textContent).toContain('第 2 / 3 题');
    expect(container.querySelector('.quiz-demographics')).toBeNull();
    click(container.querySelector('.quiz-back'));
    expect(container.querySelector('.quiz-progress')!.textContent).toContain('第 1 / 3 题');
    expect(container.querySelector('.quiz-option--selected')!.textContent).toBe('错');
    click(container.querySelector('.quiz-next'));
    expect(container.querySelector('.quiz-progress')!.textContent).toContain('第 2 / 3 题');
  });

  it('a survey answered before: says so and offers practice', async () => {
    signIn(resident({ gender: 'female' }));
    const sent = routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident({ gender: 'female' }) }),
      'GET /api/v1/quizzes/3': () => ({ statusCode: 200, data: quizPaper({ alreadyAnswered: true }) }),
      'GET /api/v1/quizzes': () => ({ statusCode: 200, data: [quizSummary({ id: 9, title: '睡眠知识练习', kind: 'practice' })] }),
    });
    saveAnswered();
    const { container } = render(<QuizTake />);
    expect(await screen.findByText('您已参加过本期调查，感谢参与')).toBeTruthy();
    expect(storedDraft()).toBe('');
    click(await screen.findByText('睡眠知识练习'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/take/index?id=9' });
    expect(sent.find((r) => r.path === '/api/v1/quizzes')!.query.get('kind')).toBe('practice');
    expect(container.querySelector('.quiz-option')).toBeNull();
  });

  it('not open: says when it opens or closed', async () => {
    routeRequests({
      'GET /api/v1/quizzes/3': () => ({ statusCode: 200, data: quizPaper({ open: false, opensAt: '2099-01-01T00:00:00Z', closesAt: '2099-02-01T00:00:00Z' }) }),
    });
    const { container } = render(<QuizTake />);
    expect((await findEl(container, '.quiz-closed')).textContent).toMatch(/本期调查将于 2099-01-01 \d\d:\d\d 开始/);
  });

  it('a 400 naming missing fields goes back to the step for them, then submits again with the same id', async () => {
    signIn(resident({ gender: 'female' }));
    saveAnswered();
    let calls = 0;
    const sent = routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident({ gender: 'female' }) }),
      'GET /api/v1/quizzes/3': () => ({ statusCode: 200, data: quizPaper() }),
      'GET /api/v1/regions': () => ({ statusCode: 200, data: REGIONS }),
      'POST /api/v1/quizzes/3/attempts': () =>
        ++calls === 1
          ? {
              statusCode: 400,
              data: { statusCode: 400, code: 'VALIDATION_FAILED', message: '请先填写年龄段（仅用于统计，不对外公开）', details: { missing: ['ageBand'] } },
            }
          : { statusCode: 201, data: attemptResult() },
    });
    const { container } = render(<QuizTake />);
    click(await findEl(container, '.quiz-submit'));
    const step = await findEl(container, '.quiz-demographics');
    expect(step.textContent).toContain('请先填写年龄段（仅用于统计，不对外公开）');
    expect(container.querySelector('.quiz-demographics__gender')).toBeNull();
    click(within(container.querySelector('.quiz-demographics__age') as HTMLElement).getByText('60岁及以上'));
    click(container.querySelector('.quiz-demographics__submit'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/result/index?quizId=3' }));
    const bodies = posted(sent);
    expect(bodies).toHaveLength(2);
    expect(bodies[1].demographics).toEqual({ ageBand: '60plus' });
    expect(bodies.map((b) => b.clientRequestId)).toEqual([ID, ID]);
  });

  it('a network failure keeps the draft for a retry; without an account the remembered facts can be edited', async () => {
    rememberDemographics();
    saveAnswered();
    let calls = 0;
    const sent = routeRequests({
      'GET /api/v1/quizzes/3': () => ({ statusCode: 200, data: quizPaper({ kind: 'post_test' }) }),
      'GET /api/v1/regions': () => ({ statusCode: 200, data: REGIONS }),
      'POST /api/v1/quizzes/3/attempts': () => (++calls === 1 ? 'network-error' : { statusCode: 201, data: attemptResult() }),
    });
    const { container } = render(<QuizTake />);
    click(await findEl(container, '.quiz-submit'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(storedDraft()).not.toBe('');

    click(container.querySelector('.quiz-demographics-summary__edit'));
    click(within(container.querySelector('.quiz-demographics__gender') as HTMLElement).getByText('不愿透露'));
    click(container.querySelector('.quiz-demographics__submit'));
    expect(loadStoredDemographics()!.gender).toBe('undisclosed');

    click(screen.getByText('重新提交'));
    await waitFor(() => expect(posted(sent)).toHaveLength(2));
    expect(posted(sent)[1]).toMatchObject({ clientRequestId: ID, demographics: { gender: 'undisclosed', regionId: 4 } });
  });
});

describe('result', () => {
  it('score, correct count, pass line and every question with both answers and the explanation', () => {
    setRouterParams({ quizId: '3' });
    handOverQuizResult({ result: attemptResult(), paper: quizPaper(), campaignId: 8 });
    const { container } = render(<QuizResult />);
    expect(container.querySelector('.quiz-result__score')!.textContent).toBe('10 / 15 分');
    expect(container.textContent).toContain('答对 2 / 3 题');
    expect(container.querySelector('.quiz-result__passed')!.textContent).toBe('未及格 · 未达到 80% 及格线');
    const wrong = container.querySelector('.quiz-result-item--wrong')!;
    expect(wrong.textContent).toContain('你的答案：A. 情绪低落');
    expect(wrong.textContent).toContain('正确答案：A. 情绪低落；C. 兴趣减退；D. 睡眠问题');
    expect(wrong.textContent).toContain('解析：抑郁常伴兴趣减退和睡眠问题。');
    expect(container.querySelector('.quiz-result__again')).toBeNull();
    click(container.querySelector('.quiz-result__campaign'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/campaign/index?id=8' });
  });

  it('a survey wave still open: the answers only, and when the key comes', () => {
    setRouterParams({ quizId: '3' });
    const withheld = attemptResult().items.map((i) => ({ ...i, correct: null, isCorrect: null, explanation: null }));
    handOverQuizResult({ result: attemptResult({ items: withheld, answerKeyAt: '2026-12-31T16:00:00.000Z' }), paper: quizPaper(), campaignId: null });
    const { container } = render(<QuizResult />);
    expect(container.querySelector('.quiz-result__key-note')!.textContent).toMatch(
      /^为保证调查公平，正确答案和解析将在本期调查结束（\d{4}-\d\d-\d\d \d\d:\d\d）后公布。$/,
    );
    expect(container.textContent).toContain('你的作答');
    expect(container.querySelectorAll('.quiz-result-item--pending')).toHaveLength(3);
    expect(container.textContent).toContain('你的答案：A. 情绪低落');
    // The score stays (答对 2 / 3 题); which questions were right does not.
    expect([...container.querySelectorAll('.quiz-result-item')].map((i) => i.textContent).join('')).not.toMatch(/正确答案：|解析：|答对|答错/);
  });

  it('a survey answered before shows the first result with a note; practice offers 再练一次', () => {
    setRouterParams({ quizId: '3' });
    handOverQuizResult({ result: attemptResult({ alreadyAnswered: true, passed: true, score: 15 }), paper: quizPaper(), campaignId: null });
    const first = render(<QuizResult />);
    expect(first.container.querySelector('.quiz-result__already')!.textContent).toContain('您已参加过本期调查，感谢参与。以下是你第一次提交的结果');
    expect(first.container.querySelector('.quiz-result__passed')!.textContent).toBe('及格 · 达到 80% 及格线');
    expect(first.container.querySelector('.quiz-result__campaign')).toBeNull();
    first.unmount();

    handOverQuizResult({ result: attemptResult(), paper: quizPaper({ kind: 'practice' }), campaignId: null });
    const { container } = render(<QuizResult />);
    click(container.querySelector('.quiz-result__again'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/take/index?id=3' });
  });

  it('without a result in memory points home', () => {
    setRouterParams({ quizId: '77' });
    render(<QuizResult />);
    expect(screen.getByText('答题结果只在提交后显示一次。你可以回到首页，参加其他知识问答。')).toBeTruthy();
  });
});

describe('lists', () => {
  it('home: campaigns and open quizzes (surveys first) for the remembered region', async () => {
    rememberDemographics();
    const sent = routeRequests({
      'GET /api/v1/articles': () => ({ statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 3 } }),
      'GET /api/v1/campaigns': () => ({ statusCode: 200, data: [publicCampaign()] }),
      'GET /api/v1/quizzes': () => ({
        statusCode: 200,
        data: [quizSummary({ id: 9, title: '睡眠知识练习', kind: 'practice', closesAt: null }), quizSummary()],
      }),
    });
    saveAnswered();
    const { container } = render(<Index />);
    await findEl(container, '.campaign-card');
    expect(container.querySelector('.campaign-card')!.textContent).toContain('5·25 心理健康宣传月');
    expect(container.querySelector('.campaign-card')!.textContent).toContain('2026-11-01 至 2026-11-30');
    const cards = [...container.querySelectorAll('.quiz-card')];
    expect(cards.map((c) => c.querySelector('.quiz-card__title')!.textContent)).toEqual(['2026年心理健康知识知晓率调查', '睡眠知识练习']);
    expect(cards[0].textContent).toContain('知晓率调查');
    expect(cards[0].textContent).toContain('继续答题');
    expect(cards[1].textContent).toContain('知识练习');
    expect(sent.find((r) => r.path === '/api/v1/campaigns')!.query.get('regionId')).toBe('4');
    expect(sent.find((r) => r.path === '/api/v1/quizzes')!.query.get('regionId')).toBe('4');
    click(cards[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/take/index?id=9' });
    click(container.querySelector('.campaign-card'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/campaign/index?id=8' });
  });

  it('campaign: period, description, quizzes started with the campaign, linked articles', async () => {
    setRouterParams({ id: '8' });
    routeRequests({ 'GET /api/v1/campaigns/8': () => ({ statusCode: 200, data: publicCampaign() }) });
    const { container } = render(<CampaignPage />);
    expect(await screen.findByText('活动时间：2026-11-01 至 2026-11-30')).toBeTruthy();
    expect(screen.getByText('走进社区，关爱心理健康。')).toBeTruthy();
    click(container.querySelector('.quiz-card'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/take/index?id=4&campaignId=8' });
    click(screen.getByText('学会和情绪相处'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageArticles/pages/detail/index?id=12' });
  });
});

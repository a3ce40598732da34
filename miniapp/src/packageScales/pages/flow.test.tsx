import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ScaleResponseInput } from '@xinqiao/shared';
import { routeRequests } from '../../../test/helpers';
import { setRouterParams } from '../../../test/mocks/taro';
import { crisisHotlines, phq9, resident, scaleResult } from '../../../test/scales';
import { draftStorageKey, newDraft, saveDraft, type ScaleDraft } from '../../features/scales/draft';
import { handOverResult } from '../../features/scales/handoff';
import { agreePrivacy } from '../../services/privacy';
import { forgetScaleDefinitions } from '../../services/scales';
import { STORAGE_KEYS } from '../../services/storage';
import ScaleIntro from './intro/index';
import ScaleResult from './result/index';
import ScaleTake from './take/index';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

function signIn(profile = resident()) {
  Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
  Taro.setStorageSync(STORAGE_KEYS.resident, profile);
}

const storedDraft = () => Taro.getStorageSync(draftStorageKey('phq-9')) as ScaleDraft | '';
const click = (el: Element | null) => fireEvent.click(el!);
/** Waits until `selector` is rendered. */
const findEl = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const el = container.querySelector(selector);
    if (!el) throw new Error(`${selector} not rendered`);
    return el;
  });

beforeEach(() => {
  agreePrivacy();
  forgetScaleDefinitions();
  setRouterParams({ code: 'phq-9' });
});

describe('scale intro and consent', () => {
  it('shows purpose, time, instructions and licence, then the consent step; anonymous works without an account', async () => {
    const sent = routeRequests({ 'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }) });
    const { container } = render(<ScaleIntro />);
    expect(await screen.findByText('患者健康问卷抑郁量表（PHQ-9）')).toBeTruthy();
    expect(screen.getByText('9 题')).toBeTruthy();
    expect(screen.getByText('约 3 分钟')).toBeTruthy();
    expect(screen.getByText(phq9().instructions)).toBeTruthy();
    expect(container.textContent).toContain('量表授权：');
    expect(sent[0].header.Authorization).toBeUndefined();

    click(container.querySelector('.scale-intro__start'));
    expect(await screen.findByText('开始前，请阅读并选择')).toBeTruthy();
    expect(container.textContent).toContain('最长保存 3 年');
    // Not signed in: saving is not offered, a login is.
    expect(container.querySelector('.consent-mode--save')!.className).toContain('choice-card--disabled');
    expect(screen.getByText('体验登录')).toBeTruthy();

    click(container.querySelector('.consent-submit'));
    expect(container.querySelector('.consent-problems')!.textContent).toContain('请选择是否保存本次测评结果');
    expect(Taro.redirectTo).not.toHaveBeenCalled();

    click(container.querySelector('.consent-mode--save'));
    expect(container.querySelector('.consent-mode--save--selected')).toBeNull();
    click(container.querySelector('.consent-mode--anonymous'));
    click(container.querySelector('.consent-follow-up'));
    expect(container.querySelector('.consent-phone')).toBeNull();
    click(container.querySelector('.consent-submit'));

    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageScales/pages/take/index?code=phq-9' });
    const draft = storedDraft() as ScaleDraft;
    expect(draft).toMatchObject({ code: 'phq-9', scaleVersion: 1, answers: {}, index: 0 });
    expect(draft.consent).toEqual({ mode: 'anonymous', followUp: false, version: 1 });
    expect(draft.clientRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(draft.ageBand).toBeUndefined();
  });

  it('signed in: save + follow-up needs a valid mobile', async () => {
    signIn();
    routeRequests({
      'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }),
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident() }),
    });
    const { container } = render(<ScaleIntro />);
    click(await findEl(container, '.scale-intro__start'));
    click(container.querySelector('.consent-mode--save'));
    expect(container.querySelector('.consent-mode--save--selected')).not.toBeNull();
    click(container.querySelector('.consent-follow-up'));
    const phone = container.querySelector('.consent-phone input')!;
    fireEvent.change(phone, { target: { value: '1380013' } });
    click(container.querySelector('.consent-submit'));
    expect(container.querySelector('.consent-problems')!.textContent).toBe('联系电话应为 11 位手机号码');
    fireEvent.change(phone, { target: { value: '13800138000' } });
    fireEvent.change(container.querySelector('.consent-name input')!, { target: { value: '林' } });
    click(container.querySelector('.consent-submit'));
    expect(Taro.redirectTo).toHaveBeenCalled();
    expect((storedDraft() as ScaleDraft).consent).toEqual({
      mode: 'save',
      followUp: true,
      contactPhone: '13800138000',
      contactName: '林',
      version: 1,
    });
  });

  it('an under-14 respondent cannot start without the guardian step', async () => {
    signIn(resident({ ageBand: 'under14' }));
    routeRequests({
      'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }),
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident({ ageBand: 'under14' }) }),
    });
    const { container } = render(<ScaleIntro />);
    click(await findEl(container, '.scale-intro__start'));
    click(container.querySelector('.consent-mode--save'));
    expect(container.querySelector('.consent-guardian')).not.toBeNull();
    expect(container.querySelector('.consent-under14')).toBeNull();
    click(container.querySelector('.consent-submit'));
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    const problems = container.querySelector('.consent-problems')!;
    expect(within(problems as HTMLElement).getByText('未满 14 周岁的答题人需要监护人同意后才能开始测评')).toBeTruthy();

    fireEvent.change(container.querySelector('.consent-guardian-name input')!, { target: { value: '王芳' } });
    click(screen.getByText('母亲'));
    click(container.querySelector('.consent-guardian-agree'));
    click(container.querySelector('.consent-submit'));
    expect(Taro.redirectTo).toHaveBeenCalled();
    expect((storedDraft() as ScaleDraft).consent.guardian).toEqual({ name: '王芳', relation: 'mother' });
  });

  it('offers to resume a stored draft, and discards one for another scale version', async () => {
    routeRequests({ 'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }) });
    saveDraft({
      ...newDraft({ code: 'phq-9', scaleVersion: 1, clientRequestId: ID, consent: { mode: 'anonymous', followUp: false, version: 1 } }),
      answers: { q1: 1, q2: 2 },
      index: 2,
    });
    const first = render(<ScaleIntro />);
    click(await screen.findByText('继续上次的测评（已答 2 / 9 题）'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageScales/pages/take/index?code=phq-9' });
    expect(first.container.querySelector('.scale-intro__restart')).not.toBeNull();
    first.unmount();

    forgetScaleDefinitions();
    routeRequests({ 'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9({ version: 2 }) }) });
    render(<ScaleIntro />);
    expect(await screen.findByText('这个量表已经更新，上次未完成的测评已作废，请重新开始。')).toBeTruthy();
    expect(screen.getByText('开始测评')).toBeTruthy();
    expect(storedDraft()).toBe('');
  });
});

describe('taking the scale', () => {
  const consent = { mode: 'save' as const, followUp: false, version: 1 };
  const start = (p: Partial<ScaleDraft> = {}) => saveDraft({ ...newDraft({ code: 'phq-9', scaleVersion: 1, clientRequestId: ID, consent }), ...p });

  it('one item per screen, auto-advance, back, progress saved after every answer', async () => {
    start();
    routeRequests({ 'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }) });
    const { container } = render(<ScaleTake />);
    expect(await screen.findByText('第 1 / 9 题')).toBeTruthy();
    expect(screen.getByText('1. 做事时提不起劲或没有兴趣')).toBeTruthy();
    const options = container.querySelectorAll('.scale-option');
    expect([...options].map((o) => o.textContent)).toEqual(['完全不会', '好几天', '一半以上的天数', '几乎每天']);

    click(screen.getByText('好几天'));
    expect((storedDraft() as ScaleDraft).answers).toEqual({ q1: 1 });
    expect(await screen.findByText('第 2 / 9 题')).toBeTruthy();
    expect((storedDraft() as ScaleDraft).index).toBe(1);

    click(screen.getByText('上一题'));
    expect(screen.getByText('第 1 / 9 题')).toBeTruthy();
    expect(container.querySelector('.scale-option--selected')!.textContent).toBe('好几天');
    click(screen.getByText('下一题'));
    expect(screen.getByText('第 2 / 9 题')).toBeTruthy();
  });

  it('resumes a stored draft and submits once all items are answered; a network failure is retried with the same id', async () => {
    start({ answers: { q1: 0, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0 }, index: 8 });
    signIn();
    let calls = 0;
    const sent = routeRequests({
      'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }),
      'POST /api/v1/scales/phq-9/responses': () => (++calls === 1 ? 'network-error' : { statusCode: 201, data: scaleResult() }),
    });
    const { container } = render(<ScaleTake />);
    expect(await screen.findByText('第 9 / 9 题')).toBeTruthy();
    click(screen.getByText('完全不会'));
    expect(await screen.findByText('全部题目已完成')).toBeTruthy();
    expect(container.querySelector('.scale-progress')!.textContent).toContain('已完成全部 9 题');

    click(container.querySelector('.scale-take__submit'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(storedDraft()).not.toBe('');
    click(container.querySelector('.scale-take__retry'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageScales/pages/result/index?id=31' }));

    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    const body = posts[1].data as ScaleResponseInput;
    expect(body).toEqual({
      scaleVersion: 1,
      answers: { q1: 0, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 },
      consent,
      clientRequestId: ID,
    });
    expect((posts[0].data as ScaleResponseInput).clientRequestId).toBe(ID);
    expect(posts[1].header.Authorization).toBe('Bearer tok');
    expect(storedDraft()).toBe('');
  });

  it('anonymous answers go without the account token, and the result is handed over in memory', async () => {
    signIn();
    const anonymous = { mode: 'anonymous' as const, followUp: false, version: 1 };
    const all = Object.fromEntries(phq9().items.map((i) => [i.id, 0]));
    saveDraft({ ...newDraft({ code: 'phq-9', scaleVersion: 1, clientRequestId: ID, consent: anonymous, regionId: 4 }), answers: all, index: 9 });
    const sent = routeRequests({
      'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }),
      'POST /api/v1/scales/phq-9/responses': () => ({ statusCode: 201, data: scaleResult({ id: null, consentMode: 'anonymous' }) }),
    });
    const { container } = render(<ScaleTake />);
    click(await findEl(container, '.scale-take__submit'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageScales/pages/result/index?code=phq-9&fresh=1' }));
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.header.Authorization).toBeUndefined();
    expect((post.data as ScaleResponseInput).regionId).toBe(4);
  });

  it('without a consent on record goes back to the intro', async () => {
    routeRequests({ 'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }) });
    render(<ScaleTake />);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageScales/pages/intro/index?code=phq-9' }));
  });

  it('a newer scale version on the server: the draft is dropped and the resident starts again', async () => {
    const all = Object.fromEntries(phq9().items.map((i) => [i.id, 1]));
    start({ answers: all, index: 9, consent: { mode: 'anonymous', followUp: false, version: 1 } });
    routeRequests({
      'GET /api/v1/scales/phq-9': () => ({ statusCode: 200, data: phq9() }),
      'POST /api/v1/scales/phq-9/responses': () => ({
        statusCode: 409,
        data: { statusCode: 409, code: 'SCALE_VERSION_MISMATCH', message: '量表“PHQ-9”已更新到第 2 版，请重新作答' },
      }),
    });
    const { container } = render(<ScaleTake />);
    click(await findEl(container, '.scale-take__submit'));
    expect(await screen.findByText('量表“PHQ-9”已更新到第 2 版，请重新作答')).toBeTruthy();
    expect(storedDraft()).toBe('');
    click(screen.getByText('重新开始'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageScales/pages/intro/index?code=phq-9' });
  });
});

describe('result', () => {
  it('crisis: the crisis card comes first, 12356 first, tap to call without hyphens', async () => {
    setRouterParams({ code: 'phq-9', fresh: '1' });
    handOverResult(
      scaleResult({
        id: null,
        consentMode: 'anonymous',
        score: 21,
        band: { label: '可能有重度抑郁症状', level: 'severe', severity: 4, interpretation: '很重。', advice: '尽快就诊。' },
        crisis: { triggered: true, reasons: ['第 9 题的回答提示您可能正承受很大的痛苦'], hotlines: crisisHotlines() },
      }),
    );
    const { container } = render(<ScaleResult />);
    const page = container.firstElementChild!;
    expect(page.firstElementChild!.className).toBe('crisis-card');
    expect(screen.getByText('你并不孤单，现在就可以求助')).toBeTruthy();
    const numbers = [...container.querySelectorAll('.crisis-card__hotline')].map((h) => h.querySelector('.crisis-card__hotline-number')!.textContent);
    expect(numbers).toEqual(['12356', '400-161-9995', '023-12356']);
    click(container.querySelectorAll('.crisis-card__hotline')[1]);
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4001619995' });

    expect(container.querySelector('.result-score')!.textContent).toBe('21 / 27 分');
    expect(container.querySelector('.result-band')!.textContent).toBe('可能有重度抑郁症状');
    expect(container.textContent).toContain('本测评仅用于心理健康筛查和自我了解，不是医学诊断。');
    expect(container.querySelector('.result-anonymous')).not.toBeNull();
  });

  it('from history (?id=): fetched from the server, follow-up notice, suggested articles open the article page', async () => {
    setRouterParams({ id: '31' });
    signIn();
    const sent = routeRequests({
      'GET /api/v1/me/responses/31': () => ({
        statusCode: 200,
        data: scaleResult({ followUpRequested: true, subscales: [{ id: 's', title: '躯体', score: 3 }] }),
      }),
    });
    const { container } = render(<ScaleResult />);
    expect(await screen.findByText('您的联系方式已提交到所在社区心理咨询师的待办中，他们查看后会与您联系；情况紧急请立即拨打心理援助热线 12356')).toBeTruthy();
    expect(sent[0].header.Authorization).toBe('Bearer tok');
    expect(container.querySelector('.crisis-card')).toBeNull();
    expect(container.querySelector('.result-score')!.textContent).toBe('7 / 27 分');
    expect(screen.getByText('躯体')).toBeTruthy();
    click(screen.getByText('学会和情绪相处'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageArticles/pages/detail/index?id=12' });
    click(container.querySelector('.result-hotlines'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageScales/pages/hotlines/index' });
  });

  it('says the counsellors on duty were told only once the server says so, asking again while the notice is being sent', async () => {
    jest.useFakeTimers();
    try {
      setRouterParams({ id: '31' });
      signIn();
      const statuses = ['pending', 'pending', 'sent'] as const;
      let calls = 0;
      routeRequests({
        'GET /api/v1/me/responses/31': () => ({
          statusCode: 200,
          data: scaleResult({ followUpRequested: true, noticeStatus: statuses[Math.min(calls++, 2)] }),
        }),
      });
      render(<ScaleResult />);
      expect(await screen.findByText('正在通知值班心理咨询师…')).toBeTruthy();
      expect(screen.queryByText(/已通知/)).toBeNull();
      for (let i = 0; i < 2; i++) {
        await act(async () => {
          jest.advanceTimersByTime(5_000);
          await Promise.resolve();
        });
      }
      expect(await screen.findByText('已通知值班心理咨询师，他们会尽快与您联系，请留意来电')).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('a fresh anonymous result that is no longer in memory says it was never stored', async () => {
    setRouterParams({ code: 'gad-7', fresh: '1' });
    render(<ScaleResult />);
    expect(await screen.findByText('匿名测评的结果只在提交后显示一次，没有保存在手机或服务器上。')).toBeTruthy();
  });
});

import type { Browser, Page } from 'playwright-core';
import { api, signInOnH5, signInToAdmin } from '../support/api';
import { cspViolations, launchChromium, screenshot } from '../support/browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require('../support/server.js') as typeof import('../support/server.js');

/**
 * The awareness survey end to end: a resident answers a survey wave in the mini-program H5, giving
 * their community and group on the way, and the official's awareness page counts them there.
 */
describe('awareness survey: mini-program H5 to the awareness page', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let resident: Page | undefined;
  let official: Page | undefined;
  const title = `知晓率调查 ${Date.now() % 100000}`;
  let quizId = 0;
  let streetId = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const http = api(server.baseUrl);
    const token = await http.staffToken('region_yc');
    const quiz = await http.call<{ id: number }>(
      'POST',
      '/admin/quizzes',
      {
        title,
        kind: 'survey',
        regionId: await http.regionByCode('500118'),
        year: new Date().getFullYear(),
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        pointsPerItem: 10,
        passMark: 0.8,
        draw: { mode: 'fixed', questionIds: ['kp01-01', 'kp01-02', 'kp02-01'] },
      },
      token,
    );
    await http.call('POST', `/admin/quizzes/${quiz.id}/publish`, undefined, token);
    quizId = quiz.id;
    streetId = await http.regionByCode('500118001');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a visitor who is not signed in is asked to sign in before the first question, and can do so right there', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    const visitor = await ctx.newPage();
    try {
      await visitor.goto(`${server.baseUrl}/h5/#/packageQuizzes/pages/take/index?id=${quizId}`);
      const prompt = visitor.locator('.quiz-sign-in .login-prompt');
      await prompt.waitFor({ timeout: 15000 });
      expect(await prompt.textContent()).toContain('参加知晓率调查需要先登录');
      expect(await visitor.locator('.quiz-option').count()).toBe(0);
      await visitor.locator('.privacy-notice__agree').click({ timeout: 15000 });
      await visitor.locator('.dev-login__input input').fill(`e2e-visitor-${Date.now() % 100000}`);
      await visitor.locator('.dev-login__submit').click();
      await visitor.locator('.quiz-demographics').waitFor({ timeout: 15000 });
    } catch (e) {
      await screenshot({ visitor }, 'awareness-visitor');
      throw e;
    } finally {
      await ctx.close();
    }
  });

  it('a resident answers the survey in the H5, telling where they live and who they are', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    resident = await ctx.newPage();
    const residentBlocked = cspViolations(resident);
    try {
      await signInOnH5(resident, server.baseUrl, `e2e-survey-${Date.now() % 100000}`);
      await resident.locator('.weui-tabbar__item', { hasText: '首页' }).click();
      await resident.locator('.home .quiz-card', { hasText: title }).click({ timeout: 15000 });
      const step = resident.locator('.quiz-demographics');
      await step.waitFor({ timeout: 15000 });
      await resident.locator('.quiz-demographics__region').click();
      for (const name of ['永川区', '胜利路街道', '萱花社区']) await resident.locator('.quiz-demographics .nut-cascader-item', { hasText: name }).click();
      await resident.locator('.quiz-demographics__group .chips__option', { hasText: '企业职工' }).click();
      await resident.locator('.quiz-demographics__age .chips__option', { hasText: '35-59岁' }).click();
      await resident.locator('.quiz-demographics__gender .chips__option', { hasText: '女' }).click();
      await resident.locator('.quiz-demographics__submit').click();
      for (let n = 1; n <= 3; n++) {
        await resident.locator('.quiz-progress', { hasText: `第 ${n} / 3 题` }).waitFor({ timeout: 15000 });
        await resident.locator('.quiz-option', { hasText: '对' }).first().click();
      }
      await resident.locator('.quiz-submit').click({ timeout: 15000 });
      await resident.locator('.quiz-result').waitFor({ timeout: 15000 });
      expect(await resident.locator('.quiz-result__score').textContent()).toMatch(/\d+ \/ 30/);
      expect(residentBlocked).toEqual([]);
    } catch (e) {
      await screenshot({ resident }, 'awareness-resident');
      throw e;
    }
  });

  it('the awareness page counts the respondent in 萱花社区 and among 企业职工', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    official = await ctx.newPage();
    const officialBlocked = cspViolations(official);
    try {
      await signInToAdmin(official, server.baseUrl, 'region_yc');
      await official.goto(`${server.baseUrl}/admin/awareness?quizIds=${quizId}&regionId=${streetId}&dimension=region`);
      const community = official.locator('.awareness-page tr[data-testid="awareness-slice"]', { hasText: '萱花社区' });
      await community.waitFor({ timeout: 20000 });
      expect((await community.locator('[data-testid="awareness-slice-respondents"]').textContent())?.trim()).toMatch(/^1\b/);
      await official.goto(`${server.baseUrl}/admin/awareness?quizIds=${quizId}&dimension=group`);
      const group = official.locator('.awareness-page tr[data-testid="awareness-slice"]', { hasText: '企业职工' });
      await group.waitFor({ timeout: 20000 });
      expect((await group.locator('[data-testid="awareness-slice-respondents"]').textContent())?.trim()).toMatch(/^1\b/);
      expect((await official.locator('[data-testid="awareness-respondents"]').textContent())?.trim()).toMatch(/^1\b/);
      expect(officialBlocked).toEqual([]);
    } catch (e) {
      await screenshot({ official }, 'awareness-official');
      throw e;
    }
  });
});

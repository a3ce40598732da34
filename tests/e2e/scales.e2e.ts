import type { Browser, Page } from 'playwright-core';
import { api, signInOnH5, signInToAdmin } from '../support/api';
import { cspViolations, launchChromium, screenshot } from '../support/browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require('../support/server.js') as typeof import('../support/server.js');

/**
 * The crisis path end to end: a counsellor on duty for 胜利路街道 has the admin console open; a
 * resident of 萱花社区 takes PHQ-9 in the mini-program H5 and answers item 9 "几乎每天"; the result
 * opens with the crisis card and 12356, a live notice appears in the counsellor's console within
 * seconds, the counsellor opens the alert from it and claims it, and the resident's result then says
 * the counsellor on duty was told (only because a notice really went out).
 */
describe('self-test crisis path: mini-program H5 to the counsellor on duty', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let resident: Page | undefined;
  let counsellor: Page | undefined;
  let counsellorBlocked: string[] = [];
  const openid = `e2e-phq9-${Date.now() % 100000}`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    // The resident lives in 萱花社区 (胜利路街道), whose roster has counsellor_sl on duty (demo data).
    const http = api(server.baseUrl);
    const token = await http.residentToken(openid);
    await http.call('PUT', '/me', { regionId: await http.regionByCode('500118001001'), ageBand: '35to59', populationGroup: 'employee' }, token);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('has the counsellor on duty signed in to the admin console', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    counsellor = await ctx.newPage();
    counsellorBlocked = cspViolations(counsellor);
    await signInToAdmin(counsellor, server.baseUrl, 'counsellor_sl');
    await counsellor.goto(`${server.baseUrl}/admin/bookings`);
    await counsellor.getByText('预约日历').first().waitFor({ timeout: 15000 });
  });

  it('shows the crisis card with 12356 first', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    resident = await ctx.newPage();
    const residentBlocked = cspViolations(resident);
    try {
      await signInOnH5(resident, server.baseUrl, openid);
      await resident.locator('.weui-tabbar__item', { hasText: '测评' }).click();
      await resident.locator('.scale-card', { hasText: 'PHQ-9' }).first().click({ timeout: 15000 });
      await resident.locator('.scale-intro__start').last().click({ timeout: 15000 });
      await resident.locator('.consent-mode--save').click();
      await resident.locator('.consent-follow-up').click();
      await resident.locator('.consent-phone input').fill('13800138000');
      await resident.locator('.consent-submit').click();
      for (let n = 1; n <= 9; n++) {
        await resident.locator('.scale-progress', { hasText: `第 ${n} / 9 题` }).waitFor({ timeout: 15000 });
        // Items 1-8 "好几天", item 9 (thoughts of self-harm) "几乎每天".
        await resident.locator('.scale-option', { hasText: n === 9 ? '几乎每天' : '好几天' }).click();
      }
      await resident.locator('.scale-take__submit').click({ timeout: 15000 });
      const card = resident.locator('.crisis-card');
      await card.waitFor({ timeout: 15000 });
      const numbers = await resident.locator('.crisis-card__hotline').allTextContents();
      expect(numbers[0]).toContain('12356');
      expect(await resident.locator('.result-score').textContent()).toContain('11 / 27');
      expect(await resident.locator('.result-follow-up').count()).toBe(1);
      expect(residentBlocked).toEqual([]);
    } catch (e) {
      await screenshot({ resident }, 'scales-resident');
      throw e;
    }
  });

  it('puts a live notice in the counsellor’s console, and the counsellor claims the alert from it', async () => {
    const page = counsellor!;
    try {
      const notice = page.locator('.xq-live-notice', { hasText: '红色预警' });
      await notice.waitFor({ timeout: 10000 });
      // The notice names the colour and the region, never the resident or the answers.
      expect(await notice.textContent()).not.toMatch(/13800138000|PHQ|几乎每天/);
      await notice.locator('.xq-live-notice-open', { hasText: '查看并认领' }).click();
      await page.locator('.alert-detail').waitFor({ timeout: 15000 });
      await page.locator('.alert-detail').getByRole('button', { name: '认领', exact: true }).click();
      await page.locator('.alert-detail', { hasText: '13800138000' }).waitFor({ timeout: 15000 });
      expect(counsellorBlocked).toEqual([]);
    } catch (e) {
      await screenshot({ counsellor: page }, 'scales-counsellor');
      throw e;
    }
  });

  it('tells the resident the counsellor on duty was notified, because a notice went out', async () => {
    const page = resident!;
    try {
      await page.locator('.result-follow-up', { hasText: '已通知值班心理咨询师' }).waitFor({ timeout: 20000 });
    } catch (e) {
      await screenshot({ resident: page }, 'scales-notice-status');
      throw e;
    }
  });
});

import type { Browser, Page } from 'playwright-core';
import { api, signInOnH5, signInToAdmin } from '../support/api';
import { cspViolations, launchChromium, screenshot } from '../support/browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require('../support/server.js') as typeof import('../support/server.js');

/**
 * The crisis path end to end: a resident takes PHQ-9 in the mini-program H5 and answers item 9
 * "几乎每天"; the result opens with the crisis card and 12356; with follow-up consent, a red alert
 * appears in the counsellor's queue in the admin console.
 */
describe('self-test crisis path: mini-program H5 to the counsellor’s queue', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let resident: Page | undefined;
  let counsellor: Page | undefined;
  const openid = `e2e-phq9-${Date.now() % 100000}`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    // The resident lives in 萱花社区 (胜利路街道), so the alert goes to counsellor_sl.
    const http = api(server.baseUrl);
    const token = await http.residentToken(openid);
    await http.call('PUT', '/me', { regionId: await http.regionByCode('500118001001'), ageBand: '35to59', populationGroup: 'employee' }, token);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
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

  it('puts a red alert in the counsellor’s queue', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    counsellor = await ctx.newPage();
    const counsellorBlocked = cspViolations(counsellor);
    try {
      await signInToAdmin(counsellor, server.baseUrl, 'counsellor_sl');
      await counsellor.goto(`${server.baseUrl}/admin/alerts`);
      const row = counsellor.locator('.alerts-page tr', { hasText: '红色预警' });
      await row.first().waitFor({ timeout: 20000 });
      expect(await row.first().textContent()).toContain('PHQ-9');
      await row.first().getByText('查看/跟进').click();
      await counsellor.locator('.alert-detail').waitFor({ timeout: 15000 });
      await counsellor.getByRole('button', { name: '认领' }).click();
      await counsellor.locator('.alert-detail', { hasText: '13800138000' }).waitFor({ timeout: 15000 });
      expect(counsellorBlocked).toEqual([]);
    } catch (e) {
      await screenshot({ counsellor }, 'scales-counsellor');
      throw e;
    }
  });
});

import type { Browser, Page } from 'playwright-core';
import { cspViolations, launchChromium, screenshot } from '../support/browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require('../support/server.js') as typeof import('../support/server.js');

/**
 * The first slice end to end, in a real browser against the real server and builds:
 * an editor publishes an article in the admin console, a resident reads it in the mini-program H5.
 */
describe('articles: admin console to mini-program H5', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let admin: Page;
  let resident: Page;
  const title = `睡前放松小练习 ${Date.now() % 100000}`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  it('an editor logs in and publishes an article', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    admin = await ctx.newPage();
    const blocked = cspViolations(admin);
    try {
      await admin.goto(`${server.baseUrl}/admin/login`);
      await admin.getByLabel('用户名').fill('editor_sl');
      await admin.getByLabel('密码').fill('Demo@2026xq');
      await admin.getByRole('button', { name: '登录' }).click();
      await admin.waitForURL((u) => !u.pathname.endsWith('/login'));
      // The refresh token is an HttpOnly cookie: nothing a script in the page can read holds it.
      const stored = await admin.evaluate(() => JSON.stringify({ ...localStorage }) + document.cookie);
      expect(stored).not.toMatch(/refreshToken|xq_refresh/);
      expect((await ctx.cookies()).find((c) => c.name === 'xq_refresh')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });

      // A new page load keeps the session: the access token comes back from the cookie.
      await admin.goto(`${server.baseUrl}/admin/articles/new`);
      await admin.getByLabel('标题').fill(title);
      await admin.getByLabel('摘要').fill('三分钟的呼吸放松，帮助入睡。');
      await admin.getByLabel('分类').click();
      await admin.locator('.ant-select-item-option', { hasText: '情绪与压力' }).click();
      // The scope defaults to the editor's own region.
      expect(await admin.locator('.ant-form-item', { hasText: '发布范围' }).locator('.ant-select-selection-item').textContent()).toBe('胜利路街道');
      const body = admin.locator('[data-testid="article-body-editor"] [role="textbox"]');
      await body.click();
      await body.type('慢慢吸气四秒，屏息七秒，呼气八秒，重复四次。');
      await admin.getByRole('button', { name: '保存并发布' }).click();
      // Publishing ends on the list page.
      await admin.waitForURL((u) => u.pathname === '/admin/articles', { timeout: 15000 });
      const row = admin.locator('tr', { hasText: title });
      await row.locator('[data-testid="article-status"][data-status="published"]').waitFor({ timeout: 15000 });
      expect(await row.locator('[data-testid="article-status"]').textContent()).toContain('已发布');
      expect(blocked).toEqual([]);
    } catch (e) {
      await screenshot({ admin }, 'admin-publish');
      throw e;
    }
  });

  it('a resident signs in on the mini-program H5 and reads it', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    resident = await ctx.newPage();
    const blocked = cspViolations(resident);
    try {
      await resident.goto(`${server.baseUrl}/h5/#/pages/me/index`);
      const agree = resident.locator('.privacy-notice__agree');
      await agree.click({ timeout: 15000 });
      await resident.locator('.dev-login__input input').fill('h5-e2e-resident');
      await resident.locator('.dev-login__submit').click();
      await resident.locator('.profile-form').waitFor({ timeout: 15000 });

      await resident.locator('.weui-tabbar__item', { hasText: '科普' }).click();
      const card = resident.locator('.articles .article-card__title', { hasText: title });
      await card.waitFor({ timeout: 15000 });
      await card.click();
      const heading = resident.locator('.article-title');
      await heading.waitFor({ timeout: 15000 });
      expect((await heading.textContent())?.trim()).toBe(title);
      expect(await resident.locator('body').textContent()).toContain('慢慢吸气四秒');
      expect(blocked).toEqual([]);
    } catch (e) {
      await screenshot({ resident }, 'resident-read');
      throw e;
    }
  });
});

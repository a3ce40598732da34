import { createRequire } from 'module';
import type { Browser, Page } from 'playwright-core';
import { api, signInOnH5, signInToAdmin } from '../support/api';
import { cspViolations, launchChromium, screenshot } from '../support/browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer, ROOT } = require('../support/server.js') as typeof import('../support/server.js');

const HOUR_MS = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;
/** China date and minute of day of an instant. */
const chinaDate = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
const chinaMinute = (at: Date) => {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
};
/** The instant of a China date's `minute`. */
const chinaInstant = (date: string, minute: number) => new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS + minute * 60_000);
/** TypeORM's SQLite datetime text (UTC). */
const sqliteTime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Booking end to end: a resident lets the H5 use their location, opens the nearest open station
 * and books an in-person session; when the session has taken place, the counsellor finds it in the
 * admin calendar and marks it attended; the resident rates it in 我的预约.
 */
describe('booking: nearest open station, book, attend, rate', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let resident: Page | undefined;
  let counsellor: Page | undefined;
  let bookingId = 0;
  // 胜利路街道心理服务站 (demo data), as a phone's GPS would report it.
  const here = { latitude: 29.3562, longitude: 105.9218 };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    // Whatever the hour the test runs at, the station is open today (a dated exception of the whole day).
    const http = api(server.baseUrl);
    const manager = await http.staffToken('station_sl');
    const stations = await http.call<{ items: { id: number; name: string }[] }>('GET', '/admin/stations', undefined, manager);
    const station = stations.items.find((s) => s.name === '胜利路街道心理服务站')!;
    await http.call(
      'POST',
      `/admin/stations/${station.id}/exceptions`,
      { date: chinaDate(new Date()), hours: [{ start: '00:00', end: '24:00' }], note: '测试：全天开放' },
      manager,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a resident finds the nearest open station in the H5 and books a session', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      geolocation: here,
      permissions: ['geolocation'],
    });
    resident = await ctx.newPage();
    const blocked = cspViolations(resident);
    try {
      await signInOnH5(resident, server.baseUrl, `e2e-booking-${Date.now() % 100000}`);
      await resident.locator('.weui-tabbar__item', { hasText: '首页' }).click();
      await resident.locator('.home__help-entry--stations').click({ timeout: 15000 });
      await resident.locator('.stations__near').waitFor({ timeout: 20000 });
      await resident.locator('.stations-show .chips__option', { hasText: '只看营业中' }).click();
      const nearest = resident.locator('.station-card').first();
      await nearest.locator('.station-card__name', { hasText: '胜利路街道心理服务站' }).waitFor({ timeout: 15000 });
      await nearest.locator('.station-card__open', { hasText: '营业中' }).waitFor({ timeout: 15000 });
      await nearest.click();
      await resident.locator('.station__book').click({ timeout: 15000 });
      await resident
        .locator('.book-kind--in_person')
        .click({ timeout: 15000 })
        .catch(() => undefined);
      await resident.locator('.slot').first().click({ timeout: 20000 });
      await resident.locator('.book-countdown').waitFor({ timeout: 15000 });
      await resident.locator('.intake-danger .chips__option', { hasText: '否' }).click();
      await resident.locator('.intake-phone input').fill('13900139001');
      await resident.locator('.intake-age .chips__option', { hasText: '18-34岁' }).click();
      await resident.locator('.intake-consent').click();
      await resident.locator('.book-confirm').click();
      await resident.locator('.booking__success').waitFor({ timeout: 20000 });
      await resident.locator('.booking__status', { hasText: '已预约' }).waitFor({ timeout: 15000 });
      // The H5 never claims reminders it could not set up (no WeChat here).
      expect(await resident.locator('.booking__reminders').count()).toBe(0);
      bookingId = Number(new URL(resident.url().replace('/#/', '/')).searchParams.get('id'));
      expect(bookingId).toBeGreaterThan(0);
      expect(blocked).toEqual([]);
    } catch (e) {
      await screenshot({ resident }, 'booking-resident');
      throw e;
    }
  });

  it('after the session, the counsellor finds it in the admin calendar and marks it attended', async () => {
    // Time passes: the session took place an hour ago, inside the calendar's 07:00-22:00, today if
    // it is late enough in China, otherwise yesterday morning.
    const now = new Date();
    const today = chinaMinute(now) >= 9 * 60;
    const start = today ? new Date(now.getTime() - HOUR_MS) : chinaInstant(chinaDate(new Date(now.getTime() - 24 * HOUR_MS)), 10 * 60);
    const Database = createRequire(`${ROOT}/server/package.json`)('better-sqlite3');
    const db = new Database(server.dbPath);
    db.prepare('UPDATE bookings SET start = ?, "end" = ? WHERE id = ?').run(sqliteTime(start), sqliteTime(new Date(start.getTime() + 50 * 60_000)), bookingId);
    db.close();

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    counsellor = await ctx.newPage();
    const blocked = cspViolations(counsellor);
    try {
      await signInToAdmin(counsellor, server.baseUrl, 'counsellor_sl');
      await counsellor.goto(`${server.baseUrl}/admin/bookings`);
      await counsellor.getByText('日', { exact: true }).click({ timeout: 15000 });
      if (!today) await counsellor.getByRole('button', { name: '前一天' }).click();
      const block = counsellor.locator('.xq-cal-block', { hasText: '到站面询' }).filter({ hasText: '已预约' }).first();
      await block.click({ timeout: 20000 });
      await counsellor.getByText(`预约详情 #${bookingId}`).waitFor({ timeout: 15000 });
      // The assigned counsellor reads the full phone number.
      await counsellor.getByText('13900139001').first().waitFor({ timeout: 15000 });
      await counsellor
        .locator('.ant-drawer')
        .getByRole('button', { name: /标记已到场/ })
        .click();
      await counsellor
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK|是/ })
        .click();
      await counsellor.locator('.ant-drawer').getByText('已完成').first().waitFor({ timeout: 15000 });
      expect(blocked).toEqual([]);
    } catch (e) {
      await screenshot({ counsellor }, 'booking-counsellor');
      throw e;
    }
  });

  it('the resident rates the session in 我的预约', async () => {
    const page = resident!;
    try {
      await page.goto(`${server.baseUrl}/h5/#/packageBookings/pages/mine/index`);
      await page.locator('.my-bookings-scope .chips__option', { hasText: '已结束' }).click({ timeout: 15000 });
      const mine = page.locator(`.my-booking[data-booking-id="${bookingId}"]`);
      await mine.locator('.my-booking__status', { hasText: '已完成' }).waitFor({ timeout: 15000 });
      await mine.locator('.my-booking__rate').click();
      await page.locator('.stars__star--5').first().click({ timeout: 15000 });
      await page.locator('.booking__comment textarea').fill('咨询师很耐心，谢谢');
      await page.locator('.booking__rate-submit').click();
      await page.locator('.booking__rated').waitFor({ timeout: 15000 });
      const http = api(server.baseUrl);
      const detail = await http.call<{ rating: number | null; ratingComment: string | null }>(
        'GET',
        `/admin/bookings/${bookingId}`,
        undefined,
        await http.staffToken('counsellor_sl'),
      );
      expect(detail).toMatchObject({ rating: 5, ratingComment: '咨询师很耐心，谢谢' });
    } catch (e) {
      await screenshot({ resident: page }, 'booking-rating');
      throw e;
    }
  });
});

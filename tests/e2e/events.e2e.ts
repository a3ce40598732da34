import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { api, signInOnH5, signInToAdmin } from '../support/api';
import { cspViolations, launchChromium, screenshot } from '../support/browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require('../support/server.js') as typeof import('../support/server.js');

/**
 * A 六进 event end to end: an organiser publishes it in the admin console, a resident signs up in
 * the mini-program H5 and gets a ticket, check-in staff scan the ticket's QR image on the admin
 * check-in page, and the attendance count shows 1.
 */
describe('六进 event: publish, sign up, check in', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let organiser: Page | undefined;
  let resident: Page | undefined;
  let staff: Page | undefined;
  const title = `走进萱花社区：情绪与睡眠 ${Date.now() % 100000}`;
  let eventId = 0;
  let token = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const http = api(server.baseUrl);
    // Starts in 30 minutes: sign-up is still open and check-in (from an hour before) already is.
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const created = await http.call<{ id: number }>(
      'POST',
      '/admin/events',
      {
        title,
        kind: 'lecture',
        placeType: 'community',
        regionId: await http.regionByCode('500118001001'),
        venue: { name: '萱花社区党群服务中心', address: '重庆市永川区胜利路 1 号', location: null },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
        capacity: 20,
        waitlistEnabled: true,
        requiredFields: ['name', 'phone'],
        audiences: [],
        description: '睡眠与情绪的关系，以及简单的放松练习。',
        speakers: [{ name: '李医生', title: '心理治疗师', bio: null }],
      },
      await http.staffToken('organiser_sl'),
    );
    eventId = created.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an organiser publishes the event in the admin console', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    organiser = await ctx.newPage();
    const organiserBlocked = cspViolations(organiser);
    try {
      await signInToAdmin(organiser, server.baseUrl, 'organiser_sl');
      await organiser.goto(`${server.baseUrl}/admin/events/${eventId}`);
      await organiser.getByRole('button', { name: '发布' }).click({ timeout: 15000 });
      await organiser.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
      await organiser.getByText('已发布').first().waitFor({ timeout: 15000 });
      expect(organiserBlocked).toEqual([]);
    } catch (e) {
      await screenshot({ organiser }, 'events-organiser');
      throw e;
    }
  });

  it('a resident signs up in the mini-program H5 and gets a ticket', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    resident = await ctx.newPage();
    const residentBlocked = cspViolations(resident);
    try {
      await signInOnH5(resident, server.baseUrl, `e2e-event-${Date.now() % 100000}`);
      await resident.locator('.weui-tabbar__item', { hasText: '活动' }).click();
      await resident.locator('.event-card', { hasText: title }).click({ timeout: 15000 });
      await resident.locator('.event-signup').click({ timeout: 15000 });
      await resident.locator('.event-signup-form').waitFor({ timeout: 15000 });
      await resident.locator('.event-signup-name input').fill('王小明');
      await resident.locator('.event-signup-phone input').fill('13900139000');
      await resident.locator('.event-signup-consent').click();
      await resident.locator('.event-signup-submit').click();
      await resident.locator('.event-status', { hasText: '已报名' }).waitFor({ timeout: 15000 });
      await resident.locator('.event-ticket').click();
      const qr = resident.locator('.ticket-qr');
      await qr.waitFor({ timeout: 15000 });
      token = (await qr.getAttribute('data-token')) ?? '';
      expect(token).toMatch(/^t1\./);
      expect(residentBlocked).toEqual([]);
    } catch (e) {
      await screenshot({ resident }, 'events-resident');
      throw e;
    }
  });

  it('check-in staff scan the ticket on the admin check-in page and attendance shows 1', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
    staff = await ctx.newPage();
    const staffBlocked = cspViolations(staff);
    try {
      await signInToAdmin(staff, server.baseUrl, 'checkin_sl');
      await staff.goto(`${server.baseUrl}/admin/events/${eventId}/checkin`);
      await staff.locator('.checkin-attendance', { hasText: /已签到 0/ }).waitFor({ timeout: 20000 });
      await staff.setInputFiles('.checkin-image-input', { name: 'ticket.png', mimeType: 'image/png', buffer: await QRCode.toBuffer(token, { width: 400 }) });
      await staff.locator('.checkin-result[data-kind="success"]').waitFor({ timeout: 15000 });
      await staff.locator('.checkin-attendance', { hasText: /已签到 1 \/ 已报名 1/ }).waitFor({ timeout: 20000 });
      // A second scan of the same ticket is recorded once.
      await staff.setInputFiles('.checkin-image-input', { name: 'again.png', mimeType: 'image/png', buffer: await QRCode.toBuffer(token, { width: 400 }) });
      await staff.locator('.checkin-result[data-kind="already"]').waitFor({ timeout: 15000 });
      const http = api(server.baseUrl);
      const rows = await http.call<{ items: { checkedInAt: string | null }[] }>(
        'GET',
        `/admin/events/${eventId}/registrations`,
        undefined,
        await http.staffToken('organiser_sl'),
      );
      expect(rows.items.filter((r) => r.checkedInAt)).toHaveLength(1);
      expect(staffBlocked).toEqual([]);
    } catch (e) {
      await screenshot({ staff }, 'events-checkin');
      throw e;
    }
  });
});

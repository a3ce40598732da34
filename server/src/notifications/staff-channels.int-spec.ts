import type { AddressInfo } from 'net';
import { JobsService } from '../common/jobs/jobs.service';
import { FakeSms } from '../../test/support/fake-sms';
import { FakeWechat } from '../../test/support/fake-wechat';
import { FakeWecom } from '../../test/support/fake-wecom';
import { openLive as openLiveAt } from '../../test/support/live-stream';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { SmsClient } from './services/sms.client';
import { NotificationsService } from './services/notifications.service';

const STAFF_TPL = 'TPL-staffalert-0001';
const MINUTE = 60_000;

describe(`staff notice channels on ${TEST_DB}`, () => {
  let t: TestApp;
  let jobs: JobsService;
  let notifications: NotificationsService;
  let base: string;
  const wechat = new FakeWechat();
  const wecom = new FakeWecom();
  const sms = new FakeSms();
  let t0: Date;
  const at = (ms: number) => new Date(t0.getTime() + ms);

  beforeAll(async () => {
    await Promise.all([wechat.start(), wecom.start(), sms.start()]);
    t = await TestApp.start({
      JOB_POLL_MS: '60000',
      JOB_CONCURRENCY: '2',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: wechat.appid,
      WECHAT_SECRET: wechat.secret,
      WECHAT_TIMEOUT_MS: '10000',
      WECHAT_TEMPLATE_STAFF_ALERT: STAFF_TPL,
      WECOM_WEBHOOK_HOSTS: '127.0.0.1',
      ADMIN_PUBLIC_URL: 'https://xq.example.cn/admin',
      NOTIFY_HTTP_TIMEOUT_MS: '10000',
      SMS_PROVIDER: 'tencent',
      SMS_BASE_URL: sms.baseUrl,
      SMS_SECRET_ID: sms.secretId,
      SMS_SECRET_KEY: sms.secretKey,
      SMS_SDK_APP_ID: '1400000001',
      SMS_SIGN_NAME: '心桥',
      SMS_TEMPLATE_ALERT: '100001',
    });
    jobs = t.app.get(JobsService);
    notifications = t.app.get(NotificationsService);
    // A stand-in owner topic, as dispatch registers alerts.alert_new.
    notifications.register('test_alerts', {
      topics: {
        alert_new: {
          staff: {
            render: async (d) => ({
              title: '红色预警',
              text: '胜利路街道有一条新的红色预警，请尽快处理',
              link: `/alerts/${d.subject.id}`,
              colour: 'red',
              region: '胜利路街道',
            }),
          },
        },
      },
    });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.stop();
    await Promise.all([wechat.stop(), wecom.stop(), sms.stop()]);
  });
  beforeEach(async () => {
    await t.reset();
    wechat.reset();
    wecom.reset();
    sms.reset();
    t0 = new Date(Date.now() + MINUTE);
  });

  const staffId = async (username: string) => Number((await t.dataSource.query(`SELECT id FROM staff WHERE username = ?`, [username]))[0].id);
  const deliveries = () => t.dataSource.getRepository(NotificationDelivery).find({ order: { id: 'ASC' } });
  const alert = (staffIds: number[], regionIds: number[] = [], id = 17) =>
    notifications.notifyStaff(null, { topic: 'test_alerts.alert_new', subject: { type: 'alert', id }, staffIds, regionIds }, t0);
  const byChannel = (rows: NotificationDelivery[]) => Object.fromEntries(rows.map((r) => [`${r.channel}:${r.target ?? r.staffId}`, [r.status, r.reason]]));

  /** Binds a WeChat user to the staff account through the admin's code and the mini-program's route, and accepts the template. */
  async function bindWechat(staffToken: string, openid: string, accepts = 1): Promise<{ token: string; id: number }> {
    const code = await t.post('/api/v1/admin/me/wechat-binding', {}, staffToken);
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^xqbind:\d+\.\d+\.[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{22}$/);
    const token = await t.residentToken(openid);
    const bound = await t.post('/api/v1/me/staff-binding', { code: code.body.code }, token);
    expect(bound.status).toBe(200);
    expect(bound.body.templateId).toBe(STAFF_TPL);
    for (let i = 0; i < accepts; i++) await t.post('/api/v1/me/subscriptions', { templateIds: [STAFF_TPL] }, token);
    return { token, id: (await t.get('/api/v1/me', token)).body.id };
  }

  const openLive = (token: string) => openLiveAt(base, token);

  it('pushes a notice to every open console of the staff member and to alert staff covering a region; nobody connected is skipped', async () => {
    const counsellor = await staffId('counsellor_sl');
    const token = await t.staffToken('counsellor_sl');
    const tab1 = await openLive(token);
    const tab2 = await openLive(token);
    // A content editor of the same street is connected too, but works on no alerts.
    const editor = await openLive(await t.staffToken('editor_sl'));
    const [live] = await alert([counsellor], [await t.regionId(REGION.communityA1)]);
    await jobs.idle(t0);
    await new Promise((ok) => setTimeout(ok, 100));
    const expected = {
      deliveryId: live.id,
      topic: 'test_alerts.alert_new',
      subject: { type: 'alert', id: 17 },
      title: '红色预警',
      text: '胜利路街道有一条新的红色预警，请尽快处理',
      link: '/alerts/17',
      colour: 'red',
      region: '胜利路街道',
    };
    // Each tab: once as the person, once as alert staff of a street covering the community.
    expect(tab1.notices).toHaveLength(2);
    expect(tab1.notices[0]).toEqual(expected);
    expect(tab2.notices).toHaveLength(2);
    expect(editor.notices).toHaveLength(0);
    let rows = (await deliveries()).filter((r) => r.channel === 'admin_live');
    expect(rows.map((r) => [r.status, r.providerMessageId])).toEqual([
      ['sent', 'streams:2'],
      ['sent', 'streams:2'],
    ]);

    tab1.close();
    tab2.close();
    editor.close();
    await new Promise((ok) => setTimeout(ok, 100));
    await alert([counsellor], [], 18);
    await jobs.idle(t0);
    rows = (await deliveries()).filter((r) => r.channel === 'admin_live');
    expect(rows[2]).toMatchObject({ status: 'skipped', reason: 'not_connected' });
  });

  it('refuses the live stream without a valid token', async () => {
    expect((await fetch(`${base}/api/v1/admin/live`)).status).toBe(401);
    expect((await fetch(`${base}/api/v1/admin/live`, { headers: { authorization: `Bearer ${await t.residentToken('not-staff')}` } })).status).toBe(403);
  });

  it('records a skip with its reason on every channel for a person who set nothing up', async () => {
    const checkin = await staffId('checkin_sl');
    const results = await alert([checkin], [await t.regionId(REGION.communityB1)]);
    // Three channels reach the person, two the region.
    expect(results).toHaveLength(5);
    await jobs.idle(t0);
    expect(byChannel(await deliveries())).toEqual({
      [`admin_live:${checkin}`]: ['skipped', 'not_connected'],
      [`wechat_subscribe:${checkin}`]: ['skipped', 'not_bound'],
      [`sms:${checkin}`]: ['skipped', 'no_mobile'],
      [`admin_live:region:${await t.regionId(REGION.communityB1)}`]: ['skipped', 'not_connected'],
      [`wecom_robot:region:${await t.regionId(REGION.communityB1)}`]: ['skipped', 'no_webhook'],
    });
    expect(wechat.sentMessages).toHaveLength(0);
    expect(sms.calls + wecom.calls).toBe(0);
  });

  it("binds a staff member's WeChat with a one-time code, sends the staff template to it, and stops after revoking", async () => {
    const counsellor = await staffId('counsellor_sl');
    const token = await t.staffToken('counsellor_sl');
    expect((await t.get('/api/v1/admin/me/notice-settings', token)).body).toEqual({
      wechat: { bound: false, boundAt: null },
      mobile: null,
      smsConfigured: true,
      wechatConfigured: true,
    });
    const code = (await t.post('/api/v1/admin/me/wechat-binding', {}, token)).body.code as string;
    const newer = (await t.post('/api/v1/admin/me/wechat-binding', {}, token)).body.code as string;
    const phone = await t.residentToken('staff-phone-openid');
    // Only the newest code works, once; a forged one never.
    expect((await t.post('/api/v1/me/staff-binding', { code }, phone)).status).toBe(400);
    const forged = newer.replace(/\.[A-Za-z0-9_-]{22}$/, '.AAAAAAAAAAAAAAAAAAAAAA');
    expect((await t.post('/api/v1/me/staff-binding', { code: forged }, phone)).body.code).toBe('BAD_REQUEST');
    const bound = await t.post('/api/v1/me/staff-binding', { code: newer }, phone);
    expect(bound.body).toEqual({ staffName: '胜利路心理咨询师', templateId: STAFF_TPL });
    expect((await t.post('/api/v1/me/staff-binding', { code: newer }, phone)).status).toBe(400);
    expect((await t.post('/api/v1/admin/me/wechat-binding', {}, await t.residentToken('some-resident'))).status).toBe(403);
    expect((await t.get('/api/v1/admin/me/notice-settings', token)).body.wechat.bound).toBe(true);

    // Bound, but the WeChat user has not accepted the staff template yet.
    await alert([counsellor], [], 1);
    await jobs.idle(t0);
    expect((await deliveries()).find((r) => r.channel === 'wechat_subscribe')).toMatchObject({
      status: 'skipped',
      reason: 'no_subscription',
      templateId: STAFF_TPL,
    });

    await t.post('/api/v1/me/subscriptions', { templateIds: [STAFF_TPL] }, phone);
    await alert([counsellor], [], 2);
    await jobs.idle(t0);
    expect(wechat.sentMessages).toHaveLength(1);
    expect(wechat.sentMessages[0]).toMatchObject({
      touser: 'staff-phone-openid',
      template_id: STAFF_TPL,
      page: 'packageMe/pages/staff-bind/index',
      data: { thing1: { value: '红色预警' }, thing3: { value: '胜利路街道' }, thing4: { value: '胜利路街道有一条新的红色预警，请尽快处理' } },
    });
    expect(wechat.sentMessages[0].data.time2.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    expect((await t.delete('/api/v1/admin/me/wechat-binding', token)).status).toBe(204);
    await t.post('/api/v1/me/subscriptions', { templateIds: [STAFF_TPL] }, phone);
    await alert([counsellor], [], 3);
    await jobs.idle(t0);
    const wechatRows = (await deliveries()).filter((r) => r.channel === 'wechat_subscribe');
    expect(wechatRows.map((r) => [r.subjectId, r.status, r.reason])).toEqual([
      [1, 'skipped', 'no_subscription'],
      [2, 'sent', null],
      [3, 'skipped', 'not_bound'],
    ]);
    expect(wechat.sentMessages).toHaveLength(1);
    // Bound again: the resident's export says so, and deleting the mini-program account ends the binding.
    const again = await bindWechat(token, 'staff-phone-openid');
    expect((await t.get('/api/v1/me/export', again.token)).body.notifications.staffBinding).toEqual({ boundAt: expect.any(String) });
    expect((await t.delete('/api/v1/me', again.token)).status).toBe(204);
    expect((await t.get('/api/v1/admin/me/notice-settings', token)).body.wechat).toEqual({ bound: false, boundAt: null });
    const audit = await t.dataSource.query(`SELECT action, outcome FROM audit_logs WHERE action LIKE 'notifications.%' ORDER BY id`);
    expect(audit.map((a: { action: string; outcome: string }) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining(['notifications.binding_code:success', 'notifications.bind:success', 'notifications.unbind:success']),
    );
  });

  it('sends a markdown message to the nearest region-or-ancestor group robot, recording the region and never the URL', async () => {
    const admin = await t.staffToken('region_yc');
    const district = await t.regionId(REGION.district);
    const community = await t.regionId(REGION.communityA1);
    // Only 企业微信's host (or a listed one) is accepted, and the robot's key is needed.
    for (const url of [
      'https://evil.example.com/cgi-bin/webhook/send?key=abc',
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
      `${wecom.baseUrl}/cgi-bin/webhook/send`,
    ]) {
      const bad = await t.put(`/api/v1/admin/notice-robots/${district}`, { url }, admin);
      expect([bad.status, bad.body.code]).toEqual([400, 'BAD_REQUEST']);
    }
    const url = wecom.webhook('district-robot-key-0001');
    const saved = await t.put(`/api/v1/admin/notice-robots/${district}`, { url }, admin);
    expect(saved.body).toMatchObject({ regionId: district, masked: `${wecom.baseUrl}/cgi-bin/webhook/send?key=****0001` });
    expect((await t.put(`/api/v1/admin/notice-robots/${await t.regionId(REGION.city)}`, { url }, admin)).status).toBe(403);
    expect((await t.put(`/api/v1/admin/notice-robots/${district}`, { url }, await t.staffToken('counsellor_sl'))).status).toBe(403);
    expect((await t.get('/api/v1/admin/notice-robots', admin)).body).toEqual([saved.body]);
    const [raw] = await t.dataSource.query(`SELECT webhookUrl FROM region_robots`);
    expect(raw.webhookUrl).toMatch(/^enc:/);

    await alert([], [community]);
    await jobs.idle(t0);
    expect(wecom.messages).toEqual([
      {
        key: 'district-robot-key-0001',
        body: {
          msgtype: 'markdown',
          markdown: {
            content:
              '### <font color="warning">红色预警</font>\n胜利路街道有一条新的红色预警，请尽快处理\n> 区域：胜利路街道\n[在管理后台查看](https://xq.example.cn/admin/alerts/17)',
          },
        },
      },
    ]);
    const rows = await deliveries();
    expect(rows.find((r) => r.channel === 'wecom_robot')).toMatchObject({
      status: 'sent',
      target: `region:${community}`,
      providerMessageId: `region:${district}`,
    });
    expect(JSON.stringify(rows)).not.toContain('district-robot-key');

    // A key 企业微信 no longer knows: failed for good, not retried.
    wecom.keys.clear();
    await alert([], [community], 18);
    await jobs.idle(t0);
    expect((await deliveries()).filter((r) => r.channel === 'wecom_robot')[1]).toMatchObject({ status: 'failed', reason: 'rejected', attempts: 1 });
    expect((await t.delete(`/api/v1/admin/notice-robots/${district}`, admin)).status).toBe(204);
    expect((await t.get('/api/v1/admin/notice-robots', admin)).body).toEqual([]);
  });

  it('sends an SMS with a signed Tencent request to the mobile a staff member set (encrypted at rest, shown masked)', async () => {
    const counsellor = await staffId('counsellor_sl');
    const token = await t.staffToken('counsellor_sl');
    const bad = await t.put('/api/v1/admin/me/mobile', { mobile: '1380013800' }, token);
    expect([bad.status, bad.body.details.fields[0].field]).toEqual([400, 'mobile']);
    expect((await t.put('/api/v1/admin/me/mobile', { mobile: '13800138000' }, token)).body.mobile).toBe('138****8000');
    const [raw] = await t.dataSource.query(`SELECT mobile FROM staff_notice_contacts WHERE staffId = ?`, [counsellor]);
    expect(raw.mobile).toMatch(/^enc:/);
    expect(raw.mobile).not.toContain('13800138000');

    await alert([counsellor]);
    await jobs.idle(t0);
    expect(sms.sent).toEqual([
      { provider: 'tencent', phone: '+8613800138000', signName: '心桥', template: '100001', params: ['红色预警', '胜利路街道', '管理后台/alerts/17'] },
    ]);
    expect((await deliveries()).find((r) => r.channel === 'sms')).toMatchObject({ status: 'sent', providerMessageId: 'fake-1' });

    // A refusal by the provider is recorded as failed and not retried.
    sms.errorCode = 'FailedOperation.PhoneNumberInBlacklist';
    await alert([counsellor], [], 18);
    await jobs.idle(t0);
    expect((await deliveries()).filter((r) => r.channel === 'sms')[1]).toMatchObject({
      status: 'failed',
      reason: 'rejected',
      attempts: 1,
      error: 'FailedOperation.PhoneNumberInBlacklist injected',
    });

    expect((await t.put('/api/v1/admin/me/mobile', { mobile: null }, token)).body.mobile).toBeNull();
  });

  it('signs Aliyun SMS requests the provider accepts', async () => {
    const client = new SmsClient({ ...t.config, SMS_PROVIDER: 'aliyun', SMS_TEMPLATE_ALERT: 'SMS_100001' });
    expect(await client.send('13800138000', ['红色预警', '胜利路街道', '管理后台/alerts/17'])).toEqual({ ok: true, id: 'fake-1' });
    expect(sms.sent[0]).toEqual({
      provider: 'aliyun',
      phone: '13800138000',
      signName: '心桥',
      template: 'SMS_100001',
      params: ['红色预警', '胜利路街道', '管理后台/alerts/17'],
    });
    const wrongKey = new SmsClient({ ...t.config, SMS_PROVIDER: 'aliyun', SMS_SECRET_KEY: 'not-the-key' });
    expect(await wrongKey.send('13800138000', ['a', 'b', 'c'])).toEqual({
      ok: false,
      retry: false,
      error: 'SignatureDoesNotMatch Specified signature is not matched with our calculation.',
    });
  });

  /** Sets up every channel for counsellor_sl and a robot for the district. */
  async function everything(): Promise<{ counsellor: number; community: number }> {
    const counsellor = await staffId('counsellor_sl');
    const token = await t.staffToken('counsellor_sl');
    await bindWechat(token, 'staff-all-openid', 5);
    await t.put('/api/v1/admin/me/mobile', { mobile: '13900139000' }, token);
    await t.put(`/api/v1/admin/notice-robots/${await t.regionId(REGION.district)}`, { url: wecom.webhook('robot-all-0001') }, await t.staffToken('region_yc'));
    return { counsellor, community: await t.regionId(REGION.communityA1) };
  }

  it('with every channel down, retries each with back-off and finally records it failed; nothing is lost', async () => {
    const { counsellor, community } = await everything();
    wecom.down = true;
    sms.down = true;
    wechat.use((call) => (call.path === '/cgi-bin/message/subscribe/send' ? { status: 502, raw: '<html>Bad Gateway</html>' } : undefined));
    await alert([counsellor], [community]);
    // Tries at 0, +10 s, +70 s, +370 s (back-off 10 s, 60 s, 300 s): four in all.
    for (const ms of [0, 10_000, 70_000, 370_000]) await jobs.idle(at(ms));
    const rows = await deliveries();
    expect(byChannel(rows)).toEqual({
      [`admin_live:${counsellor}`]: ['skipped', 'not_connected'],
      [`wechat_subscribe:${counsellor}`]: ['failed', 'unavailable'],
      [`sms:${counsellor}`]: ['failed', 'unavailable'],
      [`admin_live:region:${community}`]: ['skipped', 'not_connected'],
      [`wecom_robot:region:${community}`]: ['failed', 'unavailable'],
    });
    for (const r of rows.filter((x) => x.status === 'failed')) expect(r.attempts).toBe(4);
    expect(rows.find((r) => r.channel === 'sms')!.error).toBe('HTTP 502');
    expect(rows.find((r) => r.channel === 'wecom_robot')!.error).toBe(`robot of region:${await t.regionId(REGION.district)}: HTTP 502`);
    expect(sms.calls).toBe(4);
    expect(wecom.calls).toBe(4);
    // The WeChat accept was given back on every failed try: still five.
    expect((await t.get('/api/v1/me/subscriptions', await t.residentToken('staff-all-openid'))).body.templates).toEqual([
      { slot: 'staff_alert', templateId: STAFF_TPL, available: 5 },
    ]);
  });

  it('recovers on a retry when a channel comes back', async () => {
    const { counsellor, community } = await everything();
    wecom.down = true;
    sms.down = true;
    await alert([counsellor], [community]);
    await jobs.idle(t0);
    wecom.down = false;
    sms.down = false;
    await jobs.idle(at(10_000));
    const rows = await deliveries();
    expect(rows.filter((r) => r.channel === 'sms' || r.channel === 'wecom_robot').map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
  });

  it('delivers the other channels without waiting for a slow one (5 s)', async () => {
    const { counsellor, community } = await everything();
    // WeChat answers after 5 s: its job is the third of five, so it is in flight while later ones run.
    wechat.use((call) => (call.path === '/cgi-bin/message/subscribe/send' ? { delayMs: 5_000, json: { errcode: 0, errmsg: 'ok', msgid: 42 } } : undefined));
    const started = Date.now();
    await alert([counsellor], [community]);
    let rows = await deliveries();
    // The queue's poll, as often as a server would run it; the slow send keeps one of the two workers.
    while (rows.filter((r) => r.channel !== 'wechat_subscribe').some((r) => r.status === 'queued') && Date.now() - started < 4_000) {
      await jobs.tick(t0);
      await new Promise((ok) => setTimeout(ok, 50));
      rows = await deliveries();
    }
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(byChannel(rows)).toMatchObject({
      [`wechat_subscribe:${counsellor}`]: ['queued', null],
      [`wecom_robot:region:${community}`]: ['sent', null],
      [`sms:${counsellor}`]: ['sent', null],
    });
    // The slow send was under way all along, not waiting its turn.
    expect(wechat.callsTo('/cgi-bin/message/subscribe/send')).toHaveLength(1);
    expect(wecom.messages).toHaveLength(1);
    expect(sms.sent).toHaveLength(1);
    await jobs.idle(t0);
    expect((await deliveries()).find((r) => r.channel === 'wechat_subscribe')).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: '42' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
  }, 20_000);

  it('sends 测试提醒 through every channel and answers each result honestly', async () => {
    await everything();
    const token = await t.staffToken('counsellor_sl');
    const live = await openLive(token);
    const res = await t.post('/api/v1/admin/me/test-notice', {}, token);
    expect(res.status).toBe(200);
    const counsellor = await staffId('counsellor_sl');
    expect(
      res.body.deliveries.map((d: { channel: string; target: string; status: string; reason: string | null }) => [d.channel, d.target, d.status, d.reason]),
    ).toEqual([
      ['admin_live', `staff:${counsellor}`, 'sent', null],
      ['wechat_subscribe', `staff:${counsellor}`, 'sent', null],
      ['sms', `staff:${counsellor}`, 'sent', null],
    ]);
    expect(live.notices.map((n) => [n.title, n.link, n.region])).toEqual([['测试提醒', '/notifications', '胜利路街道']]);
    live.close();
    // A region admin's test also tries the own region's robot.
    const admin = await t.staffToken('region_yc');
    const adminRes = await t.post('/api/v1/admin/me/test-notice', {}, admin);
    expect(adminRes.body.deliveries.map((d: { channel: string; status: string; reason: string | null }) => [d.channel, d.status, d.reason])).toEqual([
      ['admin_live', 'skipped', 'not_connected'],
      ['admin_live', 'skipped', 'not_connected'],
      ['wechat_subscribe', 'skipped', 'not_bound'],
      ['wecom_robot', 'sent', null],
      ['sms', 'skipped', 'no_mobile'],
    ]);
  }, 20_000);
});

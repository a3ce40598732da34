import { Logger } from '@nestjs/common';
import { FAKE_PNG, FakeWechat } from '../../test/support/fake-wechat';
import { loadConfig } from '../common/config/env';
import { generateDataKey } from '../common/crypto/data-cipher';
import { AppException } from '../common/errors/app-exception';
import { WechatClient, type SubscribeMessage } from './wechat.client';

/** The client against the fake WeChat server on loopback; no database, so it runs with the unit tests. */
describe('WechatClient (against the fake WeChat server)', () => {
  const wechat = new FakeWechat();
  let client: WechatClient;
  const SEND = '/cgi-bin/message/subscribe/send';
  const QR = '/wxa/getwxacodeunlimit';
  const TOKEN = '/cgi-bin/stable_token';
  const forced = () => wechat.callsTo(TOKEN).filter((c) => (JSON.parse(c.body) as { force_refresh: boolean }).force_refresh);
  const DATA_ENCRYPTION_KEYS = generateDataKey('t1');

  const makeClient = (env: Record<string, string> = {}) =>
    new WechatClient(
      loadConfig({
        NODE_ENV: 'test',
        JWT_SECRET: 'x'.repeat(32),
        DATA_ENCRYPTION_KEYS,
        WECHAT_API_BASE: wechat.baseUrl,
        WECHAT_APPID: wechat.appid,
        WECHAT_SECRET: wechat.secret,
        ...env,
      }),
    );
  const message: SubscribeMessage = {
    touser: 'o-resident-1',
    templateId: 'tpl-signup-confirmed',
    page: 'pages/events/detail?id=7',
    data: { thing1: '心理健康讲座', time2: '2026-06-10 14:00' },
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await wechat.start();
  });
  afterAll(async () => {
    await wechat.stop();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });
  beforeEach(() => {
    wechat.reset();
    client = makeClient();
  });
  afterEach(() => jest.restoreAllMocks());

  async function appError(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
    try {
      await promise;
    } catch (e) {
      expect(e).toBeInstanceOf(AppException);
      const body = (e as AppException).getResponse() as { code: string; message: string };
      return { status: (e as AppException).getStatus(), code: body.code, message: body.message };
    }
    throw new Error('expected an AppException');
  }

  describe('access token', () => {
    it('fetches the stable token with the client credentials and reuses it', async () => {
      const first = await client.getAccessToken();
      expect(await client.getAccessToken()).toBe(first);
      expect(wechat.callsTo(TOKEN)).toHaveLength(1);
      expect(wechat.callsTo(TOKEN)[0]).toMatchObject({ method: 'POST', query: {} });
      expect(JSON.parse(wechat.callsTo(TOKEN)[0].body)).toEqual({
        grant_type: 'client_credential',
        appid: wechat.appid,
        secret: wechat.secret,
        force_refresh: false,
      });
    });

    it('gives two instances the same token, and after one forced a refresh the other takes the new token without forcing again', async () => {
      const other = makeClient();
      const [a, b] = await Promise.all([client.getAccessToken(), other.getAccessToken()]);
      expect(a).toBe(b);
      expect(wechat.issuedTokens).toEqual([a]);

      wechat.refuseTokens();
      expect(await client.sendSubscribeMessage(message)).toMatchObject({ ok: true });
      expect(await other.sendSubscribeMessage({ ...message, touser: 'o-2' })).toMatchObject({ ok: true });
      expect(forced()).toHaveLength(1);
      expect(wechat.sentMessages.map((m) => m.accessToken)).toEqual([wechat.issuedTokens[1], wechat.issuedTokens[1]]);
    });

    it('fetches a new one five minutes before it expires', async () => {
      const t0 = Date.now();
      const first = await client.getAccessToken();
      const now = jest.spyOn(Date, 'now');
      now.mockReturnValue(t0 + (7200 - 301) * 1000);
      expect(await client.getAccessToken()).toBe(first);
      now.mockReturnValue(t0 + (7200 - 299) * 1000);
      const second = await client.getAccessToken();
      expect(second).not.toBe(first);
      expect(wechat.callsTo(TOKEN)).toHaveLength(2);
    });

    it('refreshes a short-lived token at half its lifetime', async () => {
      wechat.tokenTtlSeconds = 60;
      const t0 = Date.now();
      const first = await client.getAccessToken();
      jest.spyOn(Date, 'now').mockReturnValue(t0 + 31_000);
      expect(await client.getAccessToken()).not.toBe(first);
    });

    it('makes one request for many concurrent callers', async () => {
      wechat.tokenDelayMs = 100;
      const tokens = await Promise.all(Array.from({ length: 8 }, () => client.getAccessToken()));
      expect(new Set(tokens).size).toBe(1);
      expect(wechat.callsTo(TOKEN)).toHaveLength(1);
    });

    it('does not cache a failure', async () => {
      wechat.failNext(TOKEN, -1);
      expect(await appError(client.getAccessToken())).toMatchObject({ status: 503, code: 'WECHAT_UNAVAILABLE' });
      expect(await client.getAccessToken()).toMatch(/^fake-token-/);
      expect(wechat.callsTo(TOKEN)).toHaveLength(2);
    });

    it('fails clearly with a wrong secret, without credentials, or when WeChat is unreachable', async () => {
      expect(await appError(makeClient({ WECHAT_SECRET: 'wrong' }).getAccessToken())).toMatchObject({ status: 503, code: 'WECHAT_UNAVAILABLE' });
      const unconfigured = new WechatClient(
        loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEYS, WECHAT_API_BASE: wechat.baseUrl }),
      );
      expect(unconfigured.isConfigured()).toBe(false);
      expect(await appError(unconfigured.getAccessToken())).toMatchObject({ status: 503, code: 'WECHAT_NOT_CONFIGURED' });
      const unreachable = makeClient({ WECHAT_API_BASE: 'http://127.0.0.1:9' });
      expect(await appError(unreachable.getAccessToken())).toMatchObject({ status: 503, code: 'WECHAT_UNAVAILABLE' });
    });
  });

  describe('sendSubscribeMessage', () => {
    it('sends the template with its data as { value } and says it was sent', async () => {
      const result = await client.sendSubscribeMessage(message);
      expect(result).toEqual({ ok: true, msgid: '1000001' });
      expect(wechat.sentMessages).toEqual([
        {
          accessToken: wechat.issuedTokens[0],
          touser: 'o-resident-1',
          template_id: 'tpl-signup-confirmed',
          page: 'pages/events/detail?id=7',
          data: { thing1: { value: '心理健康讲座' }, time2: { value: '2026-06-10 14:00' } },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      ]);
      await client.sendSubscribeMessage({ ...message, page: undefined, miniprogramState: 'trial' });
      expect(wechat.sentMessages[1]).not.toHaveProperty('page');
      expect(wechat.sentMessages[1].miniprogram_state).toBe('trial');
      expect(wechat.callsTo(TOKEN)).toHaveLength(1);
      expect(wechat.callsTo(SEND)[0]).toMatchObject({ method: 'POST', query: { access_token: wechat.issuedTokens[0] } });
    });

    it.each([
      ['rejected (40001)', () => wechat.revokeTokens()],
      ['expired (42001)', () => wechat.expireTokens()],
    ])('fetches a new token once when the cached one is %s, and sends', async (_label, spoil) => {
      await client.getAccessToken();
      spoil();
      expect(await client.sendSubscribeMessage(message)).toMatchObject({ ok: true });
      expect(wechat.callsTo(TOKEN)).toHaveLength(2);
      const [first, second] = wechat.issuedTokens;
      expect(wechat.callsTo(SEND).map((c) => c.query.access_token)).toEqual([first, second]);
      expect(wechat.sentMessages.map((m) => m.accessToken)).toEqual([second]);
    });

    it('forces a refresh only when WeChat hands back the token it refused, retries once, then reports a retryable failure', async () => {
      wechat.failNext(SEND, 40001, 2);
      expect(await client.sendSubscribeMessage(message)).toEqual({
        ok: false,
        reason: 'unavailable',
        retryable: true,
        errcode: 40001,
        errmsg: 'injected 40001',
      });
      // The first token, asked again (WeChat answers the same one), then forced.
      expect(wechat.callsTo(TOKEN).map((c) => (JSON.parse(c.body) as { force_refresh: boolean }).force_refresh)).toEqual([false, false, true]);
      expect(wechat.callsTo(SEND).map((c) => c.query.access_token)).toEqual(wechat.issuedTokens);
    });

    it('forces one refresh for concurrent sends that saw the token refused, and none again within 30 s', async () => {
      await client.getAccessToken();
      wechat.refuseTokens();
      wechat.tokenDelayMs = 50;
      const results = await Promise.all([1, 2, 3].map((i) => client.sendSubscribeMessage({ ...message, touser: `o-${i}` })));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(forced()).toHaveLength(1);

      const t0 = Date.now();
      wechat.refuseTokens();
      const now = jest.spyOn(Date, 'now').mockReturnValue(t0 + 29_000);
      expect(await client.sendSubscribeMessage(message)).toMatchObject({ ok: false, reason: 'unavailable', errcode: 40001 });
      expect(forced()).toHaveLength(1);
      now.mockReturnValue(t0 + 31_000);
      expect(await client.sendSubscribeMessage(message)).toMatchObject({ ok: true });
      expect(forced()).toHaveLength(2);
    });

    it('shares one refetch between concurrent sends that hit the same dead token', async () => {
      await client.getAccessToken();
      wechat.revokeTokens();
      wechat.tokenDelayMs = 100;
      const results = await Promise.all([1, 2, 3].map((i) => client.sendSubscribeMessage({ ...message, touser: `o-${i}` })));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(wechat.callsTo(TOKEN)).toHaveLength(2);
      expect(new Set(wechat.sentMessages.map((m) => m.accessToken))).toEqual(new Set([wechat.issuedTokens[1]]));
    });

    it('tells a refusal (43101: do not retry) from a bad request and from a transient failure', async () => {
      const cases: [number, string, boolean][] = [
        [43101, 'refused', false],
        [40003, 'rejected', false],
        [40037, 'rejected', false],
        [47003, 'rejected', false],
        [41030, 'rejected', false],
        [-1, 'unavailable', true],
        [45009, 'unavailable', true],
        [99999, 'unavailable', true],
      ];
      for (const [errcode, reason, retryable] of cases) {
        wechat.failNext(SEND, errcode);
        expect(await client.sendSubscribeMessage(message)).toEqual({ ok: false, reason, retryable, errcode, errmsg: `injected ${errcode}` });
      }
      expect(wechat.sentMessages).toHaveLength(0);
      expect(wechat.callsTo(TOKEN)).toHaveLength(1);
    });

    it('reports garbage, an unreachable server and a token failure as retryable', async () => {
      wechat.use((c) => (c.path === SEND ? { status: 502, raw: '<html>bad gateway</html>' } : undefined));
      expect(await client.sendSubscribeMessage(message)).toMatchObject({ ok: false, reason: 'unavailable', retryable: true, errcode: null });
      const unreachable = makeClient({ WECHAT_API_BASE: 'http://127.0.0.1:9' });
      expect(await unreachable.sendSubscribeMessage(message)).toMatchObject({ ok: false, reason: 'unavailable', retryable: true });
      const wrongSecret = makeClient({ WECHAT_SECRET: 'wrong' });
      expect(await wrongSecret.sendSubscribeMessage(message)).toMatchObject({ ok: false, reason: 'unavailable', retryable: true });
    });

    it('says when WeChat is not configured, without calling it', async () => {
      const unconfigured = new WechatClient(
        loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEYS, WECHAT_API_BASE: wechat.baseUrl }),
      );
      expect(await unconfigured.sendSubscribeMessage(message)).toMatchObject({ ok: false, reason: 'not_configured', retryable: false });
      expect(wechat.calls).toHaveLength(0);
    });
  });

  describe('getUnlimitedQrCode', () => {
    it('returns the image WeChat answers', async () => {
      const image = await client.getUnlimitedQrCode({
        scene: 'c16.1nqkd0.AbCdEfGh-_012345',
        page: 'pages/events/checkin',
        width: 430,
        checkPath: false,
        envVersion: 'trial',
      });
      expect(image.contentType).toBe('image/png');
      expect(image.bytes.equals(FAKE_PNG)).toBe(true);
      expect(wechat.qrCodes).toEqual([
        { scene: 'c16.1nqkd0.AbCdEfGh-_012345', page: 'pages/events/checkin', width: 430, check_path: false, env_version: 'trial' },
      ]);
      expect(wechat.callsTo(QR)[0]).toMatchObject({ method: 'POST', query: { access_token: wechat.issuedTokens[0] } });
    });

    it('refuses a scene WeChat would refuse, before calling it', async () => {
      for (const scene of ['', 'a'.repeat(33), 'id%3D7', 'a b', '签到']) {
        expect(await appError(client.getUnlimitedQrCode({ scene }))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
      }
      expect(await appError(client.getUnlimitedQrCode({ scene: 'ok', page: '/pages/x' }))).toMatchObject({ status: 400 });
      expect(await appError(client.getUnlimitedQrCode({ scene: 'ok', page: 'pages/x?id=1' }))).toMatchObject({ status: 400 });
      expect(await appError(client.getUnlimitedQrCode({ scene: 'ok', width: 100 }))).toMatchObject({ status: 400 });
      expect(wechat.calls).toHaveLength(0);
      // The longest allowed scene, with every allowed symbol, goes through.
      const longest = "09azAZ!#$&'()*+,/:;=?@-._~abcdef";
      expect(longest).toHaveLength(32);
      await client.getUnlimitedQrCode({ scene: longest });
      expect(wechat.qrCodes[0]).toEqual({ scene: longest });
    });

    it('turns JSON errors into clear exceptions', async () => {
      wechat.failNext(QR, 41030);
      expect(await appError(client.getUnlimitedQrCode({ scene: 'x', page: 'pages/missing' }))).toMatchObject({
        status: 502,
        code: 'WECHAT_UNAVAILABLE',
        message: '小程序码页面不存在或尚未发布',
      });
      wechat.failNext(QR, 45009);
      expect(await appError(client.getUnlimitedQrCode({ scene: 'x' }))).toMatchObject({ status: 429, code: 'WECHAT_RATE_LIMITED' });
      // WeChat labels its JSON errors for this endpoint application/json; encoding=utf-8.
      wechat.use((c) => (c.path === QR ? { json: { errcode: 40097, errmsg: 'invalid args' }, contentType: 'application/json; encoding=utf-8' } : undefined));
      expect(await appError(client.getUnlimitedQrCode({ scene: 'x' }))).toMatchObject({ status: 502, code: 'WECHAT_UNAVAILABLE' });
    });

    it('fetches a new token once when the cached one has expired', async () => {
      await client.getAccessToken();
      wechat.expireTokens();
      const image = await client.getUnlimitedQrCode({ scene: 'x' });
      expect(image.bytes.equals(FAKE_PNG)).toBe(true);
      expect(wechat.callsTo(TOKEN)).toHaveLength(2);
    });

    it('says when WeChat is not configured or unreachable', async () => {
      const unconfigured = new WechatClient(
        loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEYS, WECHAT_API_BASE: wechat.baseUrl }),
      );
      expect(await appError(unconfigured.getUnlimitedQrCode({ scene: 'x' }))).toMatchObject({ status: 503, code: 'WECHAT_NOT_CONFIGURED' });
      const unreachable = makeClient({ WECHAT_API_BASE: 'http://127.0.0.1:9' });
      expect(await appError(unreachable.getUnlimitedQrCode({ scene: 'x' }))).toMatchObject({ status: 503, code: 'WECHAT_UNAVAILABLE' });
    });
  });
});

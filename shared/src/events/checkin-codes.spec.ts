import {
  CHECKIN_CODE_REFUSAL_LABELS,
  CHECKIN_CODE_REFUSALS,
  checkinCodeWindow,
  checkinTokenKind,
  eventScene,
  isValidWxaScene,
  issueCheckinCode,
  parseCheckinCode,
  parseEventScene,
  verifyCheckinCode,
  verifyCheckinCodeWithSecret,
} from './checkin-codes';
import { webCryptoHmacSha256 } from './crypto';
import { deriveEventKey } from './tickets';

const hmac = webCryptoHmacSha256();
const SECRET = 'a-server-secret-of-at-least-32-characters';
/** A window boundary: 2026-05-01T02:00:00Z is a multiple of 30 s. */
const T0 = Date.UTC(2026, 4, 1, 2, 0, 0);
const at = (ms: number) => new Date(T0 + ms);

describe('isValidWxaScene', () => {
  it("allows up to 32 characters of WeChat's set and nothing else", () => {
    expect(isValidWxaScene('a'.repeat(32))).toBe(true);
    expect(isValidWxaScene("09azAZ!#$&'()*+,/:;=?@-._~")).toBe(true);
    expect(isValidWxaScene('a'.repeat(33))).toBe(false);
    expect(isValidWxaScene('')).toBe(false);
    expect(isValidWxaScene('a%20b')).toBe(false);
    expect(isValidWxaScene('a b')).toBe(false);
    expect(isValidWxaScene('签到')).toBe(false);
    expect(isValidWxaScene('a"b')).toBe(false);
  });
});

describe('rotating check-in codes', () => {
  let key: Uint8Array;
  beforeAll(async () => {
    key = await deriveEventKey(hmac, SECRET, 42);
  });

  it('fit a mini-program code scene, even for the largest event id and far-future windows', async () => {
    const issued = await issueCheckinCode(hmac, key, 42, at(0));
    expect(issued.code).toMatch(/^c16\.[0-9a-z]+\.[A-Za-z0-9_-]{16}$/);
    expect(isValidWxaScene(issued.code)).toBe(true);
    expect(issued.code.length).toBeLessThanOrEqual(32);
    const largest = 36 ** 6 - 1;
    const far = await issueCheckinCode(hmac, await deriveEventKey(hmac, SECRET, largest), largest, new Date(Date.UTC(2999, 0, 1)));
    expect(far.code.length).toBeLessThanOrEqual(32);
    expect(isValidWxaScene(far.code)).toBe(true);
    await expect(issueCheckinCode(hmac, key, 36 ** 6, at(0))).rejects.toThrow(/too large/);
  });

  it('change every 30 seconds, on the boundary', async () => {
    const first = await issueCheckinCode(hmac, key, 42, at(0));
    expect(first.windowStartsAt).toEqual(at(0));
    expect(first.windowEndsAt).toEqual(at(30_000));
    expect((await issueCheckinCode(hmac, key, 42, at(29_999))).code).toBe(first.code);
    const next = await issueCheckinCode(hmac, key, 42, at(30_000));
    expect(next.code).not.toBe(first.code);
    expect(next.window).toBe(first.window + 1);
    expect(checkinCodeWindow(at(-1))).toBe(first.window - 1);
  });

  it('are accepted in their window and the next one, and refused as expired after that', async () => {
    const { code, window } = await issueCheckinCode(hmac, key, 42, at(29_999));
    const ok = { ok: true, eventId: 42, window };
    expect(await verifyCheckinCode(hmac, key, code, 42, at(0))).toEqual(ok);
    expect(await verifyCheckinCode(hmac, key, code, 42, at(29_999))).toEqual(ok);
    expect(await verifyCheckinCode(hmac, key, code, 42, at(30_000))).toEqual(ok);
    expect(await verifyCheckinCode(hmac, key, code, 42, at(59_999))).toEqual(ok);
    expect(await verifyCheckinCode(hmac, key, code, 42, at(60_000))).toEqual({ ok: false, reason: 'expired' });
    expect(await verifyCheckinCode(hmac, key, code, 42, at(3_600_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused before their window starts', async () => {
    const { code } = await issueCheckinCode(hmac, key, 42, at(30_000));
    expect(await verifyCheckinCode(hmac, key, code, 42, at(29_999))).toEqual({ ok: false, reason: 'not_yet_valid' });
  });

  it('honour another window length and grace', async () => {
    const options = { windowSeconds: 60, acceptPrevious: 0 };
    const { code, windowEndsAt } = await issueCheckinCode(hmac, key, 42, at(0), options);
    expect(windowEndsAt).toEqual(at(60_000));
    expect(await verifyCheckinCode(hmac, key, code, 42, at(59_999), options)).toMatchObject({ ok: true });
    expect(await verifyCheckinCode(hmac, key, code, 42, at(60_000), options)).toEqual({ ok: false, reason: 'expired' });
    await expect(issueCheckinCode(hmac, key, 42, at(0), { windowSeconds: 0 })).rejects.toThrow(RangeError);
  });

  it('verify with only the master secret', async () => {
    const { code } = await issueCheckinCode(hmac, key, 42, at(0));
    expect(await verifyCheckinCodeWithSecret(hmac, SECRET, code, at(10_000))).toMatchObject({ ok: true, eventId: 42 });
    expect(await verifyCheckinCodeWithSecret(hmac, 'another-secret', code, at(10_000))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verifyCheckinCodeWithSecret(hmac, SECRET, 'nonsense', at(10_000))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuse forged, altered, foreign and truncated codes', async () => {
    const { code } = await issueCheckinCode(hmac, key, 42, at(0));
    const [head, windowText, tag] = code.split('.');
    const forgedTag = (tag[0] === 'A' ? 'B' : 'A') + tag.slice(1);
    expect(await verifyCheckinCode(hmac, key, `${head}.${windowText}.${forgedTag}`, 42, at(0))).toEqual({ ok: false, reason: 'bad_signature' });
    // A later window with the old tag: someone trying to refresh an expired code.
    const later = (parseInt(windowText, 36) + 5).toString(36);
    expect(await verifyCheckinCode(hmac, key, `${head}.${later}.${tag}`, 42, at(150_000))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verifyCheckinCode(hmac, key, code, 43, at(0))).toEqual({ ok: false, reason: 'wrong_event' });
    // Relabelled for event 43 and checked with event 43's key.
    const key43 = await deriveEventKey(hmac, SECRET, 43);
    expect(await verifyCheckinCode(hmac, key43, code.replace(/^c16/, 'c17'), 43, at(0))).toEqual({ ok: false, reason: 'bad_signature' });
    for (let n = 0; n < code.length; n++) {
      expect((await verifyCheckinCode(hmac, key, code.slice(0, n), 42, at(0))).ok).toBe(false);
    }
    for (const bad of ['', 'c', 'x16.1.AAAAAAAAAAAAAAAA', `${code}.x`, code.replace(/^c16/, 'c016'), code.replace(/^c16/, 'cG'), `${code}AAAA`]) {
      expect(await verifyCheckinCode(hmac, key, bad, 42, at(0))).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('are told apart from tickets', async () => {
    const { code } = await issueCheckinCode(hmac, key, 42, at(0));
    expect(checkinTokenKind(code)).toBe('screen_code');
    expect(checkinTokenKind('t1.42.AbCdEfGh-_012345.AAAAAAAAAAAAAAAAAAAAAA')).toBe('ticket');
    expect(checkinTokenKind('hello')).toBeNull();
    expect(parseCheckinCode('t1.42.x.y')).toBeNull();
  });

  it('have a message for every refusal', () => {
    for (const r of CHECKIN_CODE_REFUSALS) expect(CHECKIN_CODE_REFUSAL_LABELS[r]).toBeTruthy();
  });
});

describe('event scenes', () => {
  it('round-trips an event id and fits a mini-program code', () => {
    for (const id of [1, 35, 36, 123456, 2 ** 40]) {
      const scene = eventScene(id);
      expect(isValidWxaScene(scene)).toBe(true);
      expect(parseEventScene(scene)).toBe(id);
    }
    expect(eventScene(36)).toBe('e10');
  });

  it('is not mistaken for a check-in code, and rejects anything else', () => {
    expect(checkinTokenKind(eventScene(7))).toBeNull();
    for (const bad of ['e', 'e0', 'e01', 'E7', 'x7', 'e7.1', 'c7.1.abc']) expect(parseEventScene(bad)).toBeNull();
    expect(() => eventScene(0)).toThrow(RangeError);
  });
});

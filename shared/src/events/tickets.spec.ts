import { webCryptoHmacSha256, type RandomBytes } from './crypto';
import {
  TICKET_REFUSAL_LABELS,
  TICKET_REFUSALS,
  decodeEventKey,
  deriveEventKey,
  encodeEventKey,
  generateTicketCode,
  isTicketCode,
  parseTicketToken,
  signTicket,
  verifyTicket,
  verifyTicketWithSecret,
} from './tickets';

const hmac = webCryptoHmacSha256();
const webcrypto = (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
const random: RandomBytes = (n) => webcrypto.getRandomValues(new Uint8Array(n));
const SECRET = 'a-server-secret-of-at-least-32-characters';
const CODE = 'AbCdEfGh-_012345';

/** Replaces the character at `i` with a different one of the same alphabet. */
function flip(text: string, i: number): string {
  const c = text[i] === 'A' ? 'B' : 'A';
  return text.slice(0, i) + c + text.slice(i + 1);
}

describe('ticket codes', () => {
  it('are 16 base64url characters from 12 random bytes, and differ each time', () => {
    const a = generateTicketCode(random);
    const b = generateTicketCode(random);
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(isTicketCode(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(isTicketCode('short')).toBe(false);
    expect(isTicketCode('AbCdEfGh+/012345')).toBe(false);
  });

  it('refuse a random source that returns too few bytes', () => {
    expect(() => generateTicketCode(() => new Uint8Array(4))).toThrow(/wrong number of bytes/);
  });
});

describe('event keys', () => {
  it('are 32 bytes, differ per event and per secret, and survive the trip to the browser', async () => {
    const k7 = await deriveEventKey(hmac, SECRET, 7);
    const k8 = await deriveEventKey(hmac, SECRET, 8);
    const other = await deriveEventKey(hmac, 'another-secret', 7);
    expect(k7).toHaveLength(32);
    expect(encodeEventKey(k7)).not.toBe(encodeEventKey(k8));
    expect(encodeEventKey(k7)).not.toBe(encodeEventKey(other));
    expect(encodeEventKey(k7)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(decodeEventKey(encodeEventKey(k7))).toEqual(k7);
    expect(decodeEventKey('too-short')).toBeNull();
    expect(decodeEventKey('not base64!')).toBeNull();
  });

  it('equal HMAC(secret, "event:<id>") and accept the secret as bytes', async () => {
    const utf8Secret = Uint8Array.from(SECRET, (c) => c.charCodeAt(0));
    const direct = await hmac(
      utf8Secret,
      Uint8Array.from('event:7', (c) => c.charCodeAt(0)),
    );
    expect(await deriveEventKey(hmac, SECRET, 7)).toEqual(direct);
    expect(await deriveEventKey(hmac, utf8Secret, 7)).toEqual(direct);
  });

  it('refuse an empty secret and invalid event ids', async () => {
    await expect(deriveEventKey(hmac, '', 1)).rejects.toThrow(/empty/);
    await expect(deriveEventKey(hmac, SECRET, 0)).rejects.toThrow(RangeError);
    await expect(deriveEventKey(hmac, SECRET, 1.5)).rejects.toThrow(RangeError);
  });
});

describe('ticket tokens', () => {
  let key: Uint8Array;
  let token: string;
  beforeAll(async () => {
    key = await deriveEventKey(hmac, SECRET, 42);
    token = await signTicket(hmac, key, 42, CODE);
  });

  it('read t1.<eventId>.<code>.<128-bit tag> and hold no registration id', () => {
    expect(token).toMatch(/^t1\.42\.AbCdEfGh-_012345\.[A-Za-z0-9_-]{22}$/);
    expect(parseTicketToken(token)).toMatchObject({ eventId: 42, code: CODE });
    expect(parseTicketToken(token)!.tag).toHaveLength(16);
  });

  it('are deterministic for the same key, event and code', async () => {
    expect(await signTicket(hmac, key, 42, CODE)).toBe(token);
  });

  it('verify with the event key and with only the master secret', async () => {
    expect(await verifyTicket(hmac, key, token, 42)).toEqual({ ok: true, eventId: 42, code: CODE });
    expect(await verifyTicketWithSecret(hmac, SECRET, token)).toEqual({ ok: true, eventId: 42, code: CODE });
    expect(await verifyTicketWithSecret(hmac, SECRET, token, 42)).toEqual({ ok: true, eventId: 42, code: CODE });
    // Scanners add whitespace or a newline.
    expect(await verifyTicket(hmac, key, ` ${token}\n`, 42)).toMatchObject({ ok: true });
  });

  it('refuse a forged signature', async () => {
    const tagStart = token.lastIndexOf('.') + 1;
    for (const i of [tagStart, tagStart + 10, token.length - 2]) {
      expect(await verifyTicket(hmac, key, flip(token, i), 42)).toEqual({ ok: false, reason: 'bad_signature' });
    }
    const made = `t1.42.${CODE}.${'A'.repeat(22)}`;
    expect(await verifyTicket(hmac, key, made, 42)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuse an altered payload', async () => {
    const otherCode = flip(token, 't1.42.'.length + 3);
    expect(await verifyTicket(hmac, key, otherCode, 42)).toEqual({ ok: false, reason: 'bad_signature' });
    // Moving a genuine ticket to another event, even with that event's key, breaks the signature.
    const moved = token.replace('t1.42.', 't1.43.');
    expect(await verifyTicketWithSecret(hmac, SECRET, moved)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verifyTicket(hmac, await deriveEventKey(hmac, SECRET, 43), moved, 43)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuse a ticket of another event as such', async () => {
    expect(await verifyTicket(hmac, key, token, 43)).toEqual({ ok: false, reason: 'wrong_event' });
    expect(await verifyTicketWithSecret(hmac, SECRET, token, 43)).toEqual({ ok: false, reason: 'wrong_event' });
  });

  it('refuse a ticket signed under another secret', async () => {
    expect(await verifyTicketWithSecret(hmac, 'another-secret', token)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuse truncated and malformed tokens', async () => {
    for (let n = 0; n < token.length; n++) {
      const result = await verifyTicket(hmac, key, token.slice(0, n), 42);
      expect(result.ok).toBe(false);
    }
    for (const bad of [
      '',
      'garbage',
      token.replace('t1.', 't2.'),
      token.replace('t1.42.', 't1.042.'),
      token.replace('t1.42.', 't1.-42.'),
      token.replace('t1.42.', 't1.99999999999999999.'),
      `${token}.extra`,
      token.replace(CODE, `${CODE}A`),
      `${token}A`,
      token.slice(0, -1) + '=',
    ]) {
      expect(await verifyTicket(hmac, key, bad, 42)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('are signed only for valid codes and event ids', async () => {
    await expect(signTicket(hmac, key, 42, 'bad code')).rejects.toThrow(RangeError);
    await expect(signTicket(hmac, key, -1, CODE)).rejects.toThrow(RangeError);
  });

  it('have a message for every refusal', () => {
    for (const r of TICKET_REFUSALS) expect(TICKET_REFUSAL_LABELS[r]).toBeTruthy();
  });
});

/**
 * Signed event tickets.
 *
 * Design. Each registration gets a random ticket code (96 bits) stored on its row (unique per
 * event) and shown as a ticket while the seat is confirmed. The QR holds
 * `t1.<eventId>.<code>.<tag>`, where tag is HMAC-SHA256 under the event's key, truncated to 128
 * bits (RFC 2104 §5: at least half the hash length).
 * - No registration id is in the token: the code is random, so tickets cannot be enumerated and
 *   say nothing about how many people signed up or in what order. Staff can revoke a ticket by
 *   giving the registration a new code. (Encrypting the id was the alternative; it would need a
 *   cipher on every platform and a browser holding the decryption key could read ids anyway.)
 * - The event id is in clear: it is the event's public id (in its page URL), it lets anyone holding
 *   only the master secret pick the key and verify without a database, and it lets the check-in
 *   page say "this ticket is for another event" instead of "forged".
 * - Keys: the event key is HMAC(master secret, "event:<id>"). The admin's check-in page receives
 *   only that key for the event it works on, so it can verify tickets offline without holding a
 *   secret that would let it forge tickets for any other event.
 */
import { base64UrlDecode, base64UrlEncode, constantTimeEqual, utf8, type HmacSha256, type RandomBytes } from './crypto';

/** The master secret as configured (a string) or raw bytes. */
export type SecretInput = string | Uint8Array;

export const TICKET_TOKEN_PREFIX = 't1';
export const TICKET_CODE_BYTES = 12;
/** Length of a ticket code: 12 random bytes in base64url. */
export const TICKET_CODE_LENGTH = 16;
const TICKET_TAG_BYTES = 16;
const EVENT_KEY_BYTES = 32;

const TICKET_CODE_RE = /^[A-Za-z0-9_-]{16}$/;
const EVENT_ID_RE = /^[1-9][0-9]{0,15}$/;

export const TICKET_REFUSALS = ['malformed', 'wrong_event', 'bad_signature'] as const;
export type TicketRefusal = (typeof TICKET_REFUSALS)[number];
export const TICKET_REFUSAL_LABELS: Record<TicketRefusal, string> = {
  malformed: '无法识别的电子票，请让参与者重新打开电子票二维码',
  wrong_event: '这张电子票不是本场活动的',
  bad_signature: '电子票校验失败，可能是伪造或已被篡改',
};

export type TicketVerification = { ok: true; eventId: number; code: string } | { ok: false; reason: TicketRefusal };

function secretBytes(secret: SecretInput): Uint8Array {
  const bytes = typeof secret === 'string' ? utf8(secret) : secret;
  if (bytes.length === 0) throw new Error('the token secret is empty');
  return bytes;
}

function assertEventId(eventId: number): void {
  if (!Number.isSafeInteger(eventId) || eventId < 1) throw new RangeError(`invalid event id ${eventId}`);
}

/** The per-event key: HMAC(secret, "event:<eventId>"), 32 bytes. */
export async function deriveEventKey(hmac: HmacSha256, secret: SecretInput, eventId: number): Promise<Uint8Array> {
  assertEventId(eventId);
  return hmac(secretBytes(secret), utf8(`event:${eventId}`));
}

/** An event key as text, for the check-in page's offline kit. */
export function encodeEventKey(key: Uint8Array): string {
  return base64UrlEncode(key);
}

/** The key sent by `encodeEventKey`, or null if it is not one. */
export function decodeEventKey(text: string): Uint8Array | null {
  const key = base64UrlDecode(text);
  return key && key.length === EVENT_KEY_BYTES ? key : null;
}

/** A fresh random ticket code to store on a registration (unique per event; regenerate on collision). */
export function generateTicketCode(random: RandomBytes): string {
  const bytes = random(TICKET_CODE_BYTES);
  if (bytes.length !== TICKET_CODE_BYTES) throw new Error('the random source returned the wrong number of bytes');
  return base64UrlEncode(bytes);
}

export function isTicketCode(code: string): boolean {
  return TICKET_CODE_RE.test(code);
}

function ticketMessage(eventId: number, code: string): Uint8Array {
  return utf8(`ticket:${TICKET_TOKEN_PREFIX}:${eventId}:${code}`);
}

async function ticketTag(hmac: HmacSha256, eventKey: Uint8Array, eventId: number, code: string): Promise<Uint8Array> {
  return (await hmac(eventKey, ticketMessage(eventId, code))).slice(0, TICKET_TAG_BYTES);
}

/** The text of a ticket QR: `t1.<eventId>.<code>.<tag>` (at most 59 characters, about 45 for usual ids). */
export async function signTicket(hmac: HmacSha256, eventKey: Uint8Array, eventId: number, code: string): Promise<string> {
  assertEventId(eventId);
  if (!isTicketCode(code)) throw new RangeError('invalid ticket code');
  const tag = await ticketTag(hmac, eventKey, eventId, code);
  return `${TICKET_TOKEN_PREFIX}.${eventId}.${code}.${base64UrlEncode(tag)}`;
}

/** Splits a ticket token without checking its signature; null if it is not shaped like one. */
export function parseTicketToken(token: string): { eventId: number; code: string; tag: Uint8Array } | null {
  const parts = token.trim().split('.');
  if (parts.length !== 4 || parts[0] !== TICKET_TOKEN_PREFIX) return null;
  const [, id, code, tagText] = parts;
  if (!EVENT_ID_RE.test(id) || !isTicketCode(code)) return null;
  const eventId = Number(id);
  if (!Number.isSafeInteger(eventId)) return null;
  const tag = base64UrlDecode(tagText);
  if (!tag || tag.length !== TICKET_TAG_BYTES) return null;
  return { eventId, code, tag };
}

/**
 * Checks a scanned ticket with the key of the event being checked in (what the offline check-in
 * page holds). The ticket must also be for `expectedEventId`.
 */
export async function verifyTicket(hmac: HmacSha256, eventKey: Uint8Array, token: string, expectedEventId: number): Promise<TicketVerification> {
  const parsed = parseTicketToken(token);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (parsed.eventId !== expectedEventId) return { ok: false, reason: 'wrong_event' };
  const expected = await ticketTag(hmac, eventKey, parsed.eventId, parsed.code);
  if (!constantTimeEqual(expected, parsed.tag)) return { ok: false, reason: 'bad_signature' };
  return { ok: true, eventId: parsed.eventId, code: parsed.code };
}

/**
 * Checks a ticket with only the master secret (the server): the event comes from the token. Pass
 * `expectedEventId` when the request is about one event, so a ticket for another is refused as such.
 */
export async function verifyTicketWithSecret(hmac: HmacSha256, secret: SecretInput, token: string, expectedEventId?: number): Promise<TicketVerification> {
  const parsed = parseTicketToken(token);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const eventId = expectedEventId ?? parsed.eventId;
  if (parsed.eventId !== eventId) return { ok: false, reason: 'wrong_event' };
  return verifyTicket(hmac, await deriveEventKey(hmac, secret, eventId), token, eventId);
}

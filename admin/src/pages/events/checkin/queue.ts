/**
 * The queue of check-ins made on this device and not yet confirmed by the server. Every check-in
 * goes through it (online it is uploaded at once), so a dropped connection never loses one; each
 * carries a client id, so uploading it twice is harmless.
 */
import type { StaffCheckinItem, StaffCheckinItemResult } from '@xinqiao/shared';
import type { KeyValueStorage } from './kitStore';

export interface QueuedCheckin {
  clientId: string;
  /** The ticket code: from the scanned ticket, or of the row picked by name or phone. */
  code: string;
  /** The scanned ticket, sent so the server verifies it again. */
  token?: string;
  method: StaffCheckinItem['method'];
  /** When it happened on the device (the server counts this time, not the upload's). */
  checkedInAt: string;
  /** Masked name, to show what is waiting. */
  label: string | null;
}

/** The server takes at most this many items per request. */
export const UPLOAD_BATCH_SIZE = 500;

const QUEUE_PREFIX = 'xq.checkin.queue.';
export const queueKey = (eventId: number) => `${QUEUE_PREFIX}${eventId}`;

function isQueued(value: unknown): value is QueuedCheckin {
  const v = value as Partial<QueuedCheckin> | null;
  return Boolean(
    v &&
    typeof v.clientId === 'string' &&
    typeof v.code === 'string' &&
    typeof v.checkedInAt === 'string' &&
    (v.method === 'ticket_scan' || v.method === 'manual'),
  );
}

export function loadQueue(storage: KeyValueStorage, eventId: number): QueuedCheckin[] {
  const raw = storage.getItem(queueKey(eventId));
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isQueued) : [];
  } catch {
    return [];
  }
}

/**
 * Events with check-ins still waiting on this device, e.g. a tab closed while offline. The event
 * list points to them: the queue goes up only from that event's check-in page.
 */
export function pendingQueues(storage: KeyValueStorage): { eventId: number; count: number }[] {
  const out: { eventId: number; count: number }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(QUEUE_PREFIX)) continue;
    const eventId = Number(key.slice(QUEUE_PREFIX.length));
    if (!Number.isInteger(eventId) || eventId < 1) continue;
    const count = loadQueue(storage, eventId).length;
    if (count) out.push({ eventId, count });
  }
  return out.sort((a, b) => a.eventId - b.eventId);
}

/** False when the device refused to store it: the page then warns that a reload would lose the queue. */
export function saveQueue(storage: KeyValueStorage, eventId: number, queue: readonly QueuedCheckin[]): boolean {
  try {
    if (queue.length) storage.setItem(queueKey(eventId), JSON.stringify(queue));
    else storage.removeItem(queueKey(eventId));
    return true;
  } catch {
    return false;
  }
}

export function toUploadItem(q: QueuedCheckin): StaffCheckinItem {
  return q.method === 'ticket_scan' && q.token
    ? { clientId: q.clientId, token: q.token, method: 'ticket_scan', checkedInAt: q.checkedInAt }
    : { clientId: q.clientId, code: q.code, method: q.method, checkedInAt: q.checkedInAt };
}

export interface AppliedResults {
  /** Still waiting: not in this batch, or the server left them unanswered. */
  remaining: QueuedCheckin[];
  accepted: { item: QueuedCheckin; result: StaffCheckinItemResult }[];
  refused: { item: QueuedCheckin; result: StaffCheckinItemResult }[];
}

/** Takes the server's answers off the queue; items added while the upload ran stay queued. */
export function applyResults(queue: readonly QueuedCheckin[], results: readonly StaffCheckinItemResult[]): AppliedResults {
  const byId = new Map(results.map((r) => [r.clientId, r]));
  const out: AppliedResults = { remaining: [], accepted: [], refused: [] };
  for (const item of queue) {
    const result = byId.get(item.clientId);
    if (!result) out.remaining.push(item);
    else if (result.outcome === 'refused') out.refused.push({ item, result });
    else out.accepted.push({ item, result });
  }
  return out;
}

/** Waits between automatic retries: 5 s, 10 s, 20 s … at most a minute. */
export function retryDelayMs(failures: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.max(0, failures - 1));
}

/** Worth retrying by itself: no connection, the server busy or failing. Other errors wait for the user. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

/**
 * A random UUID (v4). `crypto.randomUUID` exists only on HTTPS and localhost, `getRandomValues`
 * everywhere, and check-in must also work on a plain-HTTP intranet address.
 */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A camera sees the same QR in many frames: the same text within `gapMs` of the last accepted one is
 * ignored. A different text, or the same after the gap, is read again (and answered 已签到).
 */
export function acceptScan(last: { text: string; at: number } | null, text: string, at: number, gapMs = 3_000): boolean {
  return !last || last.text !== text || at - last.at >= gapMs;
}

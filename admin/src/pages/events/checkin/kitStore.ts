/**
 * What the check-in page keeps on the device so it can go on checking people in without a network:
 * the event's check-in kit (event key + masked ticket list) with a snapshot of the event, and the
 * queue of check-ins not yet uploaded. Kept in localStorage (small, synchronous, survives a reload);
 * the storage is passed in so the rules are tested without a browser.
 */
import { maskName, type CheckinKit, type EventCounts, type EventStatus, type OfflineTicket } from '@xinqiao/shared';

/** The part of `Storage` used here. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** What the page needs to judge a check-in offline and show the event. */
export interface EventSnapshot {
  id: number;
  title: string;
  status: EventStatus;
  startsAt: string;
  endsAt: string;
  venueName: string;
  counts: EventCounts;
}

export interface StoredKit {
  kit: CheckinKit;
  event: EventSnapshot | null;
  savedAt: string;
}

const KIT_PREFIX = 'xq.checkin.kit.';

/**
 * The kit holds the event key and (masked) names: it is dropped this long after check-in closes,
 * which leaves time to finish uploading and look back at the list, but not to keep it around.
 */
export const KIT_KEEP_AFTER_CLOSE_MS = 6 * 60 * 60_000;

export const kitKey = (eventId: number) => `${KIT_PREFIX}${eventId}`;

export function kitExpiresAt(kit: Pick<CheckinKit, 'checkinClosesAt'>): Date {
  return new Date(new Date(kit.checkinClosesAt).getTime() + KIT_KEEP_AFTER_CLOSE_MS);
}

function isStoredKit(value: unknown, eventId: number): value is StoredKit {
  const v = value as Partial<StoredKit> | null;
  return Boolean(
    v &&
    typeof v === 'object' &&
    v.kit &&
    v.kit.eventId === eventId &&
    typeof v.kit.eventKey === 'string' &&
    typeof v.kit.checkinClosesAt === 'string' &&
    Array.isArray(v.kit.tickets),
  );
}

/** False when the device refused to store it (quota, private mode): offline check-in is then unavailable. */
export function saveKit(storage: KeyValueStorage, stored: StoredKit): boolean {
  try {
    storage.setItem(kitKey(stored.kit.eventId), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/** The kit kept for the event, or null (none, unreadable, or expired: those are removed). */
export function loadKit(storage: KeyValueStorage, eventId: number, now: Date): StoredKit | null {
  const key = kitKey(eventId);
  const raw = storage.getItem(key);
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  if (!isStoredKit(parsed, eventId) || kitExpiresAt(parsed.kit).getTime() <= now.getTime()) {
    storage.removeItem(key);
    return null;
  }
  return parsed;
}

/** Removes the kits of every event whose check-in is long over (not only the one open now). */
export function purgeExpiredKits(storage: KeyValueStorage, now: Date): number {
  const ids: number[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(KIT_PREFIX)) ids.push(Number(key.slice(KIT_PREFIX.length)));
  }
  let removed = 0;
  for (const id of ids) {
    if (!Number.isInteger(id)) continue;
    if (loadKit(storage, id, now) === null) removed++;
  }
  return removed;
}

/**
 * The kit with one ticket's check-in recorded (the server confirmed it). A ticket the kit did not
 * list (someone who signed up after it was fetched) is added, so scanning it again says 已签到.
 */
export function markTicketCheckedIn(stored: StoredKit, code: string, checkedInAt: string, name: string | null = null): StoredKit {
  let found = false;
  const tickets = stored.kit.tickets.map((t): OfflineTicket => {
    if (t.code !== code) return t;
    found = true;
    return t.checkedInAt ? t : { ...t, checkedInAt };
  });
  if (!found) tickets.push({ code, name: maskName(name), phoneLast4: null, status: 'confirmed', checkedInAt });
  return { ...stored, kit: { ...stored.kit, tickets } };
}

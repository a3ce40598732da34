import type { CheckinKit } from '@xinqiao/shared';
import { KIT_KEEP_AFTER_CLOSE_MS, kitKey, loadKit, markTicketCheckedIn, purgeExpiredKits, saveKit, type StoredKit } from './kitStore';
import { MemoryStorage } from './testStorage';

const closes = '2026-05-20T03:30:00.000Z';

function kit(eventId: number, patch: Partial<CheckinKit> = {}): CheckinKit {
  return {
    eventId,
    eventTitle: '心理健康讲座',
    eventKey: 'k'.repeat(43),
    checkinOpensAt: '2026-05-20T00:00:00.000Z',
    checkinClosesAt: closes,
    generatedAt: '2026-05-19T00:00:00.000Z',
    tickets: [
      { code: 'AAAAAAAAAAAAAAAA', name: '张*明', phoneLast4: '8000', status: 'confirmed', checkedInAt: null },
      { code: 'BBBBBBBBBBBBBBBB', name: '李*', phoneLast4: '1234', status: 'confirmed', checkedInAt: '2026-05-20T01:00:00.000Z' },
    ],
    ...patch,
  };
}

const stored = (eventId: number): StoredKit => ({ kit: kit(eventId), event: null, savedAt: '2026-05-19T00:00:00.000Z' });
const beforeExpiry = new Date(Date.parse(closes) + KIT_KEEP_AFTER_CLOSE_MS - 1);
const atExpiry = new Date(Date.parse(closes) + KIT_KEEP_AFTER_CLOSE_MS);

describe('kit storage', () => {
  it('keeps a kit until a while after check-in closes, then drops it', () => {
    const storage = new MemoryStorage();
    expect(saveKit(storage, stored(5))).toBe(true);
    expect(loadKit(storage, 5, beforeExpiry)?.kit.tickets).toHaveLength(2);
    expect(loadKit(storage, 5, atExpiry)).toBeNull();
    expect(storage.getItem(kitKey(5))).toBeNull();
  });

  it('ignores and removes what is not a kit of that event', () => {
    const storage = new MemoryStorage();
    storage.setItem(kitKey(5), '{not json');
    expect(loadKit(storage, 5, beforeExpiry)).toBeNull();
    expect(storage.length).toBe(0);
    storage.setItem(kitKey(6), JSON.stringify(stored(7)));
    expect(loadKit(storage, 6, beforeExpiry)).toBeNull();
    expect(loadKit(storage, 9, beforeExpiry)).toBeNull();
  });

  it('says so when the device refuses to store it', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(saveKit(storage, stored(5))).toBe(false);
  });

  it('purges the expired kits of every event and leaves other keys alone', () => {
    const storage = new MemoryStorage();
    saveKit(storage, stored(1));
    saveKit(storage, { ...stored(2), kit: kit(2, { checkinClosesAt: '2030-01-01T00:00:00.000Z' }) });
    storage.setItem('xq.admin.session', '{}');
    expect(purgeExpiredKits(storage, atExpiry)).toBe(1);
    expect([...storage.map.keys()].sort()).toEqual(['xq.admin.session', kitKey(2)]);
  });
});

describe('markTicketCheckedIn', () => {
  it('records the confirmed check-in once, keeping the first time', () => {
    const s = stored(5);
    const next = markTicketCheckedIn(s, 'AAAAAAAAAAAAAAAA', '2026-05-20T01:05:00.000Z');
    expect(next.kit.tickets[0].checkedInAt).toBe('2026-05-20T01:05:00.000Z');
    expect(s.kit.tickets[0].checkedInAt).toBeNull();
    const again = markTicketCheckedIn(next, 'BBBBBBBBBBBBBBBB', '2026-05-20T02:00:00.000Z');
    expect(again.kit.tickets[1].checkedInAt).toBe('2026-05-20T01:00:00.000Z');
  });

  it('adds a ticket the kit did not list, with the name masked', () => {
    const next = markTicketCheckedIn(stored(5), 'CCCCCCCCCCCCCCCC', '2026-05-20T01:05:00.000Z', '王小红');
    expect(next.kit.tickets[2]).toEqual({
      code: 'CCCCCCCCCCCCCCCC',
      name: '王*红',
      phoneLast4: null,
      status: 'confirmed',
      checkedInAt: '2026-05-20T01:05:00.000Z',
    });
  });
});

import type { StaffCheckinItemResult } from '@xinqiao/shared';
import {
  acceptScan,
  applyResults,
  isRetryableStatus,
  loadQueue,
  newClientId,
  pendingQueues,
  queueKey,
  retryDelayMs,
  saveQueue,
  toUploadItem,
  type QueuedCheckin,
} from './queue';
import { MemoryStorage } from './testStorage';

const scan: QueuedCheckin = {
  clientId: '11111111-1111-4111-8111-111111111111',
  code: 'AAAAAAAAAAAAAAAA',
  token: 't1.5.AAAAAAAAAAAAAAAA.tag',
  method: 'ticket_scan',
  checkedInAt: '2026-05-20T01:00:00.000Z',
  label: '张*明',
};
const manual: QueuedCheckin = {
  clientId: '22222222-2222-4222-8222-222222222222',
  code: 'BBBBBBBBBBBBBBBB',
  method: 'manual',
  checkedInAt: '2026-05-20T01:01:00.000Z',
  label: null,
};

const result = (clientId: string, outcome: StaffCheckinItemResult['outcome']): StaffCheckinItemResult => ({
  clientId,
  outcome,
  reason: outcome === 'refused' ? 'ticket_revoked' : null,
  message: outcome === 'refused' ? '该电子票对应的报名已取消或失效' : null,
  name: '张小明',
  checkedInAt: outcome === 'refused' ? null : '2026-05-20T01:00:00.000Z',
});

describe('queue storage', () => {
  it('persists per event and clears the key when empty', () => {
    const storage = new MemoryStorage();
    expect(saveQueue(storage, 5, [scan, manual])).toBe(true);
    expect(loadQueue(storage, 5)).toEqual([scan, manual]);
    expect(loadQueue(storage, 6)).toEqual([]);
    saveQueue(storage, 5, []);
    expect(storage.getItem(queueKey(5))).toBeNull();
  });

  it('drops unreadable entries and reports a refused write', () => {
    const storage = new MemoryStorage();
    storage.setItem(queueKey(5), JSON.stringify([scan, { clientId: 'x' }, 3]));
    expect(loadQueue(storage, 5)).toEqual([scan]);
    storage.setItem(queueKey(5), 'nonsense');
    expect(loadQueue(storage, 5)).toEqual([]);
    storage.full = true;
    expect(saveQueue(storage, 5, [scan])).toBe(false);
  });
});

describe('pendingQueues', () => {
  it('lists the events with check-ins waiting on the device', () => {
    const storage = new MemoryStorage();
    saveQueue(storage, 9, [scan, manual]);
    saveQueue(storage, 3, [manual]);
    storage.setItem(queueKey(4), '[]');
    storage.setItem('xq.checkin.queue.x', JSON.stringify([scan]));
    storage.setItem('xq.admin.session', '{}');
    expect(pendingQueues(storage)).toEqual([
      { eventId: 3, count: 1 },
      { eventId: 9, count: 2 },
    ]);
  });
});

describe('toUploadItem', () => {
  it('sends the ticket for a scan and the code for a manual check-in, nothing local', () => {
    expect(toUploadItem(scan)).toEqual({ clientId: scan.clientId, token: scan.token, method: 'ticket_scan', checkedInAt: scan.checkedInAt });
    expect(toUploadItem(manual)).toEqual({ clientId: manual.clientId, code: manual.code, method: 'manual', checkedInAt: manual.checkedInAt });
  });
});

describe('applyResults', () => {
  it('takes answered items off, splitting accepted from refused, and keeps the rest', () => {
    const later: QueuedCheckin = { ...manual, clientId: '33333333-3333-4333-8333-333333333333' };
    const out = applyResults(
      [scan, manual, later],
      [result(scan.clientId, 'already_checked_in'), result(manual.clientId, 'refused'), result('unknown', 'checked_in')],
    );
    expect(out.remaining).toEqual([later]);
    expect(out.accepted.map((a) => a.item)).toEqual([scan]);
    expect(out.refused.map((r) => [r.item.clientId, r.result.message])).toEqual([[manual.clientId, '该电子票对应的报名已取消或失效']]);
  });
});

describe('retries', () => {
  it('backs off from 5 s to a minute', () => {
    expect([1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('retries by itself only when the network or the server failed', () => {
    expect([0, 429, 500, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409].some(isRetryableStatus)).toBe(false);
  });
});

describe('newClientId', () => {
  it('makes version-4 UUIDs the server accepts', () => {
    const id = newClientId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(newClientId()).not.toBe(id);
    expect(newClientId((b) => b.fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});

describe('acceptScan', () => {
  it('ignores the same code seen again by the camera within the gap', () => {
    expect(acceptScan(null, 'a', 0)).toBe(true);
    expect(acceptScan({ text: 'a', at: 0 }, 'a', 2_999)).toBe(false);
    expect(acceptScan({ text: 'a', at: 0 }, 'a', 3_000)).toBe(true);
    expect(acceptScan({ text: 'a', at: 0 }, 'b', 10)).toBe(true);
  });
});

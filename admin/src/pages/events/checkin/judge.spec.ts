import { deriveEventKey, encodeEventKey, issueCheckinCode, signTicket, webCryptoHmacSha256, type CheckinKit } from '@xinqiao/shared';
import { attendanceFromCounts, attendanceFromKit, attendanceText, checkedInAt, judgeManual, judgeScan, SCREEN_CODE_MESSAGE, type JudgeContext } from './judge';
import type { EventSnapshot } from './kitStore';
import type { QueuedCheckin } from './queue';

const hmac = webCryptoHmacSha256();
const EVENT_ID = 42;
const CODES = { zhang: 'AAAAAAAAAAAAAAAA', li: 'BBBBBBBBBBBBBBBB', wang: 'CCCCCCCCCCCCCCCC', late: 'DDDDDDDDDDDDDDDD' };

const event: EventSnapshot = {
  id: EVENT_ID,
  title: '心理健康讲座',
  status: 'published',
  startsAt: '2026-05-20T01:00:00.000Z',
  endsAt: '2026-05-20T03:00:00.000Z',
  venueName: '活动室',
  counts: { confirmed: 3, offered: 0, waitlisted: 0, walkIns: 0, checkedIn: 1 },
};
const during = new Date('2026-05-20T01:10:00.000Z');

let key: Uint8Array;
let kit: CheckinKit;
const ticket = (code: string, eventId = EVENT_ID, k: Uint8Array = key) => signTicket(hmac, k, eventId, code);

beforeAll(async () => {
  key = await deriveEventKey(hmac, 'master-secret', EVENT_ID);
  kit = {
    eventId: EVENT_ID,
    eventTitle: event.title,
    eventKey: encodeEventKey(key),
    // The server's window: an hour before the start to half an hour after the end.
    checkinOpensAt: '2026-05-20T00:00:00.000Z',
    checkinClosesAt: '2026-05-20T03:30:00.000Z',
    generatedAt: '2026-05-20T00:30:00.000Z',
    tickets: [
      { code: CODES.zhang, name: '张*明', phoneLast4: '8000', status: 'confirmed', checkedInAt: null },
      { code: CODES.li, name: '李*', phoneLast4: '1234', status: 'confirmed', checkedInAt: '2026-05-20T01:02:00.000Z' },
      { code: CODES.wang, name: '王*红', phoneLast4: '5678', status: 'cancelled', checkedInAt: null },
    ],
  };
});

const ctx = (patch: Partial<JudgeContext> = {}): JudgeContext => ({ eventId: EVENT_ID, kit, event, queue: [], hmac, now: during, ...patch });

describe('judgeScan', () => {
  it('checks in a genuine ticket of someone on the list', async () => {
    expect(await judgeScan(`  ${await ticket(CODES.zhang)}\n`, ctx())).toMatchObject({
      kind: 'check_in',
      code: CODES.zhang,
      verified: true,
      listed: true,
      ticket: { name: '张*明' },
    });
  });

  it('answers 已签到 for a check-in known to the kit or waiting in the queue', async () => {
    expect(await judgeScan(await ticket(CODES.li), ctx())).toMatchObject({ kind: 'already', checkedInAt: '2026-05-20T01:02:00.000Z' });
    const queued: QueuedCheckin = { clientId: 'c1c1c1c1', code: CODES.zhang, method: 'ticket_scan', checkedInAt: '2026-05-20T01:09:00.000Z', label: '张*明' };
    expect(await judgeScan(await ticket(CODES.zhang), ctx({ queue: [queued] }))).toMatchObject({ kind: 'already', checkedInAt: queued.checkedInAt });
  });

  it('refuses forged, foreign and unreadable texts, and the screen code', async () => {
    const otherKey = await deriveEventKey(hmac, 'another-secret', EVENT_ID);
    expect(await judgeScan(await ticket(CODES.zhang, EVENT_ID, otherKey), ctx())).toEqual({ kind: 'refused', message: '电子票校验失败，可能是伪造或已被篡改' });
    expect(await judgeScan(await ticket(CODES.zhang, 43), ctx())).toEqual({ kind: 'refused', message: '这张电子票不是本场活动的' });
    expect(await judgeScan('hello', ctx())).toEqual({ kind: 'refused', message: '无法识别的电子票，请让参与者重新打开电子票二维码' });
    const screen = await issueCheckinCode(hmac, key, EVENT_ID, during);
    expect(await judgeScan(screen.code, ctx())).toEqual({ kind: 'refused', message: SCREEN_CODE_MESSAGE });
  });

  it('refuses a revoked ticket and check-in outside the window, as the server would', async () => {
    expect(await judgeScan(await ticket(CODES.wang), ctx())).toEqual({ kind: 'refused', message: '该电子票对应的报名已取消或失效' });
    expect(await judgeScan(await ticket(CODES.zhang), ctx({ now: new Date('2026-05-19T23:59:00.000Z') }))).toEqual({
      kind: 'refused',
      message: '尚未到签到时间',
    });
    expect(await judgeScan(await ticket(CODES.zhang), ctx({ now: new Date('2026-05-20T03:31:00.000Z') }))).toEqual({
      kind: 'refused',
      message: '签到时间已过',
    });
    expect(await judgeScan(await ticket(CODES.zhang), ctx({ event: { ...event, status: 'cancelled' } }))).toEqual({
      kind: 'refused',
      message: '活动已取消，无法签到',
    });
  });

  it('leaves a genuine ticket missing from the kit to the server', async () => {
    expect(await judgeScan(await ticket(CODES.late), ctx())).toEqual({ kind: 'check_in', code: CODES.late, ticket: null, verified: true, listed: false });
  });

  it('without WebCrypto, takes a well-formed ticket of this event unverified', async () => {
    const otherKey = await deriveEventKey(hmac, 'another-secret', EVENT_ID);
    expect(await judgeScan(await ticket(CODES.zhang, EVENT_ID, otherKey), ctx({ hmac: null }))).toMatchObject({
      kind: 'check_in',
      verified: false,
      listed: true,
    });
    expect(await judgeScan(await ticket(CODES.zhang, 43), ctx({ hmac: null }))).toMatchObject({ kind: 'refused' });
  });

  it('without a kit (never fetched), still checks shape and event and leaves the rest to the server', async () => {
    expect(await judgeScan(await ticket(CODES.zhang), ctx({ kit: null, event: null }))).toEqual({
      kind: 'check_in',
      code: CODES.zhang,
      ticket: null,
      verified: false,
      listed: false,
    });
  });
});

describe('judgeManual', () => {
  it('checks in a listed person once', () => {
    expect(judgeManual(CODES.zhang, ctx())).toMatchObject({ kind: 'check_in', verified: true, listed: true });
    expect(judgeManual(CODES.li, ctx())).toMatchObject({ kind: 'already' });
    expect(judgeManual(CODES.wang, ctx())).toMatchObject({ kind: 'refused' });
  });
});

describe('attendance', () => {
  it('counts from the server or the kit, plus what waits in the queue', () => {
    expect(attendanceFromCounts({ confirmed: 10, offered: 2, waitlisted: 5, walkIns: 1, checkedIn: 4 })).toEqual({ checkedIn: 4, signedUp: 12 });
    expect(attendanceFromKit(kit)).toEqual({ checkedIn: 1, signedUp: 2 });
    expect(attendanceText({ checkedIn: 1, signedUp: 2 }, 1)).toBe('已签到 2 / 已报名 2');
  });

  it('knows check-in times from the queue first, then the kit', () => {
    expect(checkedInAt({ kit, queue: [] }, CODES.li)).toBe('2026-05-20T01:02:00.000Z');
    expect(checkedInAt({ kit, queue: [] }, CODES.zhang)).toBeNull();
    expect(checkedInAt({ kit: null, queue: [] }, CODES.zhang)).toBeNull();
  });
});

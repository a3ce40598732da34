/**
 * Judging a check-in on the device, before (or without) asking the server: the ticket's signature
 * with the event key from the kit, the person's registration from the kit's list, and the event's
 * status and check-in window with the same rules as the server (`decideCheckin`).
 */
import {
  CHECKIN_REFUSAL_LABELS,
  TICKET_REFUSAL_LABELS,
  checkinTokenKind,
  decideCheckin,
  decodeEventKey,
  parseTicketToken,
  verifyTicket,
  type CheckinKit,
  type CheckinWindowPolicy,
  type EventCounts,
  type HmacSha256,
  type OfflineTicket,
} from '@xinqiao/shared';
import type { EventSnapshot } from './kitStore';
import type { QueuedCheckin } from './queue';

export type CheckinJudgement =
  /**
   * Record it now and queue it. `verified`: the signature was checked here; `listed`: the kit knows
   * the person (otherwise they signed up after it was fetched, or the ticket was revoked: the
   * server decides).
   */
  | { kind: 'check_in'; code: string; ticket: OfflineTicket | null; verified: boolean; listed: boolean }
  | { kind: 'already'; code: string; ticket: OfflineTicket | null; checkedInAt: string }
  | { kind: 'refused'; message: string };

export interface JudgeContext {
  eventId: number;
  kit: CheckinKit | null;
  event: EventSnapshot | null;
  /** Check-ins made on this device that the server has not confirmed yet. */
  queue: readonly QueuedCheckin[];
  /** Null where WebCrypto is missing (plain HTTP): signatures are left to the server. */
  hmac: HmacSha256 | null;
  now: Date;
}

export const SCREEN_CODE_MESSAGE = '这是活动现场的签到码，请扫描参与者的电子票';

/** The window the server uses, as the kit states it, expressed as a policy around the event's times. */
function kitPolicy(kit: CheckinKit, event: EventSnapshot): CheckinWindowPolicy {
  return {
    opensBeforeMinutes: (Date.parse(event.startsAt) - Date.parse(kit.checkinOpensAt)) / 60_000,
    closesAfterMinutes: (Date.parse(kit.checkinClosesAt) - Date.parse(event.endsAt)) / 60_000,
  };
}

/** When the code was checked in, as far as this device knows. */
export function checkedInAt(ctx: Pick<JudgeContext, 'kit' | 'queue'>, code: string): string | null {
  const queued = ctx.queue.find((q) => q.code === code);
  if (queued) return queued.checkedInAt;
  return ctx.kit?.tickets.find((t) => t.code === code)?.checkedInAt ?? null;
}

function decide(code: string, ticket: OfflineTicket | null, ctx: JudgeContext, verified: boolean): CheckinJudgement {
  const at = checkedInAt(ctx, code);
  if (at) return { kind: 'already', code, ticket, checkedInAt: at };
  if (ctx.event) {
    const decision = decideCheckin({
      event: { status: ctx.event.status, startsAt: new Date(ctx.event.startsAt), endsAt: new Date(ctx.event.endsAt) },
      // A ticket missing from the kit is judged as confirmed here: only the server knows whether it is new or revoked.
      registration: { status: ticket?.status ?? 'confirmed', checkedInAt: null },
      via: 'ticket',
      seatsLeft: 0,
      at: ctx.now,
      policy: ctx.kit ? kitPolicy(ctx.kit, ctx.event) : undefined,
    });
    if (decision.kind === 'refuse') return { kind: 'refused', message: CHECKIN_REFUSAL_LABELS[decision.reason] };
  }
  return { kind: 'check_in', code, ticket, verified, listed: ticket !== null };
}

/** A scanned or typed text: a ticket of this event, verified here when the device can. */
export async function judgeScan(text: string, ctx: JudgeContext): Promise<CheckinJudgement> {
  const token = text.trim();
  if (checkinTokenKind(token) === 'screen_code') return { kind: 'refused', message: SCREEN_CODE_MESSAGE };
  const parsed = parseTicketToken(token);
  if (!parsed) return { kind: 'refused', message: TICKET_REFUSAL_LABELS.malformed };
  if (parsed.eventId !== ctx.eventId) return { kind: 'refused', message: TICKET_REFUSAL_LABELS.wrong_event };
  const key = ctx.kit ? decodeEventKey(ctx.kit.eventKey) : null;
  let verified = false;
  if (key && ctx.hmac) {
    const result = await verifyTicket(ctx.hmac, key, token, ctx.eventId);
    if (!result.ok) return { kind: 'refused', message: TICKET_REFUSAL_LABELS[result.reason] };
    verified = true;
  }
  const ticket = ctx.kit?.tickets.find((t) => t.code === parsed.code) ?? null;
  return decide(parsed.code, ticket, ctx, verified);
}

/** A person picked from the list by name or phone. */
export function judgeManual(code: string, ctx: JudgeContext): CheckinJudgement {
  const ticket = ctx.kit?.tickets.find((t) => t.code === code) ?? null;
  if (!ticket) return { kind: 'refused', message: TICKET_REFUSAL_LABELS.malformed };
  return decide(code, ticket, ctx, true);
}

/** Checked in and signed up (seats held), as last known from the server or the kit. */
export interface AttendanceBase {
  checkedIn: number;
  signedUp: number;
}

export function attendanceFromCounts(counts: EventCounts): AttendanceBase {
  return { checkedIn: counts.checkedIn, signedUp: counts.confirmed + counts.offered };
}

export function attendanceFromKit(kit: CheckinKit): AttendanceBase {
  return {
    checkedIn: kit.tickets.filter((t) => t.checkedInAt).length,
    signedUp: kit.tickets.filter((t) => t.status === 'confirmed' || t.status === 'offered').length,
  };
}

/** "已签到 n / 已报名 m": what the server counted plus what waits in the queue. */
export function attendanceText(base: AttendanceBase, queued: number): string {
  return `已签到 ${base.checkedIn + queued} / 已报名 ${base.signedUp}`;
}

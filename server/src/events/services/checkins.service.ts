import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CHECKIN_CODE_REFUSAL_LABELS,
  CHECKIN_REFUSAL_LABELS,
  EVENT_MINIAPP_PAGE,
  EVENT_REGISTRATION_CONSENT_VERSION,
  TICKET_REFUSAL_LABELS,
  checkinTokenKind,
  checkinWindow,
  decideCheckin,
  encodeEventKey,
  eventScene,
  isTicketCode,
  maskName,
  phoneLast4,
  seatsLeft,
  type CheckinKit,
  type CheckinMethod,
  type CheckinRefusal,
  type CheckinResult,
  type ScreenCodeDto,
  type StaffCheckinItemResult,
  type TicketRefusal,
} from '@xinqiao/shared';
import QRCode from 'qrcode';
import { In, IsNull, Not, Repository, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { AppException } from '../../common/errors/app-exception';
import { WechatClient } from '../../wechat/wechat.client';
import type { CheckinInputDto, StaffCheckinBatchDto } from '../dto/checkin.dto';
import { EventLocks } from './event-locks';
import { EventNotificationsService } from './event-notifications.service';
import { EventRegistration } from '../entities/event-registration.entity';
import { OutreachEvent } from '../entities/event.entity';
import { EventTokensService } from './event-tokens.service';
import { EventsService } from './events.service';
import { RegistrationsService } from './registrations.service';

/** A device clock may run a little ahead; further ahead, the scan time is taken as the upload time. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Width of code images in px (WeChat's default, and readable from across a room on a screen). */
const CODE_WIDTH = 430;

interface Attempt {
  via: 'ticket' | 'screen_code' | 'manual';
  method: CheckinMethod;
  at: Date;
  staff: StaffPrincipal | null;
}

/** Details a resident posts with a screen code: only used for a walk-in. */
interface WalkInDetails {
  residentId: number;
  name?: string;
  phone?: string;
  consentVersion?: number;
}

type Outcome = { ok: true; outcome: 'checked_in' | 'already_checked_in'; walkIn: boolean; reg: EventRegistration } | { ok: false; reason: CheckinRefusal };

interface CodeImage {
  contentType: string;
  bytes: Buffer;
  kind: 'wxacode' | 'qr';
}

function tokenInvalid(reason: TicketRefusal, message: string = TICKET_REFUSAL_LABELS[reason]): AppException {
  return new AppException(400, 'CHECKIN_TOKEN_INVALID', message, { reason });
}

/** `details_required` also names the fields to ask for, so the client needs no second request. */
function checkinRefused(reason: CheckinRefusal, event?: OutreachEvent): AppException {
  const fields = reason === 'details_required' && event ? { requiredFields: event.requiredFields } : {};
  return new AppException(409, 'CHECKIN_REFUSED', CHECKIN_REFUSAL_LABELS[reason], { reason, ...fields });
}

/**
 * Check-in both ways: staff scan a resident's ticket (online, or queued offline and uploaded in a
 * batch), or a resident scans the event screen's rotating code. Every check-in runs under the
 * event's lock with decideCheckin, so it is idempotent and a walk-in never takes a seat that is not
 * there.
 */
@Injectable()
export class CheckinsService {
  private readonly logger = new Logger('Checkins');
  /** Screen code images per event and window: several screens of one event share one WeChat call. */
  private readonly images = new Map<string, Promise<CodeImage>>();

  constructor(
    @InjectRepository(EventRegistration) private readonly repo: Repository<EventRegistration>,
    @InjectRepository(OutreachEvent) private readonly events: Repository<OutreachEvent>,
    private readonly locks: EventLocks,
    private readonly tokens: EventTokensService,
    private readonly eventsService: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly notifications: EventNotificationsService,
    private readonly wechat: WechatClient,
  ) {}

  /** A resident posts the scene of the screen's code. Without a registration, a walk-in when seats remain. */
  async residentCheckin(residentId: number, dto: CheckinInputDto, now = new Date()): Promise<CheckinResult> {
    const token = dto.token.trim();
    if (checkinTokenKind(token) === 'ticket') throw tokenInvalid('malformed', '请扫描活动现场屏幕上的签到码；电子票请出示给工作人员扫描');
    const verified = await this.tokens.verifyScreenCode(token, now);
    if (!verified.ok) {
      const message = CHECKIN_CODE_REFUSAL_LABELS[verified.reason];
      if (verified.reason === 'expired' || verified.reason === 'not_yet_valid') {
        throw new AppException(400, 'CHECKIN_CODE_EXPIRED', message, { reason: verified.reason });
      }
      throw new AppException(400, 'CHECKIN_TOKEN_INVALID', message, { reason: verified.reason });
    }
    const event = await this.events.findOne({ where: { id: verified.eventId } });
    if (!event) throw AppException.notFound('活动');
    const walkIn: WalkInDetails = { residentId, name: dto.name?.trim(), phone: dto.phone, consentVersion: dto.consentVersion };
    const outcome = await this.inLock(event.id, now, async (tx, ev, left) => {
      const reg = await tx.getRepository(EventRegistration).findOne({ where: { eventId: ev.id, residentId } });
      return this.apply(tx, ev, reg, { via: 'screen_code', method: 'screen_code', at: now, staff: null }, left, walkIn);
    });
    return this.answer(event, outcome);
  }

  /** Staff scan one ticket online (POST /checkins). */
  async staffCheckin(staff: StaffPrincipal, dto: CheckinInputDto, now = new Date()): Promise<CheckinResult> {
    const token = dto.token.trim();
    if (checkinTokenKind(token) === 'screen_code') throw tokenInvalid('malformed', '这是现场签到码，请扫描参与者的电子票');
    const verified = await this.tokens.verifyTicket(token);
    if (!verified.ok) throw tokenInvalid(verified.reason);
    const event = await this.eventsService.find(staff, verified.eventId);
    const outcome = await this.inLock(event.id, now, async (tx, ev, left) => {
      const reg = await tx.getRepository(EventRegistration).findOne({ where: { eventId: ev.id, ticketCode: verified.code } });
      if (!reg) return { ok: false, reason: 'ticket_revoked' } as const;
      return this.apply(tx, ev, reg, { via: 'ticket', method: 'ticket_scan', at: now, staff }, left, null);
    });
    return this.answer(event, outcome);
  }

  /**
   * The check-in page's queue: each item verified again, applied in scan order at its scan time.
   * Uploading the same queue twice answers `already_checked_in` for what went through.
   */
  async staffBatch(staff: StaffPrincipal, eventId: number, dto: StaffCheckinBatchDto, now = new Date()): Promise<StaffCheckinItemResult[]> {
    const event = await this.eventsService.find(staff, eventId);
    const results = new Map<string, StaffCheckinItemResult>();
    const refuse = (clientId: string, reason: CheckinRefusal | TicketRefusal, message: string) =>
      results.set(clientId, { clientId, outcome: 'refused', reason, message, name: null, checkedInAt: null });
    const pending: { clientId: string; code: string; attempt: Attempt }[] = [];
    for (const item of dto.items) {
      let code: string | null = null;
      if (item.token) {
        const verified = await this.tokens.verifyTicket(item.token.trim(), event.id);
        if (!verified.ok) {
          refuse(item.clientId, verified.reason, TICKET_REFUSAL_LABELS[verified.reason]);
          continue;
        }
        code = verified.code;
      } else if (item.code && isTicketCode(item.code)) {
        code = item.code;
      }
      if (!code) {
        refuse(item.clientId, 'malformed', TICKET_REFUSAL_LABELS.malformed);
        continue;
      }
      const scanned = new Date(item.checkedInAt);
      const at = scanned.getTime() > now.getTime() + CLOCK_SKEW_MS ? now : scanned;
      pending.push({ clientId: item.clientId, code, attempt: { via: item.method === 'ticket_scan' ? 'ticket' : 'manual', method: item.method, at, staff } });
    }
    pending.sort((a, b) => a.attempt.at.getTime() - b.attempt.at.getTime());
    if (pending.length) {
      const outcomes = await this.inLock(event.id, now, async (tx, ev, left) => {
        const out: { clientId: string; outcome: Outcome }[] = [];
        let free = left;
        for (const p of pending) {
          const reg = await tx.getRepository(EventRegistration).findOne({ where: { eventId: ev.id, ticketCode: p.code } });
          const outcome: Outcome = reg ? await this.apply(tx, ev, reg, p.attempt, free, null) : { ok: false, reason: 'ticket_revoked' };
          if (outcome.ok && outcome.walkIn && outcome.outcome === 'checked_in') free--;
          out.push({ clientId: p.clientId, outcome });
        }
        return out;
      });
      for (const { clientId, outcome } of outcomes) {
        if (!outcome.ok) refuse(clientId, outcome.reason, CHECKIN_REFUSAL_LABELS[outcome.reason]);
        else {
          results.set(clientId, {
            clientId,
            outcome: outcome.outcome,
            reason: null,
            message: null,
            name: outcome.reg.name,
            checkedInAt: outcome.reg.checkedInAt!.toISOString(),
          });
        }
      }
    }
    return dto.items.map((i) => results.get(i.clientId)!);
  }

  /** What the check-in page keeps to work offline: this event's key and its tickets, names masked. */
  async kit(staff: StaffPrincipal, eventId: number, now = new Date()): Promise<CheckinKit> {
    const event = await this.eventsService.find(staff, eventId);
    const regs = await this.repo.find({
      where: [
        { eventId: event.id, status: In(['confirmed', 'offered']) },
        { eventId: event.id, checkedInAt: Not(IsNull()) },
      ],
      order: { id: 'ASC' },
    });
    const window = checkinWindow(event);
    return {
      eventId: event.id,
      eventTitle: event.title,
      eventKey: encodeEventKey(await this.tokens.eventKey(event.id)),
      checkinOpensAt: window.opensAt.toISOString(),
      checkinClosesAt: window.closesAt.toISOString(),
      generatedAt: now.toISOString(),
      tickets: regs.map((r) => ({
        code: r.ticketCode,
        name: maskName(r.name),
        phoneLast4: phoneLast4(r.phone),
        status: r.status,
        checkedInAt: r.checkedInAt?.toISOString() ?? null,
      })),
    };
  }

  /** The event screen's code for the current 30-second window. */
  async screenCode(staff: StaffPrincipal, eventId: number, now = new Date()): Promise<ScreenCodeDto> {
    const event = await this.eventsService.find(staff, eventId);
    if (event.status === 'draft' || event.status === 'cancelled') throw AppException.invalidState('活动未发布或已取消，不能签到');
    const issued = await this.tokens.screenCode(event.id, now);
    const key = `${event.id}:${issued.window}`;
    let image = this.images.get(key);
    if (!image) {
      image = this.codeImage(issued.code, true);
      this.images.set(key, image);
      image.catch(() => this.images.delete(key));
      // Keep only the current windows' images.
      for (const k of this.images.keys()) if (Number(k.split(':')[1]) < issued.window - 1) this.images.delete(k);
    }
    const { contentType, bytes, kind } = await image;
    return {
      scene: issued.code,
      page: EVENT_MINIAPP_PAGE,
      imageDataUrl: `data:${contentType};base64,${bytes.toString('base64')}`,
      imageKind: kind,
      windowEndsAt: issued.windowEndsAt.toISOString(),
      refreshAt: new Date(issued.windowEndsAt.getTime() + 500).toISOString(),
    };
  }

  /** The event's own mini-program code (posters): WeChat's when configured, else a plain QR of the scene. */
  async eventCode(staff: StaffPrincipal, eventId: number): Promise<{ contentType: string; bytes: Buffer }> {
    const event = await this.eventsService.find(staff, eventId);
    return this.codeImage(eventScene(event.id), false);
  }

  /**
   * A code image for `scene`. With WeChat configured it is a mini-program code opening the events
   * page; if WeChat fails, `fallback` decides between a plain QR (the screen must show something)
   * and passing the error on (an organiser printing a poster should know).
   */
  private async codeImage(scene: string, fallback: boolean): Promise<CodeImage> {
    if (this.wechat.isConfigured()) {
      try {
        const image = await this.wechat.getUnlimitedQrCode({ scene, page: EVENT_MINIAPP_PAGE, width: CODE_WIDTH });
        return { ...image, kind: 'wxacode' };
      } catch (e) {
        if (!fallback) throw e;
        this.logger.warn({ err: (e as Error).message }, 'mini-program code unavailable; showing a plain QR code');
      }
    }
    const bytes = await QRCode.toBuffer(scene, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: CODE_WIDTH });
    return { contentType: 'image/png', bytes, kind: 'qr' };
  }

  /** Runs check-in work under the event's lock, after settling its queue, with the seats left. */
  private async inLock<T>(eventId: number, now: Date, work: (tx: EntityManager, ev: OutreachEvent, seatsLeftNow: number) => Promise<T>): Promise<T> {
    const result = await this.locks.run(eventId, async (tx) => {
      const ev = await tx.getRepository(OutreachEvent).findOneByOrFail({ id: eventId });
      const notices = await this.registrations.settle(tx, ev, now);
      const counts = await this.registrations.seatCounts(tx, eventId, now);
      return { value: await work(tx, ev, seatsLeft(ev.capacity, counts)), notices };
    });
    await this.notifications.dispatch(result.notices, now);
    return result.value;
  }

  private async apply(
    tx: EntityManager,
    ev: OutreachEvent,
    reg: EventRegistration | null,
    a: Attempt,
    left: number,
    walkIn: WalkInDetails | null,
  ): Promise<Outcome> {
    const name = walkIn?.name || reg?.name || null;
    const phone = walkIn?.phone || reg?.phone || null;
    const detailsMissing = (ev.requiredFields.includes('name') && !name) || (ev.requiredFields.includes('phone') && !phone);
    const decision = decideCheckin({ event: ev, registration: reg, via: a.via, seatsLeft: left, at: a.at, detailsMissing });
    if (decision.kind === 'refuse') return { ok: false, reason: decision.reason };
    if (decision.kind === 'already_checked_in') return { ok: true, outcome: 'already_checked_in', walkIn: reg!.source === 'walk_in', reg: reg! };
    const regs = tx.getRepository(EventRegistration);
    const checkedIn = { checkedInAt: a.at, checkinMethod: a.method, checkedInById: a.staff?.id ?? null, checkedInByName: a.staff?.displayName ?? null };
    if (decision.kind === 'check_in') {
      // Turning up holding an offer is accepting it.
      const confirm = decision.confirm ? { status: 'confirmed' as const, confirmedAt: a.at } : {};
      return { ok: true, outcome: 'checked_in', walkIn: false, reg: await regs.save(Object.assign(reg!, checkedIn, confirm)) };
    }
    const details = ev.requiredFields.length
      ? { name: ev.requiredFields.includes('name') ? name : null, phone: ev.requiredFields.includes('phone') ? phone : null }
      : { name: null, phone: null };
    const newDetails = (walkIn?.name && walkIn.name !== reg?.name) || (walkIn?.phone && walkIn.phone !== reg?.phone);
    if (ev.requiredFields.length && newDetails && walkIn?.consentVersion !== EVENT_REGISTRATION_CONSENT_VERSION) {
      throw new AppException(409, 'CONSENT_REQUIRED', '报名信息使用说明已更新，请重新阅读并确认后再签到', {
        currentVersion: EVENT_REGISTRATION_CONSENT_VERSION,
      });
    }
    const values: Partial<EventRegistration> = {
      status: 'confirmed',
      source: 'walk_in',
      ...details,
      consentVersion: ev.requiredFields.length ? (newDetails ? walkIn!.consentVersion! : (reg?.consentVersion ?? null)) : null,
      queuedAt: null,
      offeredAt: null,
      offerExpiresAt: null,
      confirmedAt: a.at,
      cancelledAt: null,
      ...checkedIn,
    };
    const row = reg
      ? Object.assign(reg, values)
      : regs.create({ eventId: ev.id, residentId: walkIn!.residentId, ticketCode: this.tokens.newTicketCode(), clientRequestId: null, ...values });
    return { ok: true, outcome: 'checked_in', walkIn: true, reg: await regs.save(row) };
  }

  private answer(event: OutreachEvent, outcome: Outcome): CheckinResult {
    if (!outcome.ok) throw checkinRefused(outcome.reason, event);
    return {
      eventId: event.id,
      eventTitle: event.title,
      outcome: outcome.outcome,
      walkIn: outcome.walkIn,
      checkedInAt: outcome.reg.checkedInAt!.toISOString(),
      name: outcome.reg.name,
    };
  }
}

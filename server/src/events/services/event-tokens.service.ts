import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'crypto';
import {
  deriveEventKey,
  generateTicketCode,
  issueCheckinCode,
  signTicket,
  utf8,
  verifyCheckinCodeWithSecret,
  verifyTicketWithSecret,
  type CheckinCodeVerification,
  type IssuedCheckinCode,
  type TicketVerification,
} from '@xinqiao/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { nodeHmacSha256, nodeRandomBytes } from '../../common/crypto/hmac';

/** Label of the derivation from JWT_SECRET, so the two secrets never sign the same thing. */
const DERIVATION_LABEL = 'xinqiao:event-tokens';

/** Signed tickets and rotating screen codes of events, under one master secret (see README). */
@Injectable()
export class EventTokensService {
  private readonly secret: Uint8Array;
  private readonly keys = new Map<number, Promise<Uint8Array>>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secret = config.EVENT_TOKEN_SECRET
      ? utf8(config.EVENT_TOKEN_SECRET)
      : new Uint8Array(createHmac('sha256', config.JWT_SECRET!).update(DERIVATION_LABEL).digest());
  }

  /** The event's own key: what the offline check-in page gets, and all it can verify. */
  eventKey(eventId: number): Promise<Uint8Array> {
    let key = this.keys.get(eventId);
    if (!key) this.keys.set(eventId, (key = deriveEventKey(nodeHmacSha256, this.secret, eventId)));
    return key;
  }

  newTicketCode(): string {
    return generateTicketCode(nodeRandomBytes);
  }

  async ticket(eventId: number, code: string): Promise<string> {
    return signTicket(nodeHmacSha256, await this.eventKey(eventId), eventId, code);
  }

  verifyTicket(token: string, expectedEventId?: number): Promise<TicketVerification> {
    return verifyTicketWithSecret(nodeHmacSha256, this.secret, token, expectedEventId);
  }

  async screenCode(eventId: number, now: Date): Promise<IssuedCheckinCode> {
    return issueCheckinCode(nodeHmacSha256, await this.eventKey(eventId), eventId, now);
  }

  verifyScreenCode(code: string, now: Date): Promise<CheckinCodeVerification> {
    return verifyCheckinCodeWithSecret(nodeHmacSha256, this.secret, code, now);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MAX_UNUSED_GRANTS_PER_TEMPLATE, type SubscriptionStatus } from '@xinqiao/shared';
import { IsNull, Repository } from 'typeorm';
import { SubscribeGrant } from '../entities/subscribe-grant.entity';
import { NotificationTopics } from './notification-topics';

/** The right to send one message (or, for a long-term template, every message) to a resident. */
export interface Permit {
  grantId: number;
  residentId: number;
  templateId: string;
  longTerm: boolean;
}

/**
 * Residents' accepts of subscribe-message templates (wx.requestSubscribeMessage). WeChat allows
 * one send per accept of a one-time template, so a send uses one up; a long-term template's
 * accept stays good until WeChat says the resident turned it off.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectRepository(SubscribeGrant) private readonly grants: Repository<SubscribeGrant>,
    private readonly topics: NotificationTopics,
  ) {}

  /** Records the templates a resident accepted; ids of templates not configured here are ignored. */
  async subscribe(residentId: number, templateIds: string[]): Promise<SubscriptionStatus> {
    const configured = new Set(this.topics.configured().map((c) => c.template.id));
    for (const templateId of new Set(templateIds)) {
      if (!configured.has(templateId)) continue;
      // A long-term accept is on or off: one unused grant says it is on.
      const cap = this.topics.isLongTerm(templateId) ? 1 : MAX_UNUSED_GRANTS_PER_TEMPLATE;
      const unused = await this.grants.count({ where: { residentId, templateId, usedAt: IsNull() } });
      if (unused < cap) await this.grants.insert({ residentId, templateId, usedAt: null });
    }
    return this.status(residentId);
  }

  /** Sends still allowed per configured template; two slots sharing a template report it once. */
  async status(residentId: number): Promise<SubscriptionStatus> {
    const templates: SubscriptionStatus['templates'] = [];
    for (const { slot, template } of this.topics.configured()) {
      if (templates.some((t) => t.templateId === template.id)) continue;
      const available = await this.grants.count({ where: { residentId, templateId: template.id, usedAt: IsNull() } });
      templates.push({ slot, templateId: template.id, available });
    }
    return { templates };
  }

  /**
   * Takes the oldest unused accept of a one-time template with a conditional update, so two sends
   * never use the same one; a long-term accept is only looked at. Null: no permission.
   */
  async take(residentId: number, templateId: string, now: Date): Promise<Permit | null> {
    const longTerm = this.topics.isLongTerm(templateId);
    for (;;) {
      const next = await this.grants.findOne({ select: { id: true }, where: { residentId, templateId, usedAt: IsNull() }, order: { id: 'ASC' } });
      if (!next) return null;
      if (longTerm) return { grantId: next.id, residentId, templateId, longTerm };
      const taken = await this.grants
        .createQueryBuilder()
        .update(SubscribeGrant)
        .set({ usedAt: now })
        .where('id = :id AND usedAt IS NULL', { id: next.id })
        .execute();
      if (taken.affected) return { grantId: next.id, residentId, templateId, longTerm };
    }
  }

  /** The send did not happen (WeChat busy, request rejected): the accept is still good. */
  async giveBack(permit: Permit): Promise<void> {
    if (!permit.longTerm) await this.grants.update({ id: permit.grantId }, { usedAt: null });
  }

  /**
   * WeChat holds no permission (43101): a one-time accept on record was spent elsewhere and stays
   * used; a long-term one was turned off by the resident, so it ends until they accept again.
   */
  async withdrawn(permit: Permit, now: Date): Promise<void> {
    if (permit.longTerm) await this.grants.update({ residentId: permit.residentId, templateId: permit.templateId, usedAt: IsNull() }, { usedAt: now });
  }

  async exportFor(residentId: number) {
    const grants = await this.grants.find({ where: { residentId }, order: { id: 'ASC' } });
    return grants.map((g) => ({ templateId: g.templateId, acceptedAt: g.createdAt.toISOString(), usedAt: g.usedAt?.toISOString() ?? null }));
  }
}

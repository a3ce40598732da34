import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  STAFF_MOBILE_MESSAGES,
  STAFF_BIND_PREFIX,
  ancestorPaths,
  pathIds,
  staffMobileProblems,
  type RegionRobotWebhook,
  type StaffBindingCode,
} from '@xinqiao/shared';
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { In, Not, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import { RegionsService } from '../../regions/regions.service';
import { RegionRobot } from '../entities/region-robot.entity';
import { StaffNoticeContact } from '../entities/staff-notice-contact.entity';

/** A binding code is good for this long, and once. */
export const BIND_CODE_TTL_MS = 10 * 60_000;
const WECOM_HOST = 'qyapi.weixin.qq.com';
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/**
 * How staff are reached outside the console: a staff member's bound WeChat and mobile number, and
 * each region's 企业微信 group robot.
 */
@Injectable()
export class StaffContactsService {
  private readonly bindKey: Buffer;

  constructor(
    @InjectRepository(StaffNoticeContact) private readonly contacts: Repository<StaffNoticeContact>,
    @InjectRepository(RegionRobot) private readonly robots: Repository<RegionRobot>,
    private readonly regions: RegionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A key of its own, derived, so a binding code can never pass for an access token or an event ticket.
    this.bindKey = createHmac('sha256', config.JWT_SECRET).update('xinqiao:staff-binding').digest();
  }

  async contactOf(staffId: number): Promise<StaffNoticeContact | null> {
    return this.contacts.findOneBy({ staffId });
  }

  /** The staff account this WeChat user is bound to, if any (the resident's data export). */
  async bindingOf(residentId: number): Promise<StaffNoticeContact | null> {
    return this.contacts.findOneBy({ residentId });
  }

  /**
   * A one-time code for binding a WeChat user to this staff account: `xqbind:<staffId>.<expiry>.<nonce>.<mac>`.
   * Only the newest code works, and only once.
   */
  async issueBindingCode(staffId: number, now = new Date()): Promise<StaffBindingCode> {
    const nonce = randomBytes(9).toString('base64url');
    const expires = Math.floor((now.getTime() + BIND_CODE_TTL_MS) / 1000);
    const body = `${staffId}.${expires}.${nonce}`;
    await this.upsert(staffId, { bindNonce: nonce });
    return { code: `${STAFF_BIND_PREFIX}${body}.${this.mac(body)}`, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** Binds the signed-in WeChat user to the staff account the code names; the code is used up. Returns the staff id. */
  async bind(residentId: number, code: string, now = new Date()): Promise<number> {
    const invalid = () => AppException.badRequest('绑定码无效、已使用或已过期，请在管理后台重新获取', { field: 'code' });
    const m = new RegExp(`^${STAFF_BIND_PREFIX}(\\d{1,10})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{12})\\.([A-Za-z0-9_-]{22})$`).exec(code.trim());
    if (!m) throw invalid();
    const [, staffIdText, expiresText, nonce, mac] = m;
    const expected = Buffer.from(this.mac(`${staffIdText}.${expiresText}.${nonce}`));
    if (!timingSafeEqual(expected, Buffer.from(mac)) || Number(expiresText) * 1000 < now.getTime()) throw invalid();
    const staffId = Number(staffIdText);
    // A conditional update: of two binds with the same code, one wins.
    const used = await this.contacts.update({ staffId, bindNonce: nonce }, { bindNonce: null, residentId, boundAt: now });
    if (!used.affected) throw invalid();
    // One WeChat user speaks for one staff account.
    await this.contacts.update({ residentId, staffId: Not(staffId) }, { residentId: null, boundAt: null });
    return staffId;
  }

  async unbind(staffId: number): Promise<void> {
    await this.contacts.update({ staffId }, { residentId: null, boundAt: null, bindNonce: null });
  }

  async setMobile(staffId: number, mobile: string | null): Promise<void> {
    const problems = staffMobileProblems(mobile);
    if (problems.length) throw AppException.ruleProblems(problems, STAFF_MOBILE_MESSAGES);
    await this.upsert(staffId, { mobile });
  }

  /** Robots of the regions within the staff member's scope. */
  async listRobots(me: StaffPrincipal): Promise<RegionRobotWebhook[]> {
    const regions = await this.regions.listInScope(me);
    const robots = new Map((await this.robots.findBy({ regionId: In(regions.map((r) => r.id)) })).map((r) => [r.regionId, r]));
    return regions.filter((r) => robots.has(r.id)).map((r) => robotDto(r.id, r.name, robots.get(r.id)!));
  }

  async setRobot(me: StaffPrincipal, regionId: number, url: string): Promise<RegionRobotWebhook> {
    const region = await this.regions.requireInScope(regionId, me);
    const webhookUrl = this.checkWebhook(url);
    const existing = await this.robots.findOneBy({ regionId });
    await this.robots.save(
      existing ? Object.assign(existing, { webhookUrl, updatedById: me.id }) : this.robots.create({ regionId, webhookUrl, updatedById: me.id }),
    );
    return robotDto(region.id, region.name, await this.robots.findOneByOrFail({ regionId }));
  }

  async removeRobot(me: StaffPrincipal, regionId: number): Promise<void> {
    await this.regions.requireInScope(regionId, me);
    await this.robots.delete({ regionId });
  }

  /** The robot of the region or, failing that, of its nearest ancestor that has one. */
  async robotFor(regionId: number): Promise<{ regionId: number; url: string } | null> {
    const region = await this.regions.find(regionId);
    if (!region) return null;
    const chain = ancestorPaths(region.path).map((p) => pathIds(p).at(-1)!);
    const found = await this.robots.findBy({ regionId: In(chain) });
    for (const id of chain.reverse()) {
      const hit = found.find((r) => r.regionId === id);
      if (hit) return { regionId: id, url: hit.webhookUrl };
    }
    return null;
  }

  /**
   * A webhook must be an https URL on 企业微信's host (or a host the operator listed; a loopback one
   * may be plain http, for tests), so a region admin cannot make the server post anywhere else.
   */
  checkWebhook(raw: string): string {
    const bad = () => AppException.badRequest(`群机器人地址须为 https://${WECOM_HOST}/cgi-bin/webhook/send?key=… 形式`, { field: 'url' });
    let u: URL;
    try {
      u = new URL(raw.trim());
    } catch {
      throw bad();
    }
    const host = u.hostname.toLowerCase();
    const allowed = host === WECOM_HOST || this.config.WECOM_WEBHOOK_HOSTS.includes(host);
    const schemeOk = u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(host) && this.config.WECOM_WEBHOOK_HOSTS.includes(host));
    if (!allowed || !schemeOk || u.username || u.password || !u.searchParams.get('key')) throw bad();
    return u.toString();
  }

  private mac(body: string): string {
    return createHmac('sha256', this.bindKey).update(`staff-bind:${body}`).digest().subarray(0, 16).toString('base64url');
  }

  private async upsert(staffId: number, values: Partial<Pick<StaffNoticeContact, 'bindNonce' | 'mobile'>>): Promise<void> {
    const existing = await this.contacts.findOneBy({ staffId });
    if (existing) await this.contacts.save({ ...existing, ...values });
    else await this.contacts.save(this.contacts.create({ staffId, residentId: null, boundAt: null, bindNonce: null, mobile: null, ...values }));
  }
}

/** The URL's key is a secret: only its last four characters are shown. */
export function maskWebhook(url: string): string {
  const u = new URL(url);
  const key = u.searchParams.get('key') ?? '';
  return `${u.protocol}//${u.host}${u.pathname}?key=****${key.slice(-4)}`;
}

function robotDto(regionId: number, regionName: string, r: RegionRobot): RegionRobotWebhook {
  return { regionId, regionName, masked: maskWebhook(r.webhookUrl), updatedAt: r.updatedAt.toISOString() };
}

import { FakeSms } from './fake-sms';
import { FakeWecom } from './fake-wecom';
import type { TestApp } from './test-app';

/** The admin's public address the robot links point to. */
export const ADMIN_BASE = 'https://xq.example.cn/admin';
const SMS_SIGN = '心桥';
const SMS_TEMPLATE = '100001';

/** An SMS as the fake provider received it, with the person its number belongs to. */
export interface ReceivedSms {
  via: 'sms';
  /** Username of the staff member whose mobile it went to. */
  to: string;
  /** The template's variables as sent: [kind, region, admin path]. */
  params: string[];
  link: string;
}

/** A group-robot message as the fake 企业微信 received it, with the region whose robot it went to. */
export interface ReceivedRobot {
  via: 'robot';
  /** Code of the region whose robot it went to. */
  to: string;
  title: string;
  colour: 'red' | 'yellow' | 'green' | null;
  text: string;
  region: string;
  link: string;
  markdown: string;
}

export type ReceivedNotice = ReceivedSms | ReceivedRobot;

const COLOURS: Record<string, 'red' | 'yellow' | 'green'> = { warning: 'red', comment: 'yellow', info: 'green' };

/**
 * The real SMS (Tencent) and 企业微信 robot channels of staff notices, pointed at fake providers on
 * loopback: the app's env for them, staff members given mobiles and regions given robots through
 * the admin's own routes, and what the providers received read back as who got which notice.
 * Each mobile and each robot key is one person's or one region's, so a send names its recipient.
 */
export class StaffNoticeFakes {
  readonly sms = new FakeSms();
  readonly wecom = new FakeWecom();
  private readonly mobiles = new Map<string, string>();

  async start(): Promise<this> {
    await Promise.all([this.sms.start(), this.wecom.start()]);
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([this.sms.stop(), this.wecom.stop()]);
  }

  /** The app's settings for both channels (WeChat stays unconfigured: its staff notices are skipped). */
  env(): Record<string, string> {
    return {
      WECOM_WEBHOOK_HOSTS: '127.0.0.1',
      ADMIN_PUBLIC_URL: ADMIN_BASE,
      NOTIFY_HTTP_TIMEOUT_MS: '10000',
      SMS_PROVIDER: 'tencent',
      SMS_BASE_URL: this.sms.baseUrl,
      SMS_SECRET_ID: this.sms.secretId,
      SMS_SECRET_KEY: this.sms.secretKey,
      SMS_SDK_APP_ID: '1400000001',
      SMS_SIGN_NAME: SMS_SIGN,
      SMS_TEMPLATE_ALERT: SMS_TEMPLATE,
    };
  }

  /** Forgets what was sent and the robots' keys (the database is emptied too: robots are set again). */
  reset(): void {
    this.sms.reset();
    this.wecom.reset();
  }

  /** The mobile of a staff member: one number per username, the same across resets and apps. */
  mobileOf(username: string): string {
    let mobile = this.mobiles.get(username);
    if (!mobile) {
      mobile = `1370000${String(this.mobiles.size + 1).padStart(4, '0')}`;
      this.mobiles.set(username, mobile);
    }
    return mobile;
  }

  /** The staff member sets their own mobile for notices (`token` is theirs). */
  async giveMobile(t: TestApp, username: string, token: string): Promise<void> {
    const mobile = this.mobileOf(username);
    const res = await t.put('/api/v1/admin/me/mobile', { mobile }, token);
    if (res.status !== 200 || res.body.mobile !== `${mobile.slice(0, 3)}****${mobile.slice(-4)}`)
      throw new Error(`setting ${username}'s mobile failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** A region admin (`token`) sets the region's group robot, whose key is the region's code. */
  async giveRobot(t: TestApp, regionCode: string, token: string): Promise<void> {
    const res = await t.put(`/api/v1/admin/notice-robots/${await t.regionId(regionCode)}`, { url: this.wecom.webhook(`robot-${regionCode}`) }, token);
    if (res.status !== 200) throw new Error(`setting the robot of ${regionCode} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Every SMS sent, in order, read back to whom it went; a number nobody was given fails the test. */
  smsSent(): ReceivedSms[] {
    const people = new Map([...this.mobiles].map(([username, mobile]) => [`+86${mobile}`, username]));
    return this.sms.sent.map((s) => {
      const to = people.get(s.phone);
      if (!to) throw new Error(`an SMS went to ${s.phone}, nobody's notice mobile`);
      if (s.provider !== 'tencent' || s.signName !== SMS_SIGN || s.template !== SMS_TEMPLATE)
        throw new Error(`an SMS not of the alert template: ${JSON.stringify(s)}`);
      const link = /^管理后台(\/.*)$/.exec(s.params[2] ?? '')?.[1];
      if (!link) throw new Error(`an SMS without an admin path: ${JSON.stringify(s.params)}`);
      return { via: 'sms', to, params: s.params, link };
    });
  }

  /** Every robot message sent, in order, taken apart (title, colour, text, region, link); any other shape fails the test. */
  robotSent(): ReceivedRobot[] {
    return this.wecom.messages.map((m) => {
      const markdown = m.body.markdown!.content!;
      const parts = /^### (?:<font color="(\w+)">(.+)<\/font>|(.+))\n(.+)\n> 区域：(.+)\n\[在管理后台查看\]\((.+)\)$/.exec(markdown);
      const to = /^robot-(\d+)$/.exec(m.key)?.[1];
      if (!parts || !to || !parts[6].startsWith(`${ADMIN_BASE}/`)) throw new Error(`an unexpected robot message to ${m.key}: ${markdown}`);
      const colour = parts[1] === undefined ? null : COLOURS[parts[1]];
      if (colour === undefined) throw new Error(`an unknown robot colour: ${parts[1]}`);
      return { via: 'robot', to, title: parts[2] ?? parts[3], colour, text: parts[4], region: parts[5], link: parts[6].slice(ADMIN_BASE.length), markdown };
    });
  }

  /** What reached anyone about the admin path `link` (such as `/alerts/17`): SMS first, then robot messages. */
  sentFor(link: string): ReceivedNotice[] {
    return [...this.smsSent(), ...this.robotSent()].filter((n) => n.link === link);
  }
}

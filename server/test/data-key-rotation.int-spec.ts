import { BOOKING_CONSENT_VERSION, SCALE_CONSENT_VERSION, getBuiltInScale } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { rotateKeys } from '../src/cli/rotate-keys';
import { DataKeyring, generateDataKey, parseDataKeys } from '../src/common/crypto/data-cipher';
import { dataKeyring, installDataKeyring } from '../src/common/crypto/encrypted-column';
import { encryptedColumns, reencrypt } from '../src/common/crypto/reencrypt';
import { publishedEvent, residentIn, signUp } from './support/events';
import { REGION, TestApp } from './support/test-app';
import { TEST_DB } from './support/test-db';

const PHQ9 = getBuiltInScale('phq-9')!;
const ring = (...entries: string[]) => new DataKeyring(parseDataKeys(entries.join(',')));

describe(`data keys: legacy plaintext, rotation and the rotate-keys command on ${TEST_DB}`, () => {
  const A = generateDataKey('A');
  const B = generateDataKey('B');
  let t: TestApp;
  let organiser: string;
  let eventId: number;

  beforeAll(async () => {
    t = await TestApp.start({ DATA_ENCRYPTION_KEYS: A, JOB_POLL_MS: '60000' });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    installDataKeyring(ring(A));
    await t.reset();
    organiser = await t.staffToken('organiser_sl');
    eventId = await publishedEvent(t, organiser, { requiredFields: ['name', 'phone'] });
    // Something in every encrypted column: a registration, a followed-up and closed alert, a nickname.
    const me = await residentIn(t, 'keys-resident');
    await t.patch('/api/v1/me', { nickname: '小王' }, me);
    expect((await t.post(`/api/v1/events/${eventId}/registrations`, signUp({ name: '张三', phone: '13800138000' }), me)).status).toBe(201);
    const answers = Object.fromEntries(PHQ9.items.map((item) => [item.id, 3]));
    const consent = {
      mode: 'save',
      followUp: true,
      contactPhone: '13900139000',
      contactName: '张女士',
      guardian: { name: '张先生', relation: 'father' },
      version: SCALE_CONSENT_VERSION,
    };
    expect((await t.post('/api/v1/scales/phq-9/responses', { scaleVersion: PHQ9.version, answers, consent, clientRequestId: randomUUID() }, me)).status).toBe(
      201,
    );
    const counsellor = await t.staffToken('counsellor_sl');
    const [alert] = (await t.get('/api/v1/admin/alerts', counsellor)).body.items;
    await t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, counsellor);
    await t.post(`/api/v1/admin/alerts/${alert.id}/follow-ups`, { at: new Date().toISOString(), method: 'phone', outcome: '已联系' }, counsellor);
    // Casework: a plan (its purpose), a referral with its note, acceptance and outcome.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await t.put(`/api/v1/admin/alerts/${alert.id}/plan`, { date: today, purpose: '电话回访' }, counsellor)).status).toBe(200);
    const [target] = (await t.get('/api/v1/admin/alerts/referral-targets', counsellor)).body;
    const referred = await t.post(`/api/v1/admin/alerts/${alert.id}/referrals`, { stationId: target.id, reason: '精神科评估', note: '已电话沟通' }, counsellor);
    const referralId = referred.body.referrals[0].id;
    await t.post(`/api/v1/admin/alerts/${alert.id}/referrals/${referralId}/response`, { status: 'accepted', date: today }, counsellor);
    await t.post(`/api/v1/admin/alerts/${alert.id}/referrals/${referralId}/outcome`, { outcome: '已就诊', date: today }, counsellor);
    expect((await t.post(`/api/v1/admin/alerts/${alert.id}/close`, { outcome: 'referred', note: '已转介' }, counsellor)).status).toBe(200);
    await helpRequest(me);
    // A call-back booked for a child, with the guardian named, and a session note on the demo resident's booking.
    const [line] = (await t.get('/api/v1/callback-lines')).body;
    const inAWeek = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
    const [window] = (await t.get(`/api/v1/slots?kind=callback&lineId=${line.id}&from=${today}&to=${inAWeek}`)).body;
    const hold = await t.post('/api/v1/bookings/holds', { kind: 'callback', start: window.start, lineId: line.id }, me);
    const intake = {
      topic: 'family',
      note: '孩子最近不愿上学',
      contactPhone: '13700137000',
      ageBand: 'under14',
      guardian: { name: '王女士', relation: '母亲' },
      consent: { version: BOOKING_CONSENT_VERSION, booking: true, sensitive: true },
    };
    expect((await t.post('/api/v1/bookings', { holdId: hold.body.id, clientRequestId: randomUUID(), intake }, me)).status).toBe(201);
    const [booking] = await t.dataSource.query(`SELECT id FROM bookings WHERE status = 'confirmed' ORDER BY id LIMIT 1`);
    expect((await t.post(`/api/v1/admin/bookings/${booking.id}/notes`, { text: '首次访谈' }, counsellor)).status).toBe(201);
    // A staff member's mobile for SMS notices and a region's group-robot webhook (its key is a secret).
    expect((await t.put('/api/v1/admin/me/mobile', { mobile: '13600136000' }, counsellor)).status).toBe(200);
    const robot = { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=rotation-robot-key' };
    expect((await t.put(`/api/v1/admin/notice-robots/${await t.regionId(REGION.district)}`, robot, await t.staffToken('region_yc'))).status).toBe(200);
  });

  /** A "请人联系我" request with every encrypted field filled (contact, note, guardian). */
  async function helpRequest(token: string): Promise<void> {
    const body = {
      urgency: 'soon',
      contactPhone: '13700137000',
      contactName: '小张',
      note: '想找人聊聊',
      regionId: await t.regionId(REGION.communityA1),
      ageBand: 'under14',
      consent: { version: BOOKING_CONSENT_VERSION, contact: true, sensitive: true },
      guardian: { name: '张妈妈', relation: '母亲' },
      clientRequestId: randomUUID(),
    };
    expect((await t.post('/api/v1/help-requests', body, token)).status).toBe(201);
  }

  /** Decrypts the stored values of these tables' encrypted columns in place, as data stored before encryption was. */
  async function toPlaintext(tables?: string[]): Promise<void> {
    for (const ref of encryptedColumns(t.dataSource)) {
      if (tables && !tables.includes(ref.table)) continue;
      const col = t.dataSource.driver.escape(ref.column);
      const table = t.dataSource.driver.escape(ref.table);
      for (const row of await t.dataSource.query(`SELECT id, ${col} AS v FROM ${table} WHERE ${col} IS NOT NULL`)) {
        await t.dataSource.query(`UPDATE ${table} SET ${col} = ? WHERE id = ?`, [dataKeyring().decrypt(row.v), row.id]);
      }
    }
  }

  /** Every stored value of every encrypted column, with the key id it is under (null: plaintext). */
  async function storedKeyIds(): Promise<Record<string, (string | null)[]>> {
    const out: Record<string, (string | null)[]> = {};
    for (const ref of encryptedColumns(t.dataSource)) {
      const rows = await t.dataSource.query(
        `SELECT ${t.dataSource.driver.escape(ref.column)} AS v FROM ${t.dataSource.driver.escape(ref.table)} WHERE ${t.dataSource.driver.escape(ref.column)} IS NOT NULL`,
      );
      out[`${ref.table}.${ref.column}`] = rows.map((r: { v: string }) => dataKeyring().keyIdOf(r.v));
    }
    return out;
  }

  const commandEnv = (keys: string) => ({
    NODE_ENV: 'test',
    JWT_SECRET: t.config.JWT_SECRET,
    LOG_LEVEL: 'silent',
    DB_TYPE: t.config.DB_TYPE,
    SQLITE_PATH: t.config.SQLITE_PATH,
    DATABASE_URL: t.config.DATABASE_URL,
    DATA_ENCRYPTION_KEYS: keys,
  });

  const attendeePhones = async (query = '') =>
    (await t.get(`/api/v1/admin/events/${eventId}/registrations${query}`, organiser)).body.items.map((r: { phone: string }) => r.phone);

  it('knows every encrypted column, all of them filled by the data above', async () => {
    expect(Object.keys(await storedKeyIds()).sort()).toEqual([
      'alert_follow_up_plans.purpose',
      'alert_follow_ups.outcome',
      'alert_referrals.note',
      'alert_referrals.outcome',
      'alert_referrals.reason',
      'alerts.closeNote',
      'bookings.contactPhone',
      'bookings.guardianName',
      'bookings.note',
      'event_registrations.phone',
      'help_requests.contactName',
      'help_requests.contactPhone',
      'help_requests.guardianName',
      'help_requests.note',
      'region_robots.webhookUrl',
      'residents.nickname',
      'scale_responses.answers',
      'scale_responses.contactName',
      'scale_responses.contactPhone',
      'scale_responses.guardianName',
      'session_notes.text',
      'staff_notice_contacts.mobile',
    ]);
    expect(Object.values(await storedKeyIds()).every((ids) => ids.length > 0 && ids.every((id) => id === 'A'))).toBe(true);
  });

  it('moves every value from key A to key B, keeps it readable and searchable, and then needs A no more', async () => {
    const lines: string[] = [];
    expect(await rotateKeys(commandEnv(`${B},${A}`), (l) => lines.push(l))).toBe(0);
    const ids = await storedKeyIds();
    expect(
      Object.values(ids)
        .flat()
        .every((id) => id === 'B'),
    ).toBe(true);
    const total = Object.values(ids).flat().length;
    expect(lines.at(-1)).toBe(`Done: ${total} values re-encrypted; every encrypted value is now under key "B".`);
    expect(lines).toContain(`${'event_registrations.phone'.padEnd(40)}        1 re-encrypted`);

    // Again: nothing left to do.
    const again: string[] = [];
    expect(await rotateKeys(commandEnv(`${B},${A}`), (l) => again.push(l))).toBe(0);
    expect(again.at(-1)).toBe('Done: 0 values re-encrypted; every encrypted value is now under key "B".');

    // The old key is gone: everything still reads, and the phone is still found.
    installDataKeyring(ring(B));
    expect(await attendeePhones()).toEqual(['13800138000']);
    expect(await attendeePhones('?keyword=13800138000')).toEqual(['13800138000']);
    expect(await attendeePhones('?keyword=8000')).toEqual(['13800138000']);
    const exported = (await t.get('/api/v1/me/export', await t.residentToken('keys-resident'))).body;
    expect(exported.profile.nickname).toBe('小王');
    expect(exported.scaleResponses[0].consent).toMatchObject({ contactPhone: '13900139000', contactName: '张女士', guardian: { name: '张先生' } });
    expect(exported.alerts[0].followUps[0].outcome).toBe('已联系');
    expect(exported.helpRequests[0]).toMatchObject({ contactPhone: '13700137000', contactName: '小张', note: '想找人聊聊', guardian: { name: '张妈妈' } });
  });

  it('finds a phone number by its search hash under the old key while rotation has not reached it', async () => {
    installDataKeyring(ring(B, A));
    expect(await attendeePhones('?keyword=13800138000')).toEqual(['13800138000']);
    expect(await attendeePhones('?keyword=8000')).toEqual(['13800138000']);
  });

  it('carries on where an interrupted run stopped', async () => {
    const rotating = ring(B, A);
    let batches = 0;
    await expect(
      reencrypt(t.dataSource, rotating, {
        batchSize: 1,
        onBatch: () => {
          if (++batches === 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const before = Object.values(await storedKeyIds()).flat();
    expect(before.filter((id) => id === 'B')).toHaveLength(2);
    const counts = await reencrypt(t.dataSource, rotating, { batchSize: 1 });
    expect(counts.reduce((n, c) => n + c.rows, 0)).toBe(before.length - 2);
    expect(
      Object.values(await storedKeyIds())
        .flat()
        .every((id) => id === 'B'),
    ).toBe(true);
  });

  it('stops with the table, column, row and key named when a value is under a key it does not have', async () => {
    const C = generateDataKey('C');
    const [{ id }] = await t.dataSource.query(`SELECT id FROM residents WHERE openid = 'keys-resident'`);
    await t.dataSource.query(`UPDATE residents SET nickname = ? WHERE id = ?`, [ring(C).encrypt('别的密钥'), id]);
    const lines: string[] = [];
    expect(await rotateKeys(commandEnv(`${B},${A}`), (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toBe(
      `Stopped: residents.nickname, row ${id}: value is encrypted under key "C", which is not in DATA_ENCRYPTION_KEYS (configured: B, A). ` +
        'Add the missing key to DATA_ENCRYPTION_KEYS (after the first) and run again; rows done so far stay done.',
    );
    // Reading it through the app is an error, never the ciphertext as if it were a nickname.
    const read = await t.post('/api/v1/auth/dev/login', { openid: 'keys-resident' });
    expect(read.status).toBe(500);
    expect(JSON.stringify(read.body)).not.toContain('enc:');
  });

  it('refuses to run without a key, in one line', async () => {
    const lines: string[] = [];
    expect(await rotateKeys({ ...commandEnv(''), DATA_ENCRYPTION_KEYS: undefined }, (l) => lines.push(l))).toBe(78);
    expect(lines.join('\n')).toMatch(/^ {2}- DATA_ENCRYPTION_KEYS is required/m);
  });

  it('encrypts values stored before their columns were encrypted, after the migration, without losing a row', async () => {
    // Help requests came after DataProtection: going back past their migration removes them, so this
    // test leaves them out until the schema is current again.
    await t.dataSource.query(`DELETE FROM alerts WHERE source = 'help_request'`);
    // Make the data look as it did before: plaintext in the encrypted columns, the old schema.
    await toPlaintext();
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of ['residents', 'event_registrations', 'scale_responses', 'alerts', 'alert_follow_ups']) {
        out[table] = Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
      }
      return out;
    };
    const before = await counts();
    // Back to the schema before DataProtection (undoing the migrations after it first), then forward again.
    const applied = async () => (await t.dataSource.query('SELECT name FROM migrations')).map((r: { name: string }) => r.name);
    expect((await applied()).some((n: string) => n.startsWith('DataProtection'))).toBe(true);
    // Outside a transaction: TypeORM switches SQLite's foreign keys off for a rollback only then, and the
    // later migrations rebuild `alerts`, whose follow-ups would otherwise go with it (ON DELETE CASCADE).
    while ((await applied()).some((n: string) => n.startsWith('DataProtection'))) await t.dataSource.undoLastMigration({ transaction: 'none' });
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect(await counts()).toEqual(before);
    await helpRequest(await t.residentToken('keys-resident'));
    await toPlaintext(['help_requests']);
    expect(
      Object.values(await storedKeyIds())
        .flat()
        .every((id) => id === null),
    ).toBe(true);
    // Legacy plaintext reads as it is meanwhile.
    expect(await attendeePhones()).toEqual(['13800138000']);

    const encrypted = await reencrypt(t.dataSource, dataKeyring(), { only: 'plaintext' });
    // Tables made after DataProtection were dropped and made again empty by the round trip.
    const later = new Set(['bookings', 'session_notes', 'region_robots', 'staff_notice_contacts', 'alert_follow_up_plans', 'alert_referrals']);
    expect(encrypted.filter((c) => !later.has(c.table)).every((c) => c.rows > 0)).toBe(true);
    expect(
      Object.values(await storedKeyIds())
        .flat()
        .every((id) => id === 'A'),
    ).toBe(true);
    expect(await attendeePhones('?keyword=13800138000')).toEqual(['13800138000']);
    expect((await reencrypt(t.dataSource, dataKeyring(), { only: 'plaintext' })).every((c) => c.rows === 0)).toBe(true);
  });
});

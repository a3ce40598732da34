import { BOOKING_CONSENT_VERSION, DEFAULT_QUESTION_BANK, getBuiltInScale, SCALE_CONSENT_VERSION } from '@xinqiao/shared';
import { execFile } from 'child_process';
import { randomUUID } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { DataSource } from 'typeorm';
import { gunzipSync, gzipSync } from 'zlib';
import { publishedEvent, residentIn, signUp } from '../../../test/support/events';
import { REGION, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../../../test/support/test-db';
import { JobsService } from '../jobs/jobs.service';
import { BackupError, backupDatabase, restoreDatabase } from './backup';
import type { DbConfig } from './data-source';

const SIGNUP_TEMPLATE = 'TplSignupBackup01';
const YEAR = new Date().getFullYear();

/** Puts at least one row in every table through the API, as a district would in use. */
async function populate(t: TestApp): Promise<void> {
  const ok = <T>(what: string, res: { status: number; body: T }): T => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const admin = await t.adminToken();
  const regionAdmin = await t.staffToken('region_yc');
  const organiser = await t.staffToken('organiser_sl');
  const counsellor = await t.staffToken('counsellor_sl');

  // A resident signs up for an event (with a subscribe-message grant) and takes a scale that raises an alert.
  const me = await residentIn(t, 'backup-resident');
  ok('profile', await t.patch('/api/v1/me', { populationGroup: 'employee', ageBand: '35to59' }, me));
  ok('subscribe', await t.post('/api/v1/me/subscriptions', { templateIds: [SIGNUP_TEMPLATE] }, me));
  const eventId = await publishedEvent(t, organiser);
  ok('sign-up', await t.post(`/api/v1/events/${eventId}/registrations`, signUp(), me));
  const phq9 = getBuiltInScale('phq-9')!;
  ok(
    'scale',
    await t.post(
      '/api/v1/scales/phq-9/responses',
      {
        scaleVersion: phq9.version,
        answers: Object.fromEntries(phq9.items.map((item, i) => [item.id, i === 8 ? 3 : 0])),
        consent: { mode: 'save', followUp: true, contactPhone: '13800138000', contactName: '张女士', version: SCALE_CONSENT_VERSION },
        clientRequestId: randomUUID(),
      },
      me,
    ),
  );
  const [alert] = ok('alerts', await t.get('/api/v1/admin/alerts', counsellor)).items;
  ok('claim', await t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, counsellor));
  ok(
    'follow-up',
    await t.post(`/api/v1/admin/alerts/${alert.id}/follow-ups`, { at: new Date().toISOString(), method: 'phone', outcome: '已电话联系' }, counsellor),
  );
  // Casework: the next contact and a referral to the directory's mental-health centre.
  const nextWeek = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
  ok('plan', await t.put(`/api/v1/admin/alerts/${alert.id}/plan`, { date: nextWeek, purpose: '电话回访' }, counsellor));
  const [target] = ok('referral targets', await t.get('/api/v1/admin/alerts/referral-targets', counsellor));
  ok('referral', await t.post(`/api/v1/admin/alerts/${alert.id}/referrals`, { stationId: target.id, reason: '精神科评估' }, counsellor));
  // "请人联系我": a help request raises an alert of its own.
  const help = {
    urgency: 'soon',
    contactPhone: '13800138000',
    regionId: await t.regionId(REGION.communityA1),
    ageBand: '35to59',
    consent: { version: BOOKING_CONSENT_VERSION, contact: true, sensitive: false },
  };
  ok('help request', await t.post('/api/v1/help-requests', { ...help, clientRequestId: randomUUID() }, me));
  ok('alert rules', await t.put('/api/v1/admin/scales/alert-rules', ok('rules', await t.get('/api/v1/admin/scales/alert-rules', admin)), admin));

  // A survey answered once, a target, a campaign, and the report built as a job (a binary file).
  const quiz = ok(
    'quiz',
    await t.post(
      '/api/v1/admin/quizzes',
      {
        title: `${YEAR} 年知晓率调查`,
        kind: 'survey',
        regionId: await t.regionId(REGION.district),
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        year: YEAR,
        pointsPerItem: 5,
        passMark: 0.8,
        draw: { mode: 'random', perPoint: 2 },
      },
      regionAdmin,
    ),
  );
  ok('publish quiz', await t.post(`/api/v1/admin/quizzes/${quiz.id}/publish`, undefined, regionAdmin));
  const paper = ok('paper', await t.get(`/api/v1/quizzes/${quiz.id}`));
  const bank = new Map(DEFAULT_QUESTION_BANK.map((q) => [q.id, q]));
  ok(
    'attempt',
    await t.post(
      `/api/v1/quizzes/${quiz.id}/attempts`,
      {
        answers: Object.fromEntries(paper.questions.map((q: { code: string }) => [q.code, bank.get(q.code)!.correct])),
        clientRequestId: randomUUID(),
        demographics: { regionId: await t.regionId(REGION.communityA1), populationGroup: 'employee', ageBand: '35to59', gender: 'female' },
      },
      await t.residentToken('backup-survey-respondent'),
    ),
  );
  ok('holiday', await t.put(`/api/v1/admin/holidays/${YEAR}-10-01`, { kind: 'holiday', name: '国庆节', worksAs: null }, admin));
  ok(
    'target',
    await t.post(
      '/api/v1/admin/awareness/targets',
      { regionId: await t.regionId(REGION.district), year: YEAR, metric: 'pass_rate', rate: 0.7, source: '实施方案' },
      regionAdmin,
    ),
  );
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  ok(
    'campaign',
    await t.post(
      '/api/v1/admin/campaigns',
      { title: '5·25 心理健康宣传月', startsOn: today, endsOn: today, regionId: await t.regionId(REGION.district), targets: {} },
      regionAdmin,
    ),
  );
  ok('report', await t.post('/api/v1/admin/awareness/reports', { quizIds: [quiz.id] }, regionAdmin));

  // Booking: the counsellor's day off, a call-back window held, a session note on the demo resident's booking.
  const [li] = await t.dataSource.query(`SELECT id FROM counsellor_profiles WHERE name = '李静'`);
  const dayOff = new Date(Date.now() + 8 * 3_600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
  ok('day off', await t.put(`/api/v1/admin/counsellors/${li.id}/availability/exceptions`, { date: dayOff, blocks: [], note: '外出培训' }, counsellor));
  const [line] = ok('lines', await t.get('/api/v1/callback-lines'));
  const inAWeek = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
  const [window] = ok('windows', await t.get(`/api/v1/slots?kind=callback&lineId=${line.id}&from=${today}&to=${inAWeek}`));
  ok('hold', await t.post('/api/v1/bookings/holds', { kind: 'callback', start: window.start, lineId: line.id }, me));
  const [booking] = await t.dataSource.query(`SELECT id FROM bookings WHERE status = 'confirmed' ORDER BY id LIMIT 1`);
  ok('session note', await t.post(`/api/v1/admin/bookings/${booking.id}/notes`, { text: '首次访谈，约定下周复访' }, counsellor));
  // Staff notice channels: a mobile for SMS, a region's group robot.
  ok('staff mobile', await t.put('/api/v1/admin/me/mobile', { mobile: '13600136000' }, counsellor));
  ok(
    'robot',
    await t.put(
      `/api/v1/admin/notice-robots/${await t.regionId(REGION.district)}`,
      { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=backup-robot-key' },
      regionAdmin,
    ),
  );
  await t.app.get(JobsService).idle();
}

/** Each table's primary key columns (join tables have no `id`), filled from the entities. */
const primaryKeys = new Map<string, string[]>();

/** A plain connection to a database, date-times as the text the database holds. */
const openPlain = (config: DbConfig) =>
  new DataSource(
    config.DB_TYPE === 'mysql'
      ? { type: 'mysql', url: config.DATABASE_URL!.replace(/^mariadb:/, 'mysql:'), dateStrings: true }
      : { type: 'better-sqlite3', database: config.SQLITE_PATH },
  ).initialize();

/** Every row of `tables`, read back plainly (binary as base64; with `ms`, date-times cut to milliseconds as SQLite keeps them). */
/**
 * Every row of `tables` as plain values. `across` compares dialects: date-times to the millisecond
 * SQLite keeps, and BIGINT columns (which mysql2 hands back as strings) as numbers.
 */
async function contents(config: DbConfig, tables: string[], across = false, bigints: ReadonlySet<string> = new Set()): Promise<Record<string, unknown[]>> {
  const ds = await openPlain(config);
  const plain = (table: string, column: string, v: unknown) => {
    if (Buffer.isBuffer(v)) return `base64:${v.toString('base64')}`;
    if (across && typeof v === 'string' && bigints.has(`${table}.${column}`)) return Number(v);
    if (across && typeof v === 'string') return v.replace(/^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\d+$/, '$1');
    return v;
  };
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      const key = primaryKeys.get(table) ?? ['id'];
      const rows: Record<string, unknown>[] = await ds.query(
        `SELECT * FROM ${ds.driver.escape(table)} ORDER BY ${key.map((c) => ds.driver.escape(c)).join(', ')}`,
      );
      out[table] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(table, k, v)])));
    }
    return out;
  } finally {
    await ds.destroy();
  }
}

/** The backup file's JSON lines, for tests that damage it on purpose. */
const readLines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
const writeLines = (file: string, lines: string[]) => writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));

describe(`backup and restore on ${TEST_DB}`, () => {
  let t: TestApp;
  let dir: string;
  let tables: string[];
  let file: string;
  /** Id of the last alert rule set, deleted before the backup: the restored database must not hand it out again. */
  let deletedId: number;
  const targets: TestDatabase[] = [];
  const freshDatabase = async () => {
    const db = await createTestDatabase();
    targets.push(db);
    return db.config;
  };

  beforeAll(async () => {
    t = await TestApp.start({ JOB_POLL_MS: '60000', WECHAT_TEMPLATE_EVENT_SIGNUP: SIGNUP_TEMPLATE });
    dir = mkdtempSync(join(tmpdir(), 'xq-backup-'));
    await populate(t);
    await t.dataSource.query(`INSERT INTO alert_rule_sets (rules, createdBy) VALUES ('{}', 'to be deleted')`);
    [{ id: deletedId }] = await t.dataSource.query(`SELECT MAX(id) AS id FROM alert_rule_sets`);
    await t.dataSource.query(`DELETE FROM alert_rule_sets WHERE id = ?`, [deletedId]);
    tables = t.dataSource.entityMetadatas.map((m) => m.tableName).sort();
    for (const m of t.dataSource.entityMetadatas)
      primaryKeys.set(
        m.tableName,
        m.primaryColumns.map((c) => c.databaseName),
      );
    file = join(dir, 'backup.jsonl.gz');
    await backupDatabase(t.config, file);
  });
  afterAll(async () => {
    await t.stop();
    for (const db of targets) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database every row of every table, binary columns, ids and auto-increments included', async () => {
    const source = await contents(t.config, tables);
    expect(
      Object.entries(source)
        .filter(([, rows]) => rows.length === 0)
        .map(([table]) => table),
    ).toEqual([]);
    expect(JSON.stringify(source.jobs)).toContain('base64:');

    const target = await freshDatabase();
    const summary = await restoreDatabase(target, file);
    expect(summary.rows).toEqual(Object.fromEntries(tables.map((table) => [table, source[table].length])));
    expect(await contents(target, tables)).toEqual(source);

    const restored = await openPlain(target);
    try {
      await restored.query(`INSERT INTO alert_rule_sets (rules, createdBy) VALUES ('{}', 'after restore')`);
      const [{ id }] = await restored.query(`SELECT id FROM alert_rule_sets WHERE createdBy = 'after restore'`);
      expect(Number(id)).toBe(deletedId + 1);
      const migrations = async (ds: DataSource) => (await ds.query('SELECT name FROM migrations ORDER BY timestamp')).map((r: { name: string }) => r.name);
      expect(await migrations(restored)).toEqual(await migrations(t.dataSource));
    } finally {
      await restored.destroy();
    }
  });

  it('refuses to restore over a database that holds rows unless forced, and then replaces them', async () => {
    const target = await freshDatabase();
    await restoreDatabase(target, file);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/^The database is not empty: .*regions \(\d+\).*--force/);
    const restored = await restoreDatabase(target, file, { force: true });
    expect(Object.values(restored.rows).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await contents(target, tables)).toEqual(await contents(t.config, tables));
  });

  it('refuses a backup of another schema version, and a damaged or cut-short file, leaving the database empty', async () => {
    const target = await freshDatabase();
    const lines = readLines(file);
    const header = JSON.parse(lines[0]);

    const older = join(dir, 'older.jsonl.gz');
    writeLines(older, [JSON.stringify({ ...header, migrations: header.migrations.slice(0, -1) }), ...lines.slice(1)]);
    const refusal = await restoreDatabase(target, older).catch((e: Error) => e);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as Error).message).toBe(
      `The backup was taken at schema version ${header.migrations.at(-2)} (${header.migrations.length - 1} migrations), ` +
        `but this program's schema is at ${header.migrations.at(-1)} (${header.migrations.length} migrations). ` +
        'Restore it with the release that wrote it (then upgrade), or take the backup again with this release.',
    );

    const cut = join(dir, 'cut.jsonl.gz');
    writeLines(cut, lines.slice(0, -1));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/is incomplete: it ends before its end marker/);
    const dropped = join(dir, 'dropped.jsonl.gz');
    writeLines(
      dropped,
      lines.filter((_, i) => i !== lines.length - 2),
    );
    await expect(restoreDatabase(target, dropped)).rejects.toThrow(/is damaged: table \w+ should have \d+ rows, \d+ were read/);
    const notGzip = join(dir, 'plain.txt');
    writeFileSync(notGzip, 'hello');
    await expect(restoreDatabase(target, notGzip)).rejects.toThrow(/is not a readable XinQiao backup \(incorrect header check\)/);
    await expect(restoreDatabase(target, join(dir, 'missing.jsonl.gz'))).rejects.toThrow(/is not a readable XinQiao backup \(ENOENT/);

    // Every failed attempt rolled back: the database is still empty, so a good backup goes in.
    await expect(restoreDatabase(target, file)).resolves.toMatchObject({ schema: header.migrations.at(-1) });
  });

  if (TEST_DB === 'mysql') {
    it('moves a MySQL database to SQLite and back, every row kept (date-times to the millisecond SQLite keeps)', async () => {
      const sqliteDir = mkdtempSync(join(tmpdir(), 'xq-backup-sqlite-'));
      try {
        const sqlite: DbConfig = { DB_TYPE: 'sqlite', SQLITE_PATH: join(sqliteDir, 'moved.sqlite'), DATABASE_URL: undefined, DB_POOL_SIZE: 1 };
        await restoreDatabase(sqlite, file);
        const bigints = new Set(
          t.dataSource.entityMetadatas.flatMap((m) => m.columns.filter((c) => c.type === 'bigint').map((c) => `${m.tableName}.${c.databaseName}`)),
        );
        const source = await contents(t.config, tables, true, bigints);
        expect(await contents(sqlite, tables, true, bigints)).toEqual(source);

        const back = join(dir, 'from-sqlite.jsonl.gz');
        expect((await backupDatabase(sqlite, back)).dialect).toBe('sqlite');
        const mysql = await freshDatabase();
        await restoreDatabase(mysql, back);
        expect(await contents(mysql, tables, true, bigints)).toEqual(source);
      } finally {
        rmSync(sqliteDir, { recursive: true, force: true });
      }
    });
  }

  // Last: it keeps writing to the source. The backup runs as `npm run backup` does, in a process of its own (the built CLI).
  it('takes a consistent snapshot while the server writes: a pair of rows written in one transaction is in the backup whole or not at all', async () => {
    const [{ id: residentId }] = await t.dataSource.query(`SELECT MIN(id) AS id FROM residents`);
    let pairs = 0;
    let writing = true;
    // Each transaction adds one row to a table the backup reads early and one to a table it reads late.
    const writer = (async () => {
      while (writing) {
        const marker = `pair-${++pairs}`;
        await t.dataSource.transaction(async (tx) => {
          await tx.query(`INSERT INTO alert_rule_sets (rules, createdBy) VALUES ('{}', ?)`, [marker]);
          await tx.query(`INSERT INTO subscribe_grants (residentId, templateId) VALUES (?, ?)`, [residentId, marker]);
        });
        // SQLite answers synchronously: let timers and the child process's output through.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const during = join(dir, 'during-writes.jsonl.gz');
    let before: number;
    let after: number;
    try {
      while (pairs < 5) await new Promise((r) => setTimeout(r, 5));
      before = pairs;
      const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, '../../../dist/backup-cli.js'), 'backup', during], {
        env: { ...process.env, DB_TYPE: t.config.DB_TYPE, SQLITE_PATH: t.config.SQLITE_PATH, DATABASE_URL: t.config.DATABASE_URL ?? '' },
      });
      after = pairs;
      expect(stdout).toContain(`written to ${during}`);
    } finally {
      writing = false;
      await writer;
    }
    expect(after - before).toBeGreaterThan(1);

    const target = await freshDatabase();
    await restoreDatabase(target, during);
    const restored = await openPlain(target);
    try {
      const markers = async (sql: string) => (await restored.query(sql)).map((r: { m: string }) => r.m).sort();
      const early = await markers(`SELECT createdBy AS m FROM alert_rule_sets WHERE createdBy LIKE 'pair-%'`);
      const late = await markers(`SELECT templateId AS m FROM subscribe_grants WHERE templateId LIKE 'pair-%'`);
      expect(late).toEqual(early);
      expect(early.length).toBeGreaterThanOrEqual(before - 1);
    } finally {
      await restored.destroy();
    }
  });
});

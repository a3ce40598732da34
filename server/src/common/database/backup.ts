import { once } from 'events';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'fs';
import { dirname } from 'path';
import { createInterface } from 'readline';
import { pipeline as pipelineCallback } from 'stream';
import { pipeline } from 'stream/promises';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { createGunzip, createGzip } from 'zlib';
import { dataSourceOptions, type DbConfig } from './data-source';

/**
 * Logical backups: every table's rows (binary columns as base64) and the list of applied migrations,
 * as gzip-compressed JSON lines. The format does not depend on the dialect, so a SQLite backup can be
 * restored into MySQL and back. Layout, one JSON value per line:
 *   {"format":"xinqiao-backup","version":1,"dialect":…,"createdAt":…,"migrations":[…]}
 *   {"table":"regions","columns":["id",…],"nextId":8}     then one array per row, in primary-key order
 *   …                                                      (the next table)
 *   {"end":true,"rows":{"regions":7,…}}                    a file without it was cut short
 */
const FORMAT = 'xinqiao-backup';
const FORMAT_VERSION = 1;
/** Rows read per query (keyset pages, so a large table is never held in memory at once). */
const PAGE_ROWS = 500;
/** Rows per INSERT: within SQLite's 32,766 bound parameters and well below MySQL's default max_allowed_packet. */
const BATCH_ROWS = 200;
const BATCH_PARAMS = 30_000;
const BATCH_BYTES = 4 * 1024 * 1024;

/** A refusal or a bad file: the message is for the operator, no stack trace needed. */
export class BackupError extends Error {}

type Dialect = DbConfig['DB_TYPE'];
type Cell = null | number | string | { $base64: string };

interface Header {
  format: string;
  version: number;
  dialect: Dialect;
  createdAt: string;
  migrations: string[];
}
interface TableStart {
  table: string;
  columns: string[];
  /** The id the table's auto-increment would hand out next (kept, so ids of deleted rows are never reused). */
  nextId: number | null;
}
interface Trailer {
  end: true;
  rows: Record<string, number>;
}

interface Column {
  name: string;
  datetime: boolean;
}
interface TableInfo {
  columns: Column[];
  primaryKey: string[];
}

export interface BackupSummary {
  dialect: Dialect;
  schema: string;
  rows: Record<string, number>;
}

/** Opens the database without entities: backup and restore work on tables as they are, in any dialect. */
async function open(config: DbConfig, migrate: boolean): Promise<DataSource> {
  const options = { ...dataSourceOptions(config), entities: [], migrationsRun: migrate } as DataSourceOptions;
  // mysql2 would turn DATETIME(6) into a JS Date and lose the microseconds; the text keeps them.
  return new DataSource(config.DB_TYPE === 'mysql' ? ({ ...options, dateStrings: true } as DataSourceOptions) : options).initialize();
}

const dialectOf = (ds: DataSource): Dialect => (ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql');
const migrationsTable = (ds: DataSource) => ds.options.migrationsTableName ?? 'migrations';

async function appliedMigrations(qr: QueryRunner, ds: DataSource): Promise<string[]> {
  const table = migrationsTable(ds);
  if (!(await hasTable(qr, dialectOf(ds), table))) {
    throw new BackupError('This database has no XinQiao schema (no migrations table): nothing to back up.');
  }
  const rows: { name: string }[] = await qr.query(`SELECT name FROM ${qr.connection.driver.escape(table)} ORDER BY timestamp, id`);
  return rows.map((r) => r.name);
}

async function hasTable(qr: QueryRunner, dialect: Dialect, table: string): Promise<boolean> {
  const rows: unknown[] =
    dialect === 'sqlite'
      ? await qr.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [table])
      : await qr.query(`SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`, [table]);
  return rows.length > 0;
}

/** The application's tables (not the migrations record, not SQLite's own). */
async function tableNames(qr: QueryRunner, dialect: Dialect, ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dialect === 'sqlite'
      ? await qr.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
      : await qr.query(
          `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
        );
  return rows.map((r) => r.name).filter((name) => name !== migrationsTable(ds));
}

async function tableInfo(qr: QueryRunner, dialect: Dialect, table: string): Promise<TableInfo> {
  if (dialect === 'sqlite') {
    const rows: { name: string; type: string; pk: number }[] = await qr.query(`PRAGMA table_info(${qr.connection.driver.escape(table)})`);
    return {
      columns: rows.map((r) => ({ name: r.name, datetime: /^(datetime|timestamp)/i.test(r.type) })),
      primaryKey: rows
        .filter((r) => r.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((r) => r.name),
    };
  }
  const columns: { name: string; type: string }[] = await qr.query(
    `SELECT COLUMN_NAME AS name, DATA_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    [table],
  );
  const key: { name: string }[] = await qr.query(
    `SELECT COLUMN_NAME AS name FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION`,
    [table],
  );
  return { columns: columns.map((c) => ({ name: c.name, datetime: /^(datetime|timestamp)$/i.test(c.type) })), primaryKey: key.map((k) => k.name) };
}

async function nextId(qr: QueryRunner, dialect: Dialect, table: string): Promise<number | null> {
  if (dialect === 'sqlite') {
    const [row] = await qr.query(`SELECT seq FROM sqlite_sequence WHERE name = ?`, [table]);
    return row ? Number(row.seq) + 1 : null;
  }
  // MySQL 8 may report a cached value; a low one is harmless, as InnoDB never goes below the largest id.
  const [row] = await qr.query(`SELECT AUTO_INCREMENT AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`, [table]);
  return row?.n == null ? null : Number(row.n);
}

function encode(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  return value as number | string;
}

/**
 * A date-time as the target dialect writes it: `YYYY-MM-DD HH:MM:SS[.fraction]` in UTC, with at most
 * the milliseconds SQLite keeps (MySQL keeps microseconds).
 */
function datetimeFor(dialect: Dialect, value: string): string {
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(\.\d+)?Z?$/.exec(value);
  if (!m) return value;
  const fraction = m[3] ? m[3].slice(0, dialect === 'sqlite' ? 4 : 7) : '';
  return `${m[1]} ${m[2]}${fraction}`;
}

function decode(cell: Cell, column: Column, dialect: Dialect): unknown {
  if (cell !== null && typeof cell === 'object') return Buffer.from(cell.$base64, 'base64');
  if (column.datetime && typeof cell === 'string') return datetimeFor(dialect, cell);
  return cell;
}

/**
 * Writes a consistent snapshot of the configured database to `file` (gzip), while the server may be
 * running: SQLite reads inside one read transaction (WAL keeps it stable while others write), MySQL
 * inside START TRANSACTION WITH CONSISTENT SNAPSHOT. The file appears only once complete.
 */
export async function backupDatabase(config: DbConfig, file: string): Promise<BackupSummary> {
  const ds = await open(config, false);
  const dialect = dialectOf(ds);
  const qr = ds.createQueryRunner();
  const q = (name: string) => ds.driver.escape(name);
  const partial = `${file}.partial`;
  mkdirSync(dirname(file), { recursive: true });
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial));
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    if (dialect === 'sqlite') {
      await qr.query('BEGIN');
    } else {
      await qr.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await qr.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    }
    const migrations = await appliedMigrations(qr, ds);
    await write({ format: FORMAT, version: FORMAT_VERSION, dialect, createdAt: new Date().toISOString(), migrations } satisfies Header);
    const rows: Record<string, number> = {};
    for (const table of await tableNames(qr, dialect, ds)) {
      const info = await tableInfo(qr, dialect, table);
      const columns = info.columns.map((c) => c.name);
      await write({ table, columns, nextId: await nextId(qr, dialect, table) } satisfies TableStart);
      rows[table] = 0;
      const key = info.primaryKey;
      const after = key.length === 1 ? `${q(key[0])} > ?` : `(${key.map(q).join(', ')}) > (${key.map(() => '?').join(', ')})`;
      for (let last: unknown[] | null = null; ;) {
        const page: Record<string, unknown>[] = key.length
          ? await qr.query(`SELECT * FROM ${q(table)}${last ? ` WHERE ${after}` : ''} ORDER BY ${key.map(q).join(', ')} LIMIT ${PAGE_ROWS}`, last ?? [])
          : await qr.query(`SELECT * FROM ${q(table)}`);
        for (const row of page) await write(columns.map((c) => encode(row[c])));
        rows[table] += page.length;
        if (!key.length || page.length < PAGE_ROWS) break;
        last = key.map((k) => page[page.length - 1][k]);
      }
    }
    await write({ end: true, rows } satisfies Trailer);
    await qr.query('COMMIT');
    gzip.end();
    await written;
    renameSync(partial, file);
    return { dialect, schema: migrations[migrations.length - 1] ?? '', rows };
  } catch (e) {
    gzip.destroy();
    await written.catch(() => undefined);
    rmSync(partial, { force: true });
    throw e;
  } finally {
    await qr.release();
    await ds.destroy();
  }
}

/** The backup's lines, parsed; a file that is not a gzip of JSON lines is refused by name. */
async function* readBackup(file: string): AsyncGenerator<unknown> {
  // pipeline passes a missing file or a bad gzip on to the reader, where it surfaces below.
  const input = pipelineCallback(createReadStream(file), createGunzip(), () => undefined);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        throw new BackupError(`${file} is not a readable XinQiao backup (line ${n}: ${(e as Error).message}).`);
      }
      yield value;
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file} is not a readable XinQiao backup (${(e as Error).message}).`);
  }
}

const isHeader = (v: unknown): v is Header => typeof v === 'object' && v !== null && (v as Header).format === FORMAT;
const isTableStart = (v: unknown): v is TableStart => typeof v === 'object' && v !== null && typeof (v as TableStart).table === 'string';
const isTrailer = (v: unknown): v is Trailer => typeof v === 'object' && v !== null && (v as Trailer).end === true;

/**
 * Loads a backup into the configured database: migrated first if new (same dialect or the other
 * one), refused when its schema version differs from the backup's, and refused when it holds any
 * rows unless `force` (then everything in it is replaced). Ids are kept and every auto-increment is
 * set to where the backed-up database had it. One transaction: a failure leaves the database as it was.
 */
export async function restoreDatabase(config: DbConfig, file: string, options: { force?: boolean } = {}): Promise<BackupSummary> {
  const lines = readBackup(file);
  const first = await lines.next();
  const header = first.done ? null : first.value;
  if (!isHeader(header) || header.version !== FORMAT_VERSION) {
    await lines.return(undefined);
    throw new BackupError(
      isHeader(header)
        ? `${file} is a backup of format version ${header.version}; this program reads version ${FORMAT_VERSION}.`
        : `${file} is not a XinQiao backup (it does not start with the backup header).`,
    );
  }

  const ds = await open(config, true);
  const dialect = dialectOf(ds);
  const qr = ds.createQueryRunner();
  const q = (name: string) => ds.driver.escape(name);
  try {
    const schema = await appliedMigrations(qr, ds);
    if (schema.join() !== header.migrations.join()) {
      throw new BackupError(
        `The backup was taken at schema version ${header.migrations[header.migrations.length - 1] ?? '(none)'} (${header.migrations.length} migrations), ` +
          `but this program's schema is at ${schema[schema.length - 1]} (${schema.length} migrations). ` +
          'Restore it with the release that wrote it (then upgrade), or take the backup again with this release.',
      );
    }
    const tables = new Map<string, TableInfo>();
    for (const table of await tableNames(qr, dialect, ds)) tables.set(table, await tableInfo(qr, dialect, table));
    const occupied: string[] = [];
    for (const table of tables.keys()) {
      const [{ n }] = await qr.query(`SELECT COUNT(*) AS n FROM ${q(table)}`);
      if (Number(n) > 0) occupied.push(`${table} (${n})`);
    }
    if (occupied.length && !options.force) {
      throw new BackupError(
        `The database is not empty: ${occupied.join(', ')}. Restore into a new, empty database, or pass --force to replace everything in it.`,
      );
    }

    // Rows go in table by table, so references are checked once at the end, not row by row.
    await qr.query(dialect === 'sqlite' ? 'PRAGMA foreign_keys = OFF' : 'SET FOREIGN_KEY_CHECKS = 0');
    await qr.query(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'START TRANSACTION');
    const rows: Record<string, number> = {};
    const nextIds = new Map<string, number>();
    try {
      if (options.force) for (const table of tables.keys()) await qr.query(`DELETE FROM ${q(table)}`);
      let current: { table: string; columns: Column[] } | null = null;
      let batch: unknown[][] = [];
      let bytes = 0;
      const flush = async () => {
        if (!current || !batch.length) return;
        const row = `(${current.columns.map(() => '?').join(', ')})`;
        await qr.query(
          `INSERT INTO ${q(current.table)} (${current.columns.map((c) => q(c.name)).join(', ')}) VALUES ${batch.map(() => row).join(', ')}`,
          batch.flat(),
        );
        batch = [];
        bytes = 0;
      };
      let trailer: Trailer | null = null;
      for await (const value of lines) {
        if (trailer) throw new BackupError(`${file} has data after its end marker.`);
        if (Array.isArray(value)) {
          if (!current) throw new BackupError(`${file} has rows before any table.`);
          const columns: Column[] = current.columns;
          batch.push(columns.map((c, i) => decode(value[i] as Cell, c, dialect)));
          bytes += JSON.stringify(value).length;
          rows[current.table]++;
          if (batch.length >= Math.min(BATCH_ROWS, Math.floor(BATCH_PARAMS / columns.length)) || bytes >= BATCH_BYTES) await flush();
        } else if (isTableStart(value)) {
          await flush();
          const info = tables.get(value.table);
          if (!info) throw new BackupError(`The backup has a table ${value.table} that this database does not have.`);
          const byName = new Map(info.columns.map((c) => [c.name, c]));
          const unknown = value.columns.filter((c) => !byName.has(c));
          if (unknown.length) throw new BackupError(`The backup's table ${value.table} has columns this database does not have: ${unknown.join(', ')}.`);
          current = { table: value.table, columns: value.columns.map((c) => byName.get(c)!) };
          rows[value.table] = 0;
          if (value.nextId !== null) nextIds.set(value.table, value.nextId);
        } else if (isTrailer(value)) {
          await flush();
          trailer = value;
        } else {
          throw new BackupError(`${file} has a line this program does not understand.`);
        }
      }
      if (!trailer) throw new BackupError(`${file} is incomplete: it ends before its end marker (was the backup interrupted or the file cut short?).`);
      for (const [table, n] of Object.entries(trailer.rows)) {
        if (rows[table] !== n) throw new BackupError(`${file} is damaged: table ${table} should have ${n} rows, ${rows[table] ?? 0} were read.`);
      }
      if (dialect === 'sqlite') {
        const broken: { table: string }[] = await qr.query('PRAGMA foreign_key_check');
        if (broken.length) throw new BackupError(`The backup's rows break references in: ${[...new Set(broken.map((b) => b.table))].join(', ')}.`);
        for (const [table, next] of nextIds) {
          await qr.query(`INSERT INTO sqlite_sequence (name, seq) SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)`, [table, table]);
          await qr.query(`UPDATE sqlite_sequence SET seq = ? WHERE name = ?`, [next - 1, table]);
        }
      }
      await qr.query('COMMIT');
    } catch (e) {
      await qr.query('ROLLBACK');
      throw e;
    }
    // MySQL: DDL commits by itself, so the counters are set after the rows are in (InnoDB never sets one below the largest id).
    if (dialect === 'mysql') for (const [table, next] of nextIds) await qr.query(`ALTER TABLE ${q(table)} AUTO_INCREMENT = ${Number(next)}`);
    return { dialect, schema: schema[schema.length - 1] ?? '', rows };
  } finally {
    await qr.query(dialect === 'sqlite' ? 'PRAGMA foreign_keys = ON' : 'SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined);
    await qr.release();
    await ds.destroy();
    await lines.return(undefined);
  }
}

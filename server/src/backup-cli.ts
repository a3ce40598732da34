import { resolve } from 'path';
import { ENV_SPEC } from './common/config/env';
import { BackupError, backupDatabase, restoreDatabase, type BackupSummary } from './common/database/backup';
import type { DbConfig } from './common/database/data-source';

const USAGE = `usage:
  backup [file]             write a compressed backup of the configured database
                            (default file: data/backups/xinqiao-<UTC date-time>.jsonl.gz)
  restore <file> [--force]  load a backup into the configured database, which must be empty
                            (--force: replace everything in it)
The database is chosen as the server chooses it: DB_TYPE, SQLITE_PATH, DATABASE_URL.`;

/** Only the database settings, read and checked as the server reads them: a backup needs no secrets. */
function dbConfig(env: NodeJS.ProcessEnv): DbConfig {
  const names = ['DB_TYPE', 'SQLITE_PATH', 'DATABASE_URL', 'DB_POOL_SIZE'] as const;
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const spec: { default?: string; parse: (raw: string) => unknown } = ENV_SPEC[name];
    const raw = env[name]?.trim() || spec.default;
    if (raw === undefined) continue;
    try {
      out[name] = spec.parse(raw);
    } catch (e) {
      problems.push(`${name} ${(e as Error).message}`);
    }
  }
  if (out.DB_TYPE === 'mysql' && !out.DATABASE_URL) problems.push('DATABASE_URL is required when DB_TYPE=mysql');
  if (problems.length) throw new BackupError(problems.join('\n'));
  return out as DbConfig;
}

const where = (c: DbConfig) => (c.DB_TYPE === 'sqlite' ? `SQLite ${resolve(c.SQLITE_PATH)}` : `MySQL ${new URL(c.DATABASE_URL!).pathname.slice(1)}`);
const total = (s: BackupSummary) => Object.values(s.rows).reduce((a, b) => a + b, 0);

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const force = rest.includes('--force');
  const [file] = rest.filter((a) => a !== '--force');
  const config = dbConfig(process.env);
  if (command === 'backup' && !force) {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const target = resolve(file ?? `data/backups/xinqiao-${stamp}.jsonl.gz`);
    const s = await backupDatabase(config, target);
    console.log(`Backup of ${where(config)} written to ${target}: ${Object.keys(s.rows).length} tables, ${total(s)} rows, schema ${s.schema}.`);
  } else if (command === 'restore' && file) {
    const s = await restoreDatabase(config, resolve(file), { force });
    console.log(`Restored ${resolve(file)} into ${where(config)}: ${Object.keys(s.rows).length} tables, ${total(s)} rows, schema ${s.schema}.`);
  } else {
    console.error(USAGE);
    process.exit(2);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  // Refusals and bad files are sentences for the operator; anything else keeps its stack.
  console.error(e instanceof BackupError ? e.message : e);
  process.exit(1);
});

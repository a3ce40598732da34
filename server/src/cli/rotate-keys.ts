/**
 * `npm run rotate-keys` (or `node dist/cli/rotate-keys.js` with the server's environment):
 * re-encrypts every encrypted column under the first key of DATA_ENCRYPTION_KEYS. Rotation: put the
 * new key first and keep the old one listed, restart the server, run this, then drop the old key.
 * Safe to run while the server runs, to interrupt, and to run again.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../common/config/env';
import { DataDecryptionError, DataKeyring } from '../common/crypto/data-cipher';
import { installDataKeyring } from '../common/crypto/encrypted-column';
import { reencrypt } from '../common/crypto/reencrypt';
import { dataSourceOptions } from '../common/database/data-source';

/** Runs the rotation for `env`, writing its report with `print`; answers the exit code. */
export async function rotateKeys(env: Record<string, string | undefined>, print: (line: string) => void): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      print(e.message);
      return 78; // EX_CONFIG
    }
    throw e;
  }
  const keyring = new DataKeyring(config.DATA_ENCRYPTION_KEYS ?? []);
  installDataKeyring(keyring);
  // Migrations run first, so the columns are wide enough for what is written.
  const ds = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    print(`Re-encrypting under key "${keyring.currentKeyId}" (keys configured: ${keyring.keyIds.join(', ')})`);
    const counts = await reencrypt(ds, keyring, { onBatch: (c) => print(`  ${c.table}.${c.column}: ${c.rows} rows so far`) });
    for (const c of counts) print(`${`${c.table}.${c.column}`.padEnd(40)} ${String(c.rows).padStart(8)} re-encrypted`);
    print(`Done: ${counts.reduce((n, c) => n + c.rows, 0)} values re-encrypted; every encrypted value is now under key "${keyring.currentKeyId}".`);
    return 0;
  } catch (e) {
    if (e instanceof DataDecryptionError) {
      print(`Stopped: ${e.message}. Add the missing key to DATA_ENCRYPTION_KEYS (after the first) and run again; rows done so far stay done.`);
      return 1;
    }
    throw e;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  rotateKeys(process.env, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

import type { DataSource, QueryRunner } from 'typeorm';
import { DataDecryptionError, type BlindIndexKind, type DataKeyring } from './data-cipher';
import { EncryptedTransformer } from './encrypted-column';

/** An encrypted column as stored: its table, its column, and the columns holding its blind indexes. */
export interface EncryptedColumnRef {
  table: string;
  column: string;
  blindIndexes: { column: string; kind: BlindIndexKind }[];
}

export interface ReencryptCount {
  table: string;
  column: string;
  rows: number;
}

export interface ReencryptOptions {
  /** `plaintext`: only legacy values without the `enc:` prefix; default: every value not under the current key. */
  only?: 'plaintext';
  batchSize?: number;
  /** Called after each batch is written (progress output). */
  onBatch?: (count: ReencryptCount) => void;
}

/** Every encrypted column of the schema, read from the entities, so a new one needs no list kept here. */
export function encryptedColumns(ds: DataSource): EncryptedColumnRef[] {
  const refs: EncryptedColumnRef[] = [];
  for (const meta of ds.entityMetadatas) {
    for (const col of meta.columns) {
      if (!(col.transformer instanceof EncryptedTransformer)) continue;
      const blindIndexes = Object.entries(col.transformer.blindIndexes).map(([property, kind]) => {
        const target = meta.findColumnWithPropertyName(property);
        if (!target) throw new Error(`${meta.tableName}.${col.databaseName}: blind index column ${property} does not exist`);
        return { column: target.databaseName, kind };
      });
      refs.push({ table: meta.tableName, column: col.databaseName, blindIndexes });
    }
  }
  return refs;
}

/**
 * Rewrites encrypted columns under the keyring's current key, with fresh blind indexes, in batches
 * by id. Only rows not yet under that key are read, so a second run finds nothing (idempotent) and
 * a run that stopped half-way carries on where it was (resumable). Each row is written only if it
 * still holds the value read, so a concurrent change is never overwritten. A value under a key the
 * keyring does not hold stops the run with the table, column and row named.
 */
export async function reencrypt(ds: DataSource, keyring: DataKeyring, opts: ReencryptOptions = {}): Promise<ReencryptCount[]> {
  const prefix = opts.only === 'plaintext' ? 'enc:' : keyring.currentPrefix;
  const counts: ReencryptCount[] = [];
  const runner = ds.createQueryRunner();
  try {
    for (const ref of encryptedColumns(ds)) counts.push(await reencryptColumn(runner, ref, keyring, prefix, opts));
  } finally {
    await runner.release();
  }
  return counts;
}

async function reencryptColumn(
  runner: QueryRunner,
  ref: EncryptedColumnRef,
  keyring: DataKeyring,
  prefix: string,
  opts: ReencryptOptions,
): Promise<ReencryptCount> {
  const q = (name: string) => runner.connection.driver.escape(name);
  const batchSize = opts.batchSize ?? 500;
  const count = { table: ref.table, column: ref.column, rows: 0 };
  const col = q(ref.column);
  let after = 0;
  for (;;) {
    const rows: { id: number | string; value: string }[] = await runner.query(
      `SELECT id, ${col} AS value FROM ${q(ref.table)} WHERE ${col} IS NOT NULL AND SUBSTR(${col}, 1, ?) <> ? AND id > ? ORDER BY id LIMIT ?`,
      [prefix.length, prefix, after, batchSize],
    );
    if (!rows.length) break;
    for (const row of rows) {
      let plaintext: string;
      try {
        plaintext = keyring.decrypt(row.value);
      } catch (e) {
        if (e instanceof DataDecryptionError) throw new DataDecryptionError(`${ref.table}.${ref.column}, row ${row.id}: ${e.message}`);
        throw e;
      }
      const sets = [`${col} = ?`, ...ref.blindIndexes.map((b) => `${q(b.column)} = ?`)];
      const values = [keyring.encrypt(plaintext), ...ref.blindIndexes.map((b) => keyring.blindIndex(b.kind, plaintext))];
      const result = await runner.query(`UPDATE ${q(ref.table)} SET ${sets.join(', ')} WHERE id = ? AND ${col} = ?`, [...values, row.id, row.value], true);
      count.rows += result.affected ?? 0;
    }
    after = Number(rows[rows.length - 1].id);
    opts.onBatch?.({ ...count });
    if (rows.length < batchSize) break;
  }
  return count;
}

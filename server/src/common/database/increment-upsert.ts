import type { EntityManager } from 'typeorm';

/**
 * Adds to counters of the row with the given key, creating it when missing, in one statement: the
 * table needs a unique index on exactly the key columns. Both dialects do this atomically, so
 * concurrent writers never lose an increment.
 */
export async function incrementUpsert(
  tx: EntityManager,
  table: string,
  key: Record<string, string | number>,
  increments: Record<string, number>,
  /** Set on insert only: values that follow from the key (e.g. a region's path). */
  attributes: Record<string, string | number> = {},
): Promise<void> {
  const mysql = tx.connection.options.type === 'mysql' || tx.connection.options.type === 'mariadb';
  const q = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
  const columns = [...Object.keys(key), ...Object.keys(attributes), ...Object.keys(increments)];
  const values = [...Object.values(key), ...Object.values(attributes), ...Object.values(increments)];
  const insert = `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const sets = Object.keys(increments).map((c) => (mysql ? `${q(c)} = ${q(c)} + VALUES(${q(c)})` : `${q(c)} = ${q(c)} + excluded.${q(c)}`));
  const sql = mysql
    ? `${insert} ON DUPLICATE KEY UPDATE ${sets.join(', ')}`
    : `${insert} ON CONFLICT (${Object.keys(key).map(q).join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
  await tx.query(sql, values);
}

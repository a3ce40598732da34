/**
 * Column types that differ between the two dialects. The dialect is fixed per process (DB_TYPE),
 * and each dialect has its own migrations generated from these entities.
 */
import type { ColumnOptions } from 'typeorm';

const isMysql = () => (process.env.DB_TYPE ?? 'sqlite') === 'mysql';

/** Rich text: MySQL `text` stops at 64 KB, too small for articles. */
export const longText = (): ColumnOptions => ({ type: isMysql() ? 'mediumtext' : 'text' });

/** Sub-second timestamps, so ordering by time is stable on MySQL too (SQLite keeps milliseconds anyway). */
export const dateTime = (extra: ColumnOptions = {}): ColumnOptions =>
  isMysql() ? { type: 'datetime', precision: 6, ...extra } : { type: 'datetime', ...extra };

/** Generated files (reports) kept with their job: MySQL `blob` stops at 64 KB. */
export const binary = (): ColumnOptions => ({ type: isMysql() ? 'longblob' : 'blob' });

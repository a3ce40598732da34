import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Epoch milliseconds as a number on both dialects (MySQL hands BIGINT back as a string). */
const epochMs = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/** Attempts of staff sign-in under one key (username+address, address, or username); see shared login-backoff. */
@Entity('login_backoff')
export class LoginBackoff {
  /** `ui:<username>|<ip>`, `ip:<ip>` or `u:<username>`. */
  @PrimaryColumn({ type: 'varchar', length: 191 })
  id: string;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'bigint', transformer: epochMs })
  lastAttemptAt: number;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  blockedUntil: number | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTime } from '../../common/database/columns';

/**
 * One row per issued staff refresh token (stored hashed). A token is used once: refreshing revokes
 * it and issues the next in the same family; presenting a revoked token revokes the whole family.
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  staffId: number;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  family: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** The account's tokenVersion when issued; a later bump ends the session. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Column(dateTime())
  expiresAt: Date;

  @Column(dateTime({ nullable: true }))
  revokedAt: Date | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}

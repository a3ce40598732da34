import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTime, longText } from '../../common/database/columns';

/**
 * One version of a scale. A stored version never changes (a change is a new version), so a result
 * is always re-read with the definition that scored it. The highest version of a code is current.
 */
@Entity('scale_definitions')
@Index(['code', 'version'], { unique: true })
export class ScaleDefinitionRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** The validated `ScaleDefinition` as JSON. */
  @Column(longText())
  definition: string;

  @Column({ type: 'boolean', default: false })
  builtIn: boolean;

  /** Offered to residents; only the current version's flag counts. */
  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  importedBy: string | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { dateTime } from '../../common/database/columns';

/** Alert rules as edited by a system admin; the newest row applies, older rows are the history. */
@Entity('alert_rule_sets')
export class AlertRuleSet {
  @PrimaryGeneratedColumn()
  id: number;

  /** JSON `AlertRules`, validated by `validateAlertRules`. */
  @Column({ type: 'text' })
  rules: string;

  @Column({ type: 'varchar', length: 64 })
  createdBy: string;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}

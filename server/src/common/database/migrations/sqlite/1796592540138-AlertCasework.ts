import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Casework: follow-up plans, referrals, and alerts.closeOutcome (null for alerts closed before
 * outcomes were coded: shown as 未记录). Written by hand from the generated statements: the column is
 * added and dropped in place (SQLite 3.35+) rather than by rebuilding `alerts`, because the generated
 * down() renamed `alerts` away, which points the foreign keys of alert_follow_ups, alert_responses and
 * help_requests at the dropped copy and breaks the next statement that touches them.
 */
export class AlertCasework1796592540138 implements MigrationInterface {
  name = 'AlertCasework1796592540138';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alerts" ADD COLUMN "closeOutcome" varchar(16)`);
    await queryRunner.query(`CREATE TABLE "alert_follow_up_plans" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "currentKey" integer, "date" varchar(10) NOT NULL, "time" varchar(5), "purpose" varchar(1137) NOT NULL, "setById" integer NOT NULL, "setByName" varchar(64) NOT NULL, "remindedAt" datetime, "endedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_f4d1e9cb5b9aee9a723bfcddcf7" FOREIGN KEY ("alertId") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "IDX_f4d1e9cb5b9aee9a723bfcddcf" ON "alert_follow_up_plans" ("alertId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_62d1565427c815381aa5939742" ON "alert_follow_up_plans" ("currentKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_bde5b40a8cbf248bc7ce4cf433" ON "alert_follow_up_plans" ("date", "remindedAt") `);
    await queryRunner.query(`CREATE TABLE "alert_referrals" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "stationId" integer NOT NULL, "stationName" varchar(64) NOT NULL, "reason" varchar(1137) NOT NULL, "note" text, "status" varchar(16) NOT NULL DEFAULT ('sent'), "sentAt" datetime NOT NULL, "respondedOn" varchar(10), "outcome" text, "outcomeOn" varchar(10), "counsellorId" integer NOT NULL, "counsellorName" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_1593e67e41a144baf40cdf470cf" FOREIGN KEY ("alertId") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "IDX_1593e67e41a144baf40cdf470c" ON "alert_referrals" ("alertId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8f81784e522439dc546ab10187" ON "alert_referrals" ("sentAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_8f81784e522439dc546ab10187"`);
    await queryRunner.query(`DROP INDEX "IDX_1593e67e41a144baf40cdf470c"`);
    await queryRunner.query(`DROP TABLE "alert_referrals"`);
    await queryRunner.query(`DROP INDEX "IDX_bde5b40a8cbf248bc7ce4cf433"`);
    await queryRunner.query(`DROP INDEX "IDX_62d1565427c815381aa5939742"`);
    await queryRunner.query(`DROP INDEX "IDX_f4d1e9cb5b9aee9a723bfcddcf"`);
    await queryRunner.query(`DROP TABLE "alert_follow_up_plans"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "closeOutcome"`);
  }
}

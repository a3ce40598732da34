import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AlertCasework1796592540138 implements MigrationInterface {
  name = 'AlertCasework1796592540138';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alert_follow_up_plans" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "currentKey" integer, "date" varchar(10) NOT NULL, "time" varchar(5), "purpose" varchar(1137) NOT NULL, "setById" integer NOT NULL, "setByName" varchar(64) NOT NULL, "remindedAt" datetime, "endedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_f4d1e9cb5b9aee9a723bfcddcf" ON "alert_follow_up_plans" ("alertId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_62d1565427c815381aa5939742" ON "alert_follow_up_plans" ("currentKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_bde5b40a8cbf248bc7ce4cf433" ON "alert_follow_up_plans" ("date", "remindedAt") `);
    await queryRunner.query(`CREATE TABLE "alert_referrals" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "stationId" integer NOT NULL, "stationName" varchar(64) NOT NULL, "reason" varchar(1137) NOT NULL, "note" text, "status" varchar(16) NOT NULL DEFAULT ('sent'), "sentAt" datetime NOT NULL, "respondedOn" varchar(10), "outcome" text, "outcomeOn" varchar(10), "counsellorId" integer NOT NULL, "counsellorName" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_1593e67e41a144baf40cdf470c" ON "alert_referrals" ("alertId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8f81784e522439dc546ab10187" ON "alert_referrals" ("sentAt") `);
    await queryRunner.query(`DROP INDEX "IDX_edac29a158431edb3cf80d2844"`);
    await queryRunner.query(`DROP INDEX "IDX_88c4646cbcc3f2ca7507eb14ae"`);
    await queryRunner.query(`DROP INDEX "IDX_aae2573d8bf9f179544f324d8d"`);
    await queryRunner.query(`DROP INDEX "IDX_2db9bbc2b840205e7033dd0bd9"`);
    await queryRunner.query(`DROP INDEX "IDX_c642f101f8e321c56805acc0c8"`);
    await queryRunner.query(`CREATE TABLE "temporary_alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "responseId" integer, "residentId" integer NOT NULL, "colour" varchar(8) NOT NULL, "priority" integer NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "scaleCode" varchar(32), "score" double, "bandLabel" varchar(32), "crisis" boolean NOT NULL DEFAULT (0), "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "populationGroup" varchar(16), "ageBand" varchar(16), "assigneeId" integer, "assigneeName" varchar(64), "claimedAt" datetime, "dueAt" datetime, "firstFollowUpAt" datetime, "closedAt" datetime, "closeNote" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "openKey" varchar(48), "source" varchar(16) NOT NULL DEFAULT ('scale'), "helpUrgency" varchar(8), "closeOutcome" varchar(16), CONSTRAINT "REL_2db9bbc2b840205e7033dd0bd9" UNIQUE ("responseId"), CONSTRAINT "FK_edac29a158431edb3cf80d2844e" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2db9bbc2b840205e7033dd0bd96" FOREIGN KEY ("responseId") REFERENCES "scale_responses" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alerts"("id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt", "openKey", "source", "helpUrgency") SELECT "id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt", "openKey", "source", "helpUrgency" FROM "alerts"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`ALTER TABLE "temporary_alerts" RENAME TO "alerts"`);
    await queryRunner.query(`CREATE INDEX "IDX_edac29a158431edb3cf80d2844" ON "alerts" ("residentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_88c4646cbcc3f2ca7507eb14ae" ON "alerts" ("regionPath", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_aae2573d8bf9f179544f324d8d" ON "alerts" ("dueAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2db9bbc2b840205e7033dd0bd9" ON "alerts" ("responseId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c642f101f8e321c56805acc0c8" ON "alerts" ("openKey") `);
    await queryRunner.query(`DROP INDEX "IDX_f4d1e9cb5b9aee9a723bfcddcf"`);
    await queryRunner.query(`DROP INDEX "IDX_62d1565427c815381aa5939742"`);
    await queryRunner.query(`DROP INDEX "IDX_bde5b40a8cbf248bc7ce4cf433"`);
    await queryRunner.query(`CREATE TABLE "temporary_alert_follow_up_plans" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "currentKey" integer, "date" varchar(10) NOT NULL, "time" varchar(5), "purpose" varchar(1137) NOT NULL, "setById" integer NOT NULL, "setByName" varchar(64) NOT NULL, "remindedAt" datetime, "endedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_f4d1e9cb5b9aee9a723bfcddcf7" FOREIGN KEY ("alertId") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alert_follow_up_plans"("id", "alertId", "currentKey", "date", "time", "purpose", "setById", "setByName", "remindedAt", "endedAt", "createdAt") SELECT "id", "alertId", "currentKey", "date", "time", "purpose", "setById", "setByName", "remindedAt", "endedAt", "createdAt" FROM "alert_follow_up_plans"`);
    await queryRunner.query(`DROP TABLE "alert_follow_up_plans"`);
    await queryRunner.query(`ALTER TABLE "temporary_alert_follow_up_plans" RENAME TO "alert_follow_up_plans"`);
    await queryRunner.query(`CREATE INDEX "IDX_f4d1e9cb5b9aee9a723bfcddcf" ON "alert_follow_up_plans" ("alertId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_62d1565427c815381aa5939742" ON "alert_follow_up_plans" ("currentKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_bde5b40a8cbf248bc7ce4cf433" ON "alert_follow_up_plans" ("date", "remindedAt") `);
    await queryRunner.query(`DROP INDEX "IDX_1593e67e41a144baf40cdf470c"`);
    await queryRunner.query(`DROP INDEX "IDX_8f81784e522439dc546ab10187"`);
    await queryRunner.query(`CREATE TABLE "temporary_alert_referrals" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "stationId" integer NOT NULL, "stationName" varchar(64) NOT NULL, "reason" varchar(1137) NOT NULL, "note" text, "status" varchar(16) NOT NULL DEFAULT ('sent'), "sentAt" datetime NOT NULL, "respondedOn" varchar(10), "outcome" text, "outcomeOn" varchar(10), "counsellorId" integer NOT NULL, "counsellorName" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_1593e67e41a144baf40cdf470cf" FOREIGN KEY ("alertId") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alert_referrals"("id", "alertId", "stationId", "stationName", "reason", "note", "status", "sentAt", "respondedOn", "outcome", "outcomeOn", "counsellorId", "counsellorName", "createdAt", "updatedAt") SELECT "id", "alertId", "stationId", "stationName", "reason", "note", "status", "sentAt", "respondedOn", "outcome", "outcomeOn", "counsellorId", "counsellorName", "createdAt", "updatedAt" FROM "alert_referrals"`);
    await queryRunner.query(`DROP TABLE "alert_referrals"`);
    await queryRunner.query(`ALTER TABLE "temporary_alert_referrals" RENAME TO "alert_referrals"`);
    await queryRunner.query(`CREATE INDEX "IDX_1593e67e41a144baf40cdf470c" ON "alert_referrals" ("alertId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8f81784e522439dc546ab10187" ON "alert_referrals" ("sentAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_8f81784e522439dc546ab10187"`);
    await queryRunner.query(`DROP INDEX "IDX_1593e67e41a144baf40cdf470c"`);
    await queryRunner.query(`ALTER TABLE "alert_referrals" RENAME TO "temporary_alert_referrals"`);
    await queryRunner.query(`CREATE TABLE "alert_referrals" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "stationId" integer NOT NULL, "stationName" varchar(64) NOT NULL, "reason" varchar(1137) NOT NULL, "note" text, "status" varchar(16) NOT NULL DEFAULT ('sent'), "sentAt" datetime NOT NULL, "respondedOn" varchar(10), "outcome" text, "outcomeOn" varchar(10), "counsellorId" integer NOT NULL, "counsellorName" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "alert_referrals"("id", "alertId", "stationId", "stationName", "reason", "note", "status", "sentAt", "respondedOn", "outcome", "outcomeOn", "counsellorId", "counsellorName", "createdAt", "updatedAt") SELECT "id", "alertId", "stationId", "stationName", "reason", "note", "status", "sentAt", "respondedOn", "outcome", "outcomeOn", "counsellorId", "counsellorName", "createdAt", "updatedAt" FROM "temporary_alert_referrals"`);
    await queryRunner.query(`DROP TABLE "temporary_alert_referrals"`);
    await queryRunner.query(`CREATE INDEX "IDX_8f81784e522439dc546ab10187" ON "alert_referrals" ("sentAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_1593e67e41a144baf40cdf470c" ON "alert_referrals" ("alertId") `);
    await queryRunner.query(`DROP INDEX "IDX_bde5b40a8cbf248bc7ce4cf433"`);
    await queryRunner.query(`DROP INDEX "IDX_62d1565427c815381aa5939742"`);
    await queryRunner.query(`DROP INDEX "IDX_f4d1e9cb5b9aee9a723bfcddcf"`);
    await queryRunner.query(`ALTER TABLE "alert_follow_up_plans" RENAME TO "temporary_alert_follow_up_plans"`);
    await queryRunner.query(`CREATE TABLE "alert_follow_up_plans" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "currentKey" integer, "date" varchar(10) NOT NULL, "time" varchar(5), "purpose" varchar(1137) NOT NULL, "setById" integer NOT NULL, "setByName" varchar(64) NOT NULL, "remindedAt" datetime, "endedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "alert_follow_up_plans"("id", "alertId", "currentKey", "date", "time", "purpose", "setById", "setByName", "remindedAt", "endedAt", "createdAt") SELECT "id", "alertId", "currentKey", "date", "time", "purpose", "setById", "setByName", "remindedAt", "endedAt", "createdAt" FROM "temporary_alert_follow_up_plans"`);
    await queryRunner.query(`DROP TABLE "temporary_alert_follow_up_plans"`);
    await queryRunner.query(`CREATE INDEX "IDX_bde5b40a8cbf248bc7ce4cf433" ON "alert_follow_up_plans" ("date", "remindedAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_62d1565427c815381aa5939742" ON "alert_follow_up_plans" ("currentKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_f4d1e9cb5b9aee9a723bfcddcf" ON "alert_follow_up_plans" ("alertId") `);
    await queryRunner.query(`DROP INDEX "IDX_c642f101f8e321c56805acc0c8"`);
    await queryRunner.query(`DROP INDEX "IDX_2db9bbc2b840205e7033dd0bd9"`);
    await queryRunner.query(`DROP INDEX "IDX_aae2573d8bf9f179544f324d8d"`);
    await queryRunner.query(`DROP INDEX "IDX_88c4646cbcc3f2ca7507eb14ae"`);
    await queryRunner.query(`DROP INDEX "IDX_edac29a158431edb3cf80d2844"`);
    await queryRunner.query(`ALTER TABLE "alerts" RENAME TO "temporary_alerts"`);
    await queryRunner.query(`CREATE TABLE "alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "responseId" integer, "residentId" integer NOT NULL, "colour" varchar(8) NOT NULL, "priority" integer NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "scaleCode" varchar(32), "score" double, "bandLabel" varchar(32), "crisis" boolean NOT NULL DEFAULT (0), "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "populationGroup" varchar(16), "ageBand" varchar(16), "assigneeId" integer, "assigneeName" varchar(64), "claimedAt" datetime, "dueAt" datetime, "firstFollowUpAt" datetime, "closedAt" datetime, "closeNote" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "openKey" varchar(48), "source" varchar(16) NOT NULL DEFAULT ('scale'), "helpUrgency" varchar(8), CONSTRAINT "REL_2db9bbc2b840205e7033dd0bd9" UNIQUE ("responseId"), CONSTRAINT "FK_edac29a158431edb3cf80d2844e" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2db9bbc2b840205e7033dd0bd96" FOREIGN KEY ("responseId") REFERENCES "scale_responses" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "alerts"("id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt", "openKey", "source", "helpUrgency") SELECT "id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt", "openKey", "source", "helpUrgency" FROM "temporary_alerts"`);
    await queryRunner.query(`DROP TABLE "temporary_alerts"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c642f101f8e321c56805acc0c8" ON "alerts" ("openKey") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2db9bbc2b840205e7033dd0bd9" ON "alerts" ("responseId") `);
    await queryRunner.query(`CREATE INDEX "IDX_aae2573d8bf9f179544f324d8d" ON "alerts" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_88c4646cbcc3f2ca7507eb14ae" ON "alerts" ("regionPath", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_edac29a158431edb3cf80d2844" ON "alerts" ("residentId") `);
    await queryRunner.query(`DROP INDEX "IDX_8f81784e522439dc546ab10187"`);
    await queryRunner.query(`DROP INDEX "IDX_1593e67e41a144baf40cdf470c"`);
    await queryRunner.query(`DROP TABLE "alert_referrals"`);
    await queryRunner.query(`DROP INDEX "IDX_bde5b40a8cbf248bc7ce4cf433"`);
    await queryRunner.query(`DROP INDEX "IDX_62d1565427c815381aa5939742"`);
    await queryRunner.query(`DROP INDEX "IDX_f4d1e9cb5b9aee9a723bfcddcf"`);
    await queryRunner.query(`DROP TABLE "alert_follow_up_plans"`);
  }
}

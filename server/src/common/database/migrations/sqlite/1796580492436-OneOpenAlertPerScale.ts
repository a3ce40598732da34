import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OneOpenAlertPerScale1796580492436 implements MigrationInterface {
  name = 'OneOpenAlertPerScale1796580492436';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alert_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "responseId" integer NOT NULL, "colour" varchar(8) NOT NULL, "score" double NOT NULL, "bandLabel" varchar(32) NOT NULL, "crisis" boolean NOT NULL DEFAULT (0), "submittedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_6255d1de8db0499216c22852f8" ON "alert_responses" ("alertId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c0246e6a316c857c6ee83f8b61" ON "alert_responses" ("responseId") `);
    await queryRunner.query(`DROP INDEX "IDX_88c4646cbcc3f2ca7507eb14ae"`);
    await queryRunner.query(`DROP INDEX "IDX_aae2573d8bf9f179544f324d8d"`);
    await queryRunner.query(`DROP INDEX "IDX_2db9bbc2b840205e7033dd0bd9"`);
    await queryRunner.query(`CREATE TABLE "temporary_alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "responseId" integer NOT NULL, "residentId" integer NOT NULL, "colour" varchar(8) NOT NULL, "priority" integer NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "scaleCode" varchar(32) NOT NULL, "score" double NOT NULL, "bandLabel" varchar(32) NOT NULL, "crisis" boolean NOT NULL DEFAULT (0), "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "populationGroup" varchar(16), "ageBand" varchar(16), "assigneeId" integer, "assigneeName" varchar(64), "claimedAt" datetime, "dueAt" datetime, "firstFollowUpAt" datetime, "closedAt" datetime, "closeNote" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "openKey" varchar(48), CONSTRAINT "REL_2db9bbc2b840205e7033dd0bd9" UNIQUE ("responseId"), CONSTRAINT "FK_2db9bbc2b840205e7033dd0bd96" FOREIGN KEY ("responseId") REFERENCES "scale_responses" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alerts"("id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt") SELECT "id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt" FROM "alerts"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`ALTER TABLE "temporary_alerts" RENAME TO "alerts"`);
    await queryRunner.query(`CREATE INDEX "IDX_88c4646cbcc3f2ca7507eb14ae" ON "alerts" ("regionPath", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_aae2573d8bf9f179544f324d8d" ON "alerts" ("dueAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2db9bbc2b840205e7033dd0bd9" ON "alerts" ("responseId") `);
    // Existing unclosed alerts: the oldest per resident and scale takes the key and gathers later results; any others stay open as they are.
    await queryRunner.query(`UPDATE "alerts" SET "openKey" = "residentId" || ':' || "scaleCode" WHERE "id" IN (SELECT MIN("id") FROM "alerts" WHERE "status" <> 'closed' GROUP BY "residentId", "scaleCode")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c642f101f8e321c56805acc0c8" ON "alerts" ("openKey") `);
    await queryRunner.query(`DROP INDEX "IDX_6255d1de8db0499216c22852f8"`);
    await queryRunner.query(`DROP INDEX "IDX_c0246e6a316c857c6ee83f8b61"`);
    await queryRunner.query(`CREATE TABLE "temporary_alert_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "responseId" integer NOT NULL, "colour" varchar(8) NOT NULL, "score" double NOT NULL, "bandLabel" varchar(32) NOT NULL, "crisis" boolean NOT NULL DEFAULT (0), "submittedAt" datetime NOT NULL, CONSTRAINT "FK_6255d1de8db0499216c22852f8d" FOREIGN KEY ("alertId") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c0246e6a316c857c6ee83f8b618" FOREIGN KEY ("responseId") REFERENCES "scale_responses" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alert_responses"("id", "alertId", "responseId", "colour", "score", "bandLabel", "crisis", "submittedAt") SELECT "id", "alertId", "responseId", "colour", "score", "bandLabel", "crisis", "submittedAt" FROM "alert_responses"`);
    await queryRunner.query(`DROP TABLE "alert_responses"`);
    await queryRunner.query(`ALTER TABLE "temporary_alert_responses" RENAME TO "alert_responses"`);
    await queryRunner.query(`CREATE INDEX "IDX_6255d1de8db0499216c22852f8" ON "alert_responses" ("alertId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c0246e6a316c857c6ee83f8b61" ON "alert_responses" ("responseId") `);
    // Every existing alert's timeline starts with the result that raised it.
    await queryRunner.query(`INSERT INTO "alert_responses" ("alertId", "responseId", "colour", "score", "bandLabel", "crisis", "submittedAt") SELECT "id", "responseId", "colour", "score", "bandLabel", "crisis", "createdAt" FROM "alerts"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c0246e6a316c857c6ee83f8b61"`);
    await queryRunner.query(`DROP INDEX "IDX_6255d1de8db0499216c22852f8"`);
    await queryRunner.query(`ALTER TABLE "alert_responses" RENAME TO "temporary_alert_responses"`);
    await queryRunner.query(`CREATE TABLE "alert_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "responseId" integer NOT NULL, "colour" varchar(8) NOT NULL, "score" double NOT NULL, "bandLabel" varchar(32) NOT NULL, "crisis" boolean NOT NULL DEFAULT (0), "submittedAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "alert_responses"("id", "alertId", "responseId", "colour", "score", "bandLabel", "crisis", "submittedAt") SELECT "id", "alertId", "responseId", "colour", "score", "bandLabel", "crisis", "submittedAt" FROM "temporary_alert_responses"`);
    await queryRunner.query(`DROP TABLE "temporary_alert_responses"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c0246e6a316c857c6ee83f8b61" ON "alert_responses" ("responseId") `);
    await queryRunner.query(`CREATE INDEX "IDX_6255d1de8db0499216c22852f8" ON "alert_responses" ("alertId") `);
    await queryRunner.query(`DROP INDEX "IDX_c642f101f8e321c56805acc0c8"`);
    await queryRunner.query(`DROP INDEX "IDX_2db9bbc2b840205e7033dd0bd9"`);
    await queryRunner.query(`DROP INDEX "IDX_aae2573d8bf9f179544f324d8d"`);
    await queryRunner.query(`DROP INDEX "IDX_88c4646cbcc3f2ca7507eb14ae"`);
    await queryRunner.query(`ALTER TABLE "alerts" RENAME TO "temporary_alerts"`);
    await queryRunner.query(`CREATE TABLE "alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "responseId" integer NOT NULL, "residentId" integer NOT NULL, "colour" varchar(8) NOT NULL, "priority" integer NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "scaleCode" varchar(32) NOT NULL, "score" double NOT NULL, "bandLabel" varchar(32) NOT NULL, "crisis" boolean NOT NULL DEFAULT (0), "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "populationGroup" varchar(16), "ageBand" varchar(16), "assigneeId" integer, "assigneeName" varchar(64), "claimedAt" datetime, "dueAt" datetime, "firstFollowUpAt" datetime, "closedAt" datetime, "closeNote" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "REL_2db9bbc2b840205e7033dd0bd9" UNIQUE ("responseId"), CONSTRAINT "FK_2db9bbc2b840205e7033dd0bd96" FOREIGN KEY ("responseId") REFERENCES "scale_responses" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "alerts"("id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt") SELECT "id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt" FROM "temporary_alerts"`);
    await queryRunner.query(`DROP TABLE "temporary_alerts"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2db9bbc2b840205e7033dd0bd9" ON "alerts" ("responseId") `);
    await queryRunner.query(`CREATE INDEX "IDX_aae2573d8bf9f179544f324d8d" ON "alerts" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_88c4646cbcc3f2ca7507eb14ae" ON "alerts" ("regionPath", "status") `);
    await queryRunner.query(`DROP INDEX "IDX_c0246e6a316c857c6ee83f8b61"`);
    await queryRunner.query(`DROP INDEX "IDX_6255d1de8db0499216c22852f8"`);
    await queryRunner.query(`DROP TABLE "alert_responses"`);
  }
}

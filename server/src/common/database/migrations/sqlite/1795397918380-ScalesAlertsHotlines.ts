import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScalesAlertsHotlines1795397918380 implements MigrationInterface {
  name = 'ScalesAlertsHotlines1795397918380';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "scale_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clientRequestId" varchar(64) NOT NULL, "residentId" integer, "scaleCode" varchar(32) NOT NULL, "scaleVersion" integer NOT NULL, "answers" text, "raw" double NOT NULL, "score" double NOT NULL, "subscales" varchar(500) NOT NULL DEFAULT ('{}'), "bandIndex" integer NOT NULL, "severity" integer NOT NULL, "mostSevere" boolean NOT NULL DEFAULT (0), "crisis" boolean NOT NULL DEFAULT (0), "criticalItems" varchar(500) NOT NULL DEFAULT ('[]'), "consentMode" varchar(16) NOT NULL, "consentVersion" integer NOT NULL, "followUp" boolean NOT NULL DEFAULT (0), "contactName" varchar(32), "contactPhone" varchar(20), "guardianName" varchar(32), "guardianRelation" varchar(16), "regionId" integer, "regionPath" varchar(255), "populationGroup" varchar(16), "ageBand" varchar(16), "month" varchar(7) NOT NULL, "submittedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_673875b188736fc126bf2ed5c1" ON "scale_responses" ("clientRequestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4389da3b4dd5ed52515f04f5f7" ON "scale_responses" ("residentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9c45d534c0cb39bc32b509dab" ON "scale_responses" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_f850a2144d6eb48e1c3de713d3" ON "scale_responses" ("scaleCode", "month") `);
    await queryRunner.query(`CREATE TABLE "alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "responseId" integer NOT NULL, "residentId" integer NOT NULL, "colour" varchar(8) NOT NULL, "priority" integer NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "scaleCode" varchar(32) NOT NULL, "score" double NOT NULL, "bandLabel" varchar(32) NOT NULL, "crisis" boolean NOT NULL DEFAULT (0), "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "populationGroup" varchar(16), "ageBand" varchar(16), "assigneeId" integer, "assigneeName" varchar(64), "claimedAt" datetime, "dueAt" datetime, "firstFollowUpAt" datetime, "closedAt" datetime, "closeNote" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "REL_2db9bbc2b840205e7033dd0bd9" UNIQUE ("responseId"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2db9bbc2b840205e7033dd0bd9" ON "alerts" ("responseId") `);
    await queryRunner.query(`CREATE INDEX "IDX_aae2573d8bf9f179544f324d8d" ON "alerts" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_88c4646cbcc3f2ca7507eb14ae" ON "alerts" ("regionPath", "status") `);
    await queryRunner.query(`CREATE TABLE "alert_follow_ups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "at" datetime NOT NULL, "method" varchar(16) NOT NULL, "outcome" text NOT NULL, "nextColour" varchar(8), "counsellorId" integer NOT NULL, "counsellorName" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_aa6109a8c3f1e4e482c9acbfe4" ON "alert_follow_ups" ("alertId") `);
    await queryRunner.query(`CREATE TABLE "hotlines" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "number" varchar(24) NOT NULL, "hours" varchar(100) NOT NULL, "is24h" boolean NOT NULL DEFAULT (0), "audiences" text NOT NULL, "source" varchar(200), "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "sortOrder" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_14ab03163954d8d2a2dbf7885c" ON "hotlines" ("regionPath") `);
    await queryRunner.query(`CREATE TABLE "alert_rule_sets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "rules" text NOT NULL, "createdBy" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE TABLE "scale_definitions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "version" integer NOT NULL, "title" varchar(100) NOT NULL, "definition" text NOT NULL, "builtIn" boolean NOT NULL DEFAULT (0), "enabled" boolean NOT NULL DEFAULT (0), "importedBy" varchar(64), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cff0a3da916a91245ec16cc5e2" ON "scale_definitions" ("code", "version") `);
    await queryRunner.query(`DROP INDEX "IDX_673875b188736fc126bf2ed5c1"`);
    await queryRunner.query(`DROP INDEX "IDX_4389da3b4dd5ed52515f04f5f7"`);
    await queryRunner.query(`DROP INDEX "IDX_a9c45d534c0cb39bc32b509dab"`);
    await queryRunner.query(`DROP INDEX "IDX_f850a2144d6eb48e1c3de713d3"`);
    await queryRunner.query(`CREATE TABLE "temporary_scale_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clientRequestId" varchar(64) NOT NULL, "residentId" integer, "scaleCode" varchar(32) NOT NULL, "scaleVersion" integer NOT NULL, "answers" text, "raw" double NOT NULL, "score" double NOT NULL, "subscales" varchar(500) NOT NULL DEFAULT ('{}'), "bandIndex" integer NOT NULL, "severity" integer NOT NULL, "mostSevere" boolean NOT NULL DEFAULT (0), "crisis" boolean NOT NULL DEFAULT (0), "criticalItems" varchar(500) NOT NULL DEFAULT ('[]'), "consentMode" varchar(16) NOT NULL, "consentVersion" integer NOT NULL, "followUp" boolean NOT NULL DEFAULT (0), "contactName" varchar(32), "contactPhone" varchar(20), "guardianName" varchar(32), "guardianRelation" varchar(16), "regionId" integer, "regionPath" varchar(255), "populationGroup" varchar(16), "ageBand" varchar(16), "month" varchar(7) NOT NULL, "submittedAt" datetime NOT NULL, CONSTRAINT "FK_4389da3b4dd5ed52515f04f5f72" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_scale_responses"("id", "clientRequestId", "residentId", "scaleCode", "scaleVersion", "answers", "raw", "score", "subscales", "bandIndex", "severity", "mostSevere", "crisis", "criticalItems", "consentMode", "consentVersion", "followUp", "contactName", "contactPhone", "guardianName", "guardianRelation", "regionId", "regionPath", "populationGroup", "ageBand", "month", "submittedAt") SELECT "id", "clientRequestId", "residentId", "scaleCode", "scaleVersion", "answers", "raw", "score", "subscales", "bandIndex", "severity", "mostSevere", "crisis", "criticalItems", "consentMode", "consentVersion", "followUp", "contactName", "contactPhone", "guardianName", "guardianRelation", "regionId", "regionPath", "populationGroup", "ageBand", "month", "submittedAt" FROM "scale_responses"`);
    await queryRunner.query(`DROP TABLE "scale_responses"`);
    await queryRunner.query(`ALTER TABLE "temporary_scale_responses" RENAME TO "scale_responses"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_673875b188736fc126bf2ed5c1" ON "scale_responses" ("clientRequestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4389da3b4dd5ed52515f04f5f7" ON "scale_responses" ("residentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9c45d534c0cb39bc32b509dab" ON "scale_responses" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_f850a2144d6eb48e1c3de713d3" ON "scale_responses" ("scaleCode", "month") `);
    await queryRunner.query(`DROP INDEX "IDX_2db9bbc2b840205e7033dd0bd9"`);
    await queryRunner.query(`DROP INDEX "IDX_aae2573d8bf9f179544f324d8d"`);
    await queryRunner.query(`DROP INDEX "IDX_88c4646cbcc3f2ca7507eb14ae"`);
    await queryRunner.query(`CREATE TABLE "temporary_alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "responseId" integer NOT NULL, "residentId" integer NOT NULL, "colour" varchar(8) NOT NULL, "priority" integer NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "scaleCode" varchar(32) NOT NULL, "score" double NOT NULL, "bandLabel" varchar(32) NOT NULL, "crisis" boolean NOT NULL DEFAULT (0), "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "populationGroup" varchar(16), "ageBand" varchar(16), "assigneeId" integer, "assigneeName" varchar(64), "claimedAt" datetime, "dueAt" datetime, "firstFollowUpAt" datetime, "closedAt" datetime, "closeNote" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "REL_2db9bbc2b840205e7033dd0bd9" UNIQUE ("responseId"), CONSTRAINT "FK_2db9bbc2b840205e7033dd0bd96" FOREIGN KEY ("responseId") REFERENCES "scale_responses" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alerts"("id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt") SELECT "id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt" FROM "alerts"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`ALTER TABLE "temporary_alerts" RENAME TO "alerts"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2db9bbc2b840205e7033dd0bd9" ON "alerts" ("responseId") `);
    await queryRunner.query(`CREATE INDEX "IDX_aae2573d8bf9f179544f324d8d" ON "alerts" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_88c4646cbcc3f2ca7507eb14ae" ON "alerts" ("regionPath", "status") `);
    await queryRunner.query(`DROP INDEX "IDX_aa6109a8c3f1e4e482c9acbfe4"`);
    await queryRunner.query(`CREATE TABLE "temporary_alert_follow_ups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "at" datetime NOT NULL, "method" varchar(16) NOT NULL, "outcome" text NOT NULL, "nextColour" varchar(8), "counsellorId" integer NOT NULL, "counsellorName" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_aa6109a8c3f1e4e482c9acbfe4d" FOREIGN KEY ("alertId") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alert_follow_ups"("id", "alertId", "at", "method", "outcome", "nextColour", "counsellorId", "counsellorName", "createdAt") SELECT "id", "alertId", "at", "method", "outcome", "nextColour", "counsellorId", "counsellorName", "createdAt" FROM "alert_follow_ups"`);
    await queryRunner.query(`DROP TABLE "alert_follow_ups"`);
    await queryRunner.query(`ALTER TABLE "temporary_alert_follow_ups" RENAME TO "alert_follow_ups"`);
    await queryRunner.query(`CREATE INDEX "IDX_aa6109a8c3f1e4e482c9acbfe4" ON "alert_follow_ups" ("alertId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_aa6109a8c3f1e4e482c9acbfe4"`);
    await queryRunner.query(`ALTER TABLE "alert_follow_ups" RENAME TO "temporary_alert_follow_ups"`);
    await queryRunner.query(`CREATE TABLE "alert_follow_ups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "at" datetime NOT NULL, "method" varchar(16) NOT NULL, "outcome" text NOT NULL, "nextColour" varchar(8), "counsellorId" integer NOT NULL, "counsellorName" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "alert_follow_ups"("id", "alertId", "at", "method", "outcome", "nextColour", "counsellorId", "counsellorName", "createdAt") SELECT "id", "alertId", "at", "method", "outcome", "nextColour", "counsellorId", "counsellorName", "createdAt" FROM "temporary_alert_follow_ups"`);
    await queryRunner.query(`DROP TABLE "temporary_alert_follow_ups"`);
    await queryRunner.query(`CREATE INDEX "IDX_aa6109a8c3f1e4e482c9acbfe4" ON "alert_follow_ups" ("alertId") `);
    await queryRunner.query(`DROP INDEX "IDX_88c4646cbcc3f2ca7507eb14ae"`);
    await queryRunner.query(`DROP INDEX "IDX_aae2573d8bf9f179544f324d8d"`);
    await queryRunner.query(`DROP INDEX "IDX_2db9bbc2b840205e7033dd0bd9"`);
    await queryRunner.query(`ALTER TABLE "alerts" RENAME TO "temporary_alerts"`);
    await queryRunner.query(`CREATE TABLE "alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "responseId" integer NOT NULL, "residentId" integer NOT NULL, "colour" varchar(8) NOT NULL, "priority" integer NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "scaleCode" varchar(32) NOT NULL, "score" double NOT NULL, "bandLabel" varchar(32) NOT NULL, "crisis" boolean NOT NULL DEFAULT (0), "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "populationGroup" varchar(16), "ageBand" varchar(16), "assigneeId" integer, "assigneeName" varchar(64), "claimedAt" datetime, "dueAt" datetime, "firstFollowUpAt" datetime, "closedAt" datetime, "closeNote" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "REL_2db9bbc2b840205e7033dd0bd9" UNIQUE ("responseId"))`);
    await queryRunner.query(`INSERT INTO "alerts"("id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt") SELECT "id", "responseId", "residentId", "colour", "priority", "status", "scaleCode", "score", "bandLabel", "crisis", "regionId", "regionPath", "populationGroup", "ageBand", "assigneeId", "assigneeName", "claimedAt", "dueAt", "firstFollowUpAt", "closedAt", "closeNote", "createdAt", "updatedAt" FROM "temporary_alerts"`);
    await queryRunner.query(`DROP TABLE "temporary_alerts"`);
    await queryRunner.query(`CREATE INDEX "IDX_88c4646cbcc3f2ca7507eb14ae" ON "alerts" ("regionPath", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_aae2573d8bf9f179544f324d8d" ON "alerts" ("dueAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2db9bbc2b840205e7033dd0bd9" ON "alerts" ("responseId") `);
    await queryRunner.query(`DROP INDEX "IDX_f850a2144d6eb48e1c3de713d3"`);
    await queryRunner.query(`DROP INDEX "IDX_a9c45d534c0cb39bc32b509dab"`);
    await queryRunner.query(`DROP INDEX "IDX_4389da3b4dd5ed52515f04f5f7"`);
    await queryRunner.query(`DROP INDEX "IDX_673875b188736fc126bf2ed5c1"`);
    await queryRunner.query(`ALTER TABLE "scale_responses" RENAME TO "temporary_scale_responses"`);
    await queryRunner.query(`CREATE TABLE "scale_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clientRequestId" varchar(64) NOT NULL, "residentId" integer, "scaleCode" varchar(32) NOT NULL, "scaleVersion" integer NOT NULL, "answers" text, "raw" double NOT NULL, "score" double NOT NULL, "subscales" varchar(500) NOT NULL DEFAULT ('{}'), "bandIndex" integer NOT NULL, "severity" integer NOT NULL, "mostSevere" boolean NOT NULL DEFAULT (0), "crisis" boolean NOT NULL DEFAULT (0), "criticalItems" varchar(500) NOT NULL DEFAULT ('[]'), "consentMode" varchar(16) NOT NULL, "consentVersion" integer NOT NULL, "followUp" boolean NOT NULL DEFAULT (0), "contactName" varchar(32), "contactPhone" varchar(20), "guardianName" varchar(32), "guardianRelation" varchar(16), "regionId" integer, "regionPath" varchar(255), "populationGroup" varchar(16), "ageBand" varchar(16), "month" varchar(7) NOT NULL, "submittedAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "scale_responses"("id", "clientRequestId", "residentId", "scaleCode", "scaleVersion", "answers", "raw", "score", "subscales", "bandIndex", "severity", "mostSevere", "crisis", "criticalItems", "consentMode", "consentVersion", "followUp", "contactName", "contactPhone", "guardianName", "guardianRelation", "regionId", "regionPath", "populationGroup", "ageBand", "month", "submittedAt") SELECT "id", "clientRequestId", "residentId", "scaleCode", "scaleVersion", "answers", "raw", "score", "subscales", "bandIndex", "severity", "mostSevere", "crisis", "criticalItems", "consentMode", "consentVersion", "followUp", "contactName", "contactPhone", "guardianName", "guardianRelation", "regionId", "regionPath", "populationGroup", "ageBand", "month", "submittedAt" FROM "temporary_scale_responses"`);
    await queryRunner.query(`DROP TABLE "temporary_scale_responses"`);
    await queryRunner.query(`CREATE INDEX "IDX_f850a2144d6eb48e1c3de713d3" ON "scale_responses" ("scaleCode", "month") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9c45d534c0cb39bc32b509dab" ON "scale_responses" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_4389da3b4dd5ed52515f04f5f7" ON "scale_responses" ("residentId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_673875b188736fc126bf2ed5c1" ON "scale_responses" ("clientRequestId") `);
    await queryRunner.query(`DROP INDEX "IDX_cff0a3da916a91245ec16cc5e2"`);
    await queryRunner.query(`DROP TABLE "scale_definitions"`);
    await queryRunner.query(`DROP TABLE "alert_rule_sets"`);
    await queryRunner.query(`DROP INDEX "IDX_14ab03163954d8d2a2dbf7885c"`);
    await queryRunner.query(`DROP TABLE "hotlines"`);
    await queryRunner.query(`DROP INDEX "IDX_aa6109a8c3f1e4e482c9acbfe4"`);
    await queryRunner.query(`DROP TABLE "alert_follow_ups"`);
    await queryRunner.query(`DROP INDEX "IDX_88c4646cbcc3f2ca7507eb14ae"`);
    await queryRunner.query(`DROP INDEX "IDX_aae2573d8bf9f179544f324d8d"`);
    await queryRunner.query(`DROP INDEX "IDX_2db9bbc2b840205e7033dd0bd9"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`DROP INDEX "IDX_f850a2144d6eb48e1c3de713d3"`);
    await queryRunner.query(`DROP INDEX "IDX_a9c45d534c0cb39bc32b509dab"`);
    await queryRunner.query(`DROP INDEX "IDX_4389da3b4dd5ed52515f04f5f7"`);
    await queryRunner.query(`DROP INDEX "IDX_673875b188736fc126bf2ed5c1"`);
    await queryRunner.query(`DROP TABLE "scale_responses"`);
  }
}

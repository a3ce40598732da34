import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataProtection1796579261772 implements MigrationInterface {
  name = 'DataProtection1796579261772';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1a004e583620bddc805309e684"`);
    await queryRunner.query(`DROP INDEX "IDX_18f5178dc0f8100d9c6ae68cdc"`);
    await queryRunner.query(`DROP INDEX "IDX_3e336bd6dd7985b01d2e6f0f8f"`);
    await queryRunner.query(`DROP INDEX "IDX_6b96deaf4ae5412cfe25fff112"`);
    await queryRunner.query(`DROP INDEX "IDX_83e08a204908471622396a9c28"`);
    await queryRunner.query(`DROP INDEX "IDX_029d0ffd27c9c054e597d0135a"`);
    await queryRunner.query(`CREATE TABLE "temporary_event_registrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "eventId" integer NOT NULL, "residentId" integer NOT NULL, "status" varchar(16) NOT NULL, "source" varchar(16) NOT NULL DEFAULT ('online'), "name" varchar(32), "phone" varchar(20), "consentVersion" integer, "ticketCode" varchar(16) NOT NULL, "queuedAt" datetime, "offeredAt" datetime, "offerExpiresAt" datetime, "confirmedAt" datetime, "cancelledAt" datetime, "checkedInAt" datetime, "checkinMethod" varchar(16), "checkedInById" integer, "checkedInByName" varchar(64), "clientRequestId" varchar(64), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "phoneIndex" varchar(64), "phoneTailIndex" varchar(64), CONSTRAINT "FK_029d0ffd27c9c054e597d0135aa" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e4e6dce237a527e4515f3d430f1" FOREIGN KEY ("eventId") REFERENCES "events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_event_registrations"("id", "eventId", "residentId", "status", "source", "name", "phone", "consentVersion", "ticketCode", "queuedAt", "offeredAt", "offerExpiresAt", "confirmedAt", "cancelledAt", "checkedInAt", "checkinMethod", "checkedInById", "checkedInByName", "clientRequestId", "createdAt", "updatedAt") SELECT "id", "eventId", "residentId", "status", "source", "name", "phone", "consentVersion", "ticketCode", "queuedAt", "offeredAt", "offerExpiresAt", "confirmedAt", "cancelledAt", "checkedInAt", "checkinMethod", "checkedInById", "checkedInByName", "clientRequestId", "createdAt", "updatedAt" FROM "event_registrations"`);
    await queryRunner.query(`DROP TABLE "event_registrations"`);
    await queryRunner.query(`ALTER TABLE "temporary_event_registrations" RENAME TO "event_registrations"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1a004e583620bddc805309e684" ON "event_registrations" ("eventId", "residentId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_18f5178dc0f8100d9c6ae68cdc" ON "event_registrations" ("eventId", "ticketCode") `);
    await queryRunner.query(`CREATE INDEX "IDX_3e336bd6dd7985b01d2e6f0f8f" ON "event_registrations" ("eventId", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6b96deaf4ae5412cfe25fff112" ON "event_registrations" ("clientRequestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_83e08a204908471622396a9c28" ON "event_registrations" ("offerExpiresAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_029d0ffd27c9c054e597d0135a" ON "event_registrations" ("residentId") `);
    await queryRunner.query(`DROP INDEX "IDX_e1562b843abf0cc9678c70aac1"`);
    await queryRunner.query(`CREATE TABLE "temporary_jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(32) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('queued'), "params" text NOT NULL, "progress" double NOT NULL DEFAULT (0), "attempts" integer NOT NULL DEFAULT (0), "maxAttempts" integer NOT NULL DEFAULT (3), "runAfter" datetime NOT NULL, "lockedAt" datetime, "error" varchar(500), "fileName" varchar(100), "file" blob, "createdById" integer, "regionPath" varchar(255), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "finishedAt" datetime, "scheduleKey" varchar(32))`);
    await queryRunner.query(`INSERT INTO "temporary_jobs"("id", "kind", "status", "params", "progress", "attempts", "maxAttempts", "runAfter", "lockedAt", "error", "fileName", "file", "createdById", "regionPath", "createdAt", "finishedAt") SELECT "id", "kind", "status", "params", "progress", "attempts", "maxAttempts", "runAfter", "lockedAt", "error", "fileName", "file", "createdById", "regionPath", "createdAt", "finishedAt" FROM "jobs"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
    await queryRunner.query(`ALTER TABLE "temporary_jobs" RENAME TO "jobs"`);
    await queryRunner.query(`CREATE INDEX "IDX_e1562b843abf0cc9678c70aac1" ON "jobs" ("status", "runAfter") `);
    await queryRunner.query(`DROP INDEX "IDX_e3e21cb5a1e57c9ffa3d2019d2"`);
    await queryRunner.query(`DROP INDEX "IDX_c89f6bce60cd5dbbc6196672ad"`);
    await queryRunner.query(`CREATE TABLE "temporary_residents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "unionid" varchar(64), "nickname" varchar(241), "regionId" integer, "regionPath" varchar(255), "populationGroup" varchar(16), "ageBand" varchar(16), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "gender" varchar(16))`);
    await queryRunner.query(`INSERT INTO "temporary_residents"("id", "openid", "unionid", "nickname", "regionId", "regionPath", "populationGroup", "ageBand", "createdAt", "updatedAt", "gender") SELECT "id", "openid", "unionid", "nickname", "regionId", "regionPath", "populationGroup", "ageBand", "createdAt", "updatedAt", "gender" FROM "residents"`);
    await queryRunner.query(`DROP TABLE "residents"`);
    await queryRunner.query(`ALTER TABLE "temporary_residents" RENAME TO "residents"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e3e21cb5a1e57c9ffa3d2019d2" ON "residents" ("openid") `);
    await queryRunner.query(`CREATE INDEX "IDX_c89f6bce60cd5dbbc6196672ad" ON "residents" ("regionPath") `);
    await queryRunner.query(`DROP INDEX "IDX_f850a2144d6eb48e1c3de713d3"`);
    await queryRunner.query(`DROP INDEX "IDX_a9c45d534c0cb39bc32b509dab"`);
    await queryRunner.query(`DROP INDEX "IDX_4389da3b4dd5ed52515f04f5f7"`);
    await queryRunner.query(`DROP INDEX "IDX_673875b188736fc126bf2ed5c1"`);
    await queryRunner.query(`CREATE TABLE "temporary_scale_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clientRequestId" varchar(64) NOT NULL, "residentId" integer, "scaleCode" varchar(32) NOT NULL, "scaleVersion" integer NOT NULL, "answers" text, "raw" double NOT NULL, "score" double NOT NULL, "subscales" varchar(500) NOT NULL DEFAULT ('{}'), "bandIndex" integer NOT NULL, "severity" integer NOT NULL, "mostSevere" boolean NOT NULL DEFAULT (0), "crisis" boolean NOT NULL DEFAULT (0), "criticalItems" varchar(500) NOT NULL DEFAULT ('[]'), "consentMode" varchar(16) NOT NULL, "consentVersion" integer NOT NULL, "followUp" boolean NOT NULL DEFAULT (0), "contactName" varchar(241), "contactPhone" varchar(177), "guardianName" varchar(241), "guardianRelation" varchar(16), "regionId" integer, "regionPath" varchar(255), "populationGroup" varchar(16), "ageBand" varchar(16), "month" varchar(7) NOT NULL, "submittedAt" datetime NOT NULL, CONSTRAINT "FK_4389da3b4dd5ed52515f04f5f72" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_scale_responses"("id", "clientRequestId", "residentId", "scaleCode", "scaleVersion", "answers", "raw", "score", "subscales", "bandIndex", "severity", "mostSevere", "crisis", "criticalItems", "consentMode", "consentVersion", "followUp", "contactName", "contactPhone", "guardianName", "guardianRelation", "regionId", "regionPath", "populationGroup", "ageBand", "month", "submittedAt") SELECT "id", "clientRequestId", "residentId", "scaleCode", "scaleVersion", "answers", "raw", "score", "subscales", "bandIndex", "severity", "mostSevere", "crisis", "criticalItems", "consentMode", "consentVersion", "followUp", "contactName", "contactPhone", "guardianName", "guardianRelation", "regionId", "regionPath", "populationGroup", "ageBand", "month", "submittedAt" FROM "scale_responses"`);
    await queryRunner.query(`DROP TABLE "scale_responses"`);
    await queryRunner.query(`ALTER TABLE "temporary_scale_responses" RENAME TO "scale_responses"`);
    await queryRunner.query(`CREATE INDEX "IDX_f850a2144d6eb48e1c3de713d3" ON "scale_responses" ("scaleCode", "month") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9c45d534c0cb39bc32b509dab" ON "scale_responses" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_4389da3b4dd5ed52515f04f5f7" ON "scale_responses" ("residentId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_673875b188736fc126bf2ed5c1" ON "scale_responses" ("clientRequestId") `);
    await queryRunner.query(`DROP INDEX "IDX_1a004e583620bddc805309e684"`);
    await queryRunner.query(`DROP INDEX "IDX_18f5178dc0f8100d9c6ae68cdc"`);
    await queryRunner.query(`DROP INDEX "IDX_3e336bd6dd7985b01d2e6f0f8f"`);
    await queryRunner.query(`DROP INDEX "IDX_6b96deaf4ae5412cfe25fff112"`);
    await queryRunner.query(`DROP INDEX "IDX_83e08a204908471622396a9c28"`);
    await queryRunner.query(`DROP INDEX "IDX_029d0ffd27c9c054e597d0135a"`);
    await queryRunner.query(`CREATE TABLE "temporary_event_registrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "eventId" integer NOT NULL, "residentId" integer NOT NULL, "status" varchar(16) NOT NULL, "source" varchar(16) NOT NULL DEFAULT ('online'), "name" varchar(32), "phone" varchar(177), "consentVersion" integer, "ticketCode" varchar(16) NOT NULL, "queuedAt" datetime, "offeredAt" datetime, "offerExpiresAt" datetime, "confirmedAt" datetime, "cancelledAt" datetime, "checkedInAt" datetime, "checkinMethod" varchar(16), "checkedInById" integer, "checkedInByName" varchar(64), "clientRequestId" varchar(64), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "phoneIndex" varchar(64), "phoneTailIndex" varchar(64), CONSTRAINT "FK_029d0ffd27c9c054e597d0135aa" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e4e6dce237a527e4515f3d430f1" FOREIGN KEY ("eventId") REFERENCES "events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_event_registrations"("id", "eventId", "residentId", "status", "source", "name", "phone", "consentVersion", "ticketCode", "queuedAt", "offeredAt", "offerExpiresAt", "confirmedAt", "cancelledAt", "checkedInAt", "checkinMethod", "checkedInById", "checkedInByName", "clientRequestId", "createdAt", "updatedAt", "phoneIndex", "phoneTailIndex") SELECT "id", "eventId", "residentId", "status", "source", "name", "phone", "consentVersion", "ticketCode", "queuedAt", "offeredAt", "offerExpiresAt", "confirmedAt", "cancelledAt", "checkedInAt", "checkinMethod", "checkedInById", "checkedInByName", "clientRequestId", "createdAt", "updatedAt", "phoneIndex", "phoneTailIndex" FROM "event_registrations"`);
    await queryRunner.query(`DROP TABLE "event_registrations"`);
    await queryRunner.query(`ALTER TABLE "temporary_event_registrations" RENAME TO "event_registrations"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1a004e583620bddc805309e684" ON "event_registrations" ("eventId", "residentId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_18f5178dc0f8100d9c6ae68cdc" ON "event_registrations" ("eventId", "ticketCode") `);
    await queryRunner.query(`CREATE INDEX "IDX_3e336bd6dd7985b01d2e6f0f8f" ON "event_registrations" ("eventId", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6b96deaf4ae5412cfe25fff112" ON "event_registrations" ("clientRequestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_83e08a204908471622396a9c28" ON "event_registrations" ("offerExpiresAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_029d0ffd27c9c054e597d0135a" ON "event_registrations" ("residentId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7a44a5ccdfce3b3491d5789871" ON "jobs" ("scheduleKey") `);
  }

  // SQLite ignores declared varchar lengths, so the wider encrypted columns stay as they are. The
  // generated down rebuilt every table instead; TypeORM reverts inside a transaction, where foreign
  // keys cannot be switched off, so dropping `residents` to rebuild it would cascade-delete every
  // resident's records.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_7a44a5ccdfce3b3491d5789871"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "scheduleKey"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP COLUMN "phoneTailIndex"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP COLUMN "phoneIndex"`);
  }
}

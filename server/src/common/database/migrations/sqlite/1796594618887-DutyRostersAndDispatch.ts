import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DutyRostersAndDispatch1796594618887 implements MigrationInterface {
  name = 'DutyRostersAndDispatch1796594618887';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alert_dispatch_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "at" datetime NOT NULL, "kind" varchar(16) NOT NULL, "colour" varchar(8), "level" integer, "step" varchar(16), "regionId" integer, "staff" text, "reason" varchar(16), "until" datetime, "sendKey" varchar(48))`);
    await queryRunner.query(`CREATE INDEX "IDX_5fec53531841108c82fa82e9f5" ON "alert_dispatch_events" ("alertId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cba162694bc8653f98964b4dea" ON "alert_dispatch_events" ("sendKey") `);
    await queryRunner.query(`CREATE TABLE "alert_escalations" ("alertId" integer PRIMARY KEY NOT NULL, "pending" boolean NOT NULL DEFAULT (1), "colour" varchar(8), "homeRegionId" integer, "level" integer, "lastStepAt" datetime, "done" boolean NOT NULL DEFAULT (0), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_36172dfd9b07829bf5aee24707" ON "alert_escalations" ("done", "lastStepAt") `);
    await queryRunner.query(`CREATE TABLE "duty_entries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "staffId" integer NOT NULL, "weekday" integer, "date" varchar(10), "start" varchar(5) NOT NULL, "end" varchar(5) NOT NULL, "role" varchar(8) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_26368b68156090a5e7345c9802" ON "duty_entries" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_75d254e4811d973982aa6a144a" ON "duty_entries" ("staffId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4666ae8aa7f1247d419c67e5d6" ON "duty_entries" ("regionId", "date") `);
    await queryRunner.query(`CREATE INDEX "IDX_5de30da1ad5250127074f2edaf" ON "duty_entries" ("regionId", "weekday") `);
    await queryRunner.query(`DROP INDEX "IDX_5fec53531841108c82fa82e9f5"`);
    await queryRunner.query(`DROP INDEX "IDX_cba162694bc8653f98964b4dea"`);
    await queryRunner.query(`CREATE TABLE "temporary_alert_dispatch_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "at" datetime NOT NULL, "kind" varchar(16) NOT NULL, "colour" varchar(8), "level" integer, "step" varchar(16), "regionId" integer, "staff" text, "reason" varchar(16), "until" datetime, "sendKey" varchar(48), CONSTRAINT "FK_5fec53531841108c82fa82e9f5d" FOREIGN KEY ("alertId") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alert_dispatch_events"("id", "alertId", "at", "kind", "colour", "level", "step", "regionId", "staff", "reason", "until", "sendKey") SELECT "id", "alertId", "at", "kind", "colour", "level", "step", "regionId", "staff", "reason", "until", "sendKey" FROM "alert_dispatch_events"`);
    await queryRunner.query(`DROP TABLE "alert_dispatch_events"`);
    await queryRunner.query(`ALTER TABLE "temporary_alert_dispatch_events" RENAME TO "alert_dispatch_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_5fec53531841108c82fa82e9f5" ON "alert_dispatch_events" ("alertId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cba162694bc8653f98964b4dea" ON "alert_dispatch_events" ("sendKey") `);
    await queryRunner.query(`DROP INDEX "IDX_36172dfd9b07829bf5aee24707"`);
    await queryRunner.query(`CREATE TABLE "temporary_alert_escalations" ("alertId" integer PRIMARY KEY NOT NULL, "pending" boolean NOT NULL DEFAULT (1), "colour" varchar(8), "homeRegionId" integer, "level" integer, "lastStepAt" datetime, "done" boolean NOT NULL DEFAULT (0), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_8688d2c593f9347786993c95a14" FOREIGN KEY ("alertId") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alert_escalations"("alertId", "pending", "colour", "homeRegionId", "level", "lastStepAt", "done", "updatedAt") SELECT "alertId", "pending", "colour", "homeRegionId", "level", "lastStepAt", "done", "updatedAt" FROM "alert_escalations"`);
    await queryRunner.query(`DROP TABLE "alert_escalations"`);
    await queryRunner.query(`ALTER TABLE "temporary_alert_escalations" RENAME TO "alert_escalations"`);
    await queryRunner.query(`CREATE INDEX "IDX_36172dfd9b07829bf5aee24707" ON "alert_escalations" ("done", "lastStepAt") `);
    await queryRunner.query(`DROP INDEX "IDX_26368b68156090a5e7345c9802"`);
    await queryRunner.query(`DROP INDEX "IDX_75d254e4811d973982aa6a144a"`);
    await queryRunner.query(`DROP INDEX "IDX_4666ae8aa7f1247d419c67e5d6"`);
    await queryRunner.query(`DROP INDEX "IDX_5de30da1ad5250127074f2edaf"`);
    await queryRunner.query(`CREATE TABLE "temporary_duty_entries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "staffId" integer NOT NULL, "weekday" integer, "date" varchar(10), "start" varchar(5) NOT NULL, "end" varchar(5) NOT NULL, "role" varchar(8) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_fd8e1934b019b5ec588aab1a6e7" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_75d254e4811d973982aa6a144a4" FOREIGN KEY ("staffId") REFERENCES "staff" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_duty_entries"("id", "regionId", "regionPath", "staffId", "weekday", "date", "start", "end", "role", "createdAt", "updatedAt") SELECT "id", "regionId", "regionPath", "staffId", "weekday", "date", "start", "end", "role", "createdAt", "updatedAt" FROM "duty_entries"`);
    await queryRunner.query(`DROP TABLE "duty_entries"`);
    await queryRunner.query(`ALTER TABLE "temporary_duty_entries" RENAME TO "duty_entries"`);
    await queryRunner.query(`CREATE INDEX "IDX_26368b68156090a5e7345c9802" ON "duty_entries" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_75d254e4811d973982aa6a144a" ON "duty_entries" ("staffId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4666ae8aa7f1247d419c67e5d6" ON "duty_entries" ("regionId", "date") `);
    await queryRunner.query(`CREATE INDEX "IDX_5de30da1ad5250127074f2edaf" ON "duty_entries" ("regionId", "weekday") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5de30da1ad5250127074f2edaf"`);
    await queryRunner.query(`DROP INDEX "IDX_4666ae8aa7f1247d419c67e5d6"`);
    await queryRunner.query(`DROP INDEX "IDX_75d254e4811d973982aa6a144a"`);
    await queryRunner.query(`DROP INDEX "IDX_26368b68156090a5e7345c9802"`);
    await queryRunner.query(`ALTER TABLE "duty_entries" RENAME TO "temporary_duty_entries"`);
    await queryRunner.query(`CREATE TABLE "duty_entries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "staffId" integer NOT NULL, "weekday" integer, "date" varchar(10), "start" varchar(5) NOT NULL, "end" varchar(5) NOT NULL, "role" varchar(8) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "duty_entries"("id", "regionId", "regionPath", "staffId", "weekday", "date", "start", "end", "role", "createdAt", "updatedAt") SELECT "id", "regionId", "regionPath", "staffId", "weekday", "date", "start", "end", "role", "createdAt", "updatedAt" FROM "temporary_duty_entries"`);
    await queryRunner.query(`DROP TABLE "temporary_duty_entries"`);
    await queryRunner.query(`CREATE INDEX "IDX_5de30da1ad5250127074f2edaf" ON "duty_entries" ("regionId", "weekday") `);
    await queryRunner.query(`CREATE INDEX "IDX_4666ae8aa7f1247d419c67e5d6" ON "duty_entries" ("regionId", "date") `);
    await queryRunner.query(`CREATE INDEX "IDX_75d254e4811d973982aa6a144a" ON "duty_entries" ("staffId") `);
    await queryRunner.query(`CREATE INDEX "IDX_26368b68156090a5e7345c9802" ON "duty_entries" ("regionPath") `);
    await queryRunner.query(`DROP INDEX "IDX_36172dfd9b07829bf5aee24707"`);
    await queryRunner.query(`ALTER TABLE "alert_escalations" RENAME TO "temporary_alert_escalations"`);
    await queryRunner.query(`CREATE TABLE "alert_escalations" ("alertId" integer PRIMARY KEY NOT NULL, "pending" boolean NOT NULL DEFAULT (1), "colour" varchar(8), "homeRegionId" integer, "level" integer, "lastStepAt" datetime, "done" boolean NOT NULL DEFAULT (0), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "alert_escalations"("alertId", "pending", "colour", "homeRegionId", "level", "lastStepAt", "done", "updatedAt") SELECT "alertId", "pending", "colour", "homeRegionId", "level", "lastStepAt", "done", "updatedAt" FROM "temporary_alert_escalations"`);
    await queryRunner.query(`DROP TABLE "temporary_alert_escalations"`);
    await queryRunner.query(`CREATE INDEX "IDX_36172dfd9b07829bf5aee24707" ON "alert_escalations" ("done", "lastStepAt") `);
    await queryRunner.query(`DROP INDEX "IDX_cba162694bc8653f98964b4dea"`);
    await queryRunner.query(`DROP INDEX "IDX_5fec53531841108c82fa82e9f5"`);
    await queryRunner.query(`ALTER TABLE "alert_dispatch_events" RENAME TO "temporary_alert_dispatch_events"`);
    await queryRunner.query(`CREATE TABLE "alert_dispatch_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alertId" integer NOT NULL, "at" datetime NOT NULL, "kind" varchar(16) NOT NULL, "colour" varchar(8), "level" integer, "step" varchar(16), "regionId" integer, "staff" text, "reason" varchar(16), "until" datetime, "sendKey" varchar(48))`);
    await queryRunner.query(`INSERT INTO "alert_dispatch_events"("id", "alertId", "at", "kind", "colour", "level", "step", "regionId", "staff", "reason", "until", "sendKey") SELECT "id", "alertId", "at", "kind", "colour", "level", "step", "regionId", "staff", "reason", "until", "sendKey" FROM "temporary_alert_dispatch_events"`);
    await queryRunner.query(`DROP TABLE "temporary_alert_dispatch_events"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cba162694bc8653f98964b4dea" ON "alert_dispatch_events" ("sendKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_5fec53531841108c82fa82e9f5" ON "alert_dispatch_events" ("alertId") `);
    await queryRunner.query(`DROP INDEX "IDX_5de30da1ad5250127074f2edaf"`);
    await queryRunner.query(`DROP INDEX "IDX_4666ae8aa7f1247d419c67e5d6"`);
    await queryRunner.query(`DROP INDEX "IDX_75d254e4811d973982aa6a144a"`);
    await queryRunner.query(`DROP INDEX "IDX_26368b68156090a5e7345c9802"`);
    await queryRunner.query(`DROP TABLE "duty_entries"`);
    await queryRunner.query(`DROP INDEX "IDX_36172dfd9b07829bf5aee24707"`);
    await queryRunner.query(`DROP TABLE "alert_escalations"`);
    await queryRunner.query(`DROP INDEX "IDX_cba162694bc8653f98964b4dea"`);
    await queryRunner.query(`DROP INDEX "IDX_5fec53531841108c82fa82e9f5"`);
    await queryRunner.query(`DROP TABLE "alert_dispatch_events"`);
  }
}

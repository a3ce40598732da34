import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffChannels1796592501593 implements MigrationInterface {
  name = 'StaffChannels1796592501593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "staff_notice_contacts" ("staffId" integer PRIMARY KEY NOT NULL, "residentId" integer, "boundAt" datetime, "bindNonce" varchar(32), "mobile" varchar(177), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_e58476a9ddb4a662ca2368d825" ON "staff_notice_contacts" ("residentId") `);
    await queryRunner.query(`CREATE TABLE "region_robots" ("regionId" integer PRIMARY KEY NOT NULL, "webhookUrl" text NOT NULL, "updatedById" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`DROP INDEX "IDX_e58476a9ddb4a662ca2368d825"`);
    await queryRunner.query(`CREATE TABLE "temporary_staff_notice_contacts" ("staffId" integer PRIMARY KEY NOT NULL, "residentId" integer, "boundAt" datetime, "bindNonce" varchar(32), "mobile" varchar(177), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_fdf6e6d951057ec9c49f1e97b7f" FOREIGN KEY ("staffId") REFERENCES "staff" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e58476a9ddb4a662ca2368d8255" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_staff_notice_contacts"("staffId", "residentId", "boundAt", "bindNonce", "mobile", "updatedAt") SELECT "staffId", "residentId", "boundAt", "bindNonce", "mobile", "updatedAt" FROM "staff_notice_contacts"`);
    await queryRunner.query(`DROP TABLE "staff_notice_contacts"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_notice_contacts" RENAME TO "staff_notice_contacts"`);
    await queryRunner.query(`CREATE INDEX "IDX_e58476a9ddb4a662ca2368d825" ON "staff_notice_contacts" ("residentId") `);
    await queryRunner.query(`CREATE TABLE "temporary_region_robots" ("regionId" integer PRIMARY KEY NOT NULL, "webhookUrl" text NOT NULL, "updatedById" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_3e642e4560fa4ac32afe44a8d24" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_region_robots"("regionId", "webhookUrl", "updatedById", "updatedAt") SELECT "regionId", "webhookUrl", "updatedById", "updatedAt" FROM "region_robots"`);
    await queryRunner.query(`DROP TABLE "region_robots"`);
    await queryRunner.query(`ALTER TABLE "temporary_region_robots" RENAME TO "region_robots"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "region_robots" RENAME TO "temporary_region_robots"`);
    await queryRunner.query(`CREATE TABLE "region_robots" ("regionId" integer PRIMARY KEY NOT NULL, "webhookUrl" text NOT NULL, "updatedById" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "region_robots"("regionId", "webhookUrl", "updatedById", "updatedAt") SELECT "regionId", "webhookUrl", "updatedById", "updatedAt" FROM "temporary_region_robots"`);
    await queryRunner.query(`DROP TABLE "temporary_region_robots"`);
    await queryRunner.query(`DROP INDEX "IDX_e58476a9ddb4a662ca2368d825"`);
    await queryRunner.query(`ALTER TABLE "staff_notice_contacts" RENAME TO "temporary_staff_notice_contacts"`);
    await queryRunner.query(`CREATE TABLE "staff_notice_contacts" ("staffId" integer PRIMARY KEY NOT NULL, "residentId" integer, "boundAt" datetime, "bindNonce" varchar(32), "mobile" varchar(177), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "staff_notice_contacts"("staffId", "residentId", "boundAt", "bindNonce", "mobile", "updatedAt") SELECT "staffId", "residentId", "boundAt", "bindNonce", "mobile", "updatedAt" FROM "temporary_staff_notice_contacts"`);
    await queryRunner.query(`DROP TABLE "temporary_staff_notice_contacts"`);
    await queryRunner.query(`CREATE INDEX "IDX_e58476a9ddb4a662ca2368d825" ON "staff_notice_contacts" ("residentId") `);
    await queryRunner.query(`DROP TABLE "region_robots"`);
    await queryRunner.query(`DROP INDEX "IDX_e58476a9ddb4a662ca2368d825"`);
    await queryRunner.query(`DROP TABLE "staff_notice_contacts"`);
  }
}

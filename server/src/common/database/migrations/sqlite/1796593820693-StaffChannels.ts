import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffChannels1796593820693 implements MigrationInterface {
  name = 'StaffChannels1796593820693';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "staff_notice_contacts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staffId" integer NOT NULL, "residentId" integer, "boundAt" datetime, "bindNonce" varchar(32), "mobile" varchar(177), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fdf6e6d951057ec9c49f1e97b7" ON "staff_notice_contacts" ("staffId") `);
    await queryRunner.query(`CREATE INDEX "IDX_e58476a9ddb4a662ca2368d825" ON "staff_notice_contacts" ("residentId") `);
    await queryRunner.query(`CREATE TABLE "region_robots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "regionId" integer NOT NULL, "webhookUrl" text NOT NULL, "updatedById" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3e642e4560fa4ac32afe44a8d2" ON "region_robots" ("regionId") `);
    await queryRunner.query(`DROP INDEX "IDX_fdf6e6d951057ec9c49f1e97b7"`);
    await queryRunner.query(`DROP INDEX "IDX_e58476a9ddb4a662ca2368d825"`);
    await queryRunner.query(`CREATE TABLE "temporary_staff_notice_contacts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staffId" integer NOT NULL, "residentId" integer, "boundAt" datetime, "bindNonce" varchar(32), "mobile" varchar(177), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_fdf6e6d951057ec9c49f1e97b7f" FOREIGN KEY ("staffId") REFERENCES "staff" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e58476a9ddb4a662ca2368d8255" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_staff_notice_contacts"("id", "staffId", "residentId", "boundAt", "bindNonce", "mobile", "updatedAt") SELECT "id", "staffId", "residentId", "boundAt", "bindNonce", "mobile", "updatedAt" FROM "staff_notice_contacts"`);
    await queryRunner.query(`DROP TABLE "staff_notice_contacts"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_notice_contacts" RENAME TO "staff_notice_contacts"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fdf6e6d951057ec9c49f1e97b7" ON "staff_notice_contacts" ("staffId") `);
    await queryRunner.query(`CREATE INDEX "IDX_e58476a9ddb4a662ca2368d825" ON "staff_notice_contacts" ("residentId") `);
    await queryRunner.query(`DROP INDEX "IDX_3e642e4560fa4ac32afe44a8d2"`);
    await queryRunner.query(`CREATE TABLE "temporary_region_robots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "regionId" integer NOT NULL, "webhookUrl" text NOT NULL, "updatedById" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_3e642e4560fa4ac32afe44a8d24" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_region_robots"("id", "regionId", "webhookUrl", "updatedById", "updatedAt") SELECT "id", "regionId", "webhookUrl", "updatedById", "updatedAt" FROM "region_robots"`);
    await queryRunner.query(`DROP TABLE "region_robots"`);
    await queryRunner.query(`ALTER TABLE "temporary_region_robots" RENAME TO "region_robots"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3e642e4560fa4ac32afe44a8d2" ON "region_robots" ("regionId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_3e642e4560fa4ac32afe44a8d2"`);
    await queryRunner.query(`ALTER TABLE "region_robots" RENAME TO "temporary_region_robots"`);
    await queryRunner.query(`CREATE TABLE "region_robots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "regionId" integer NOT NULL, "webhookUrl" text NOT NULL, "updatedById" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "region_robots"("id", "regionId", "webhookUrl", "updatedById", "updatedAt") SELECT "id", "regionId", "webhookUrl", "updatedById", "updatedAt" FROM "temporary_region_robots"`);
    await queryRunner.query(`DROP TABLE "temporary_region_robots"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3e642e4560fa4ac32afe44a8d2" ON "region_robots" ("regionId") `);
    await queryRunner.query(`DROP INDEX "IDX_e58476a9ddb4a662ca2368d825"`);
    await queryRunner.query(`DROP INDEX "IDX_fdf6e6d951057ec9c49f1e97b7"`);
    await queryRunner.query(`ALTER TABLE "staff_notice_contacts" RENAME TO "temporary_staff_notice_contacts"`);
    await queryRunner.query(`CREATE TABLE "staff_notice_contacts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staffId" integer NOT NULL, "residentId" integer, "boundAt" datetime, "bindNonce" varchar(32), "mobile" varchar(177), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "staff_notice_contacts"("id", "staffId", "residentId", "boundAt", "bindNonce", "mobile", "updatedAt") SELECT "id", "staffId", "residentId", "boundAt", "bindNonce", "mobile", "updatedAt" FROM "temporary_staff_notice_contacts"`);
    await queryRunner.query(`DROP TABLE "temporary_staff_notice_contacts"`);
    await queryRunner.query(`CREATE INDEX "IDX_e58476a9ddb4a662ca2368d825" ON "staff_notice_contacts" ("residentId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fdf6e6d951057ec9c49f1e97b7" ON "staff_notice_contacts" ("staffId") `);
    await queryRunner.query(`DROP INDEX "IDX_3e642e4560fa4ac32afe44a8d2"`);
    await queryRunner.query(`DROP TABLE "region_robots"`);
    await queryRunner.query(`DROP INDEX "IDX_e58476a9ddb4a662ca2368d825"`);
    await queryRunner.query(`DROP INDEX "IDX_fdf6e6d951057ec9c49f1e97b7"`);
    await queryRunner.query(`DROP TABLE "staff_notice_contacts"`);
  }
}

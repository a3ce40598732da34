import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StationsDirectory1796584053532 implements MigrationInterface {
  name = 'StationsDirectory1796584053532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "counsellor_profiles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "photoUrl" varchar(500), "qualification" varchar(100) NOT NULL, "title" varchar(64), "certificateNo" varchar(64), "specialties" text NOT NULL, "languages" text NOT NULL, "modes" text NOT NULL, "bio" text, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "staffId" integer, "published" boolean NOT NULL DEFAULT (0), "publishConsentAt" datetime, "publishConsentById" integer, "publishConsentByName" varchar(64), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_7184e231d796c0fd94d96e70b3" ON "counsellor_profiles" ("regionPath") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_92525d7c922e5c54b364ad7a91" ON "counsellor_profiles" ("staffId") `);
    await queryRunner.query(`CREATE TABLE "stations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "type" varchar(32) NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "address" varchar(200) NOT NULL, "lat" double, "lng" double, "phone" varchar(32), "services" text NOT NULL, "accessibility" varchar(500), "description" text, "photoUrl" varchar(500), "weeklyHours" text NOT NULL, "published" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_07d99135109d06306fbec0c906" ON "stations" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_8d4f9b549f0f6951d547297d3e" ON "stations" ("published", "type") `);
    await queryRunner.query(`CREATE TABLE "counsellor_stations" ("counsellorId" integer NOT NULL, "stationId" integer NOT NULL, PRIMARY KEY ("counsellorId", "stationId"))`);
    await queryRunner.query(`CREATE INDEX "IDX_db6aa6c2a3efaecc80226ef70b" ON "counsellor_stations" ("stationId") `);
    await queryRunner.query(`CREATE TABLE "holidays" ("date" varchar(10) PRIMARY KEY NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(32) NOT NULL, "worksAs" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE TABLE "station_exceptions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "stationId" integer NOT NULL, "date" varchar(10) NOT NULL, "hours" text NOT NULL, "note" varchar(200), CONSTRAINT "UQ_b6ce52a2114cf6084f66df8e005" UNIQUE ("stationId", "date"))`);
    await queryRunner.query(`DROP INDEX "IDX_db6aa6c2a3efaecc80226ef70b"`);
    await queryRunner.query(`CREATE TABLE "temporary_counsellor_stations" ("counsellorId" integer NOT NULL, "stationId" integer NOT NULL, CONSTRAINT "FK_2aaaeecfee978bdca7ec4083cb7" FOREIGN KEY ("counsellorId") REFERENCES "counsellor_profiles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_db6aa6c2a3efaecc80226ef70b7" FOREIGN KEY ("stationId") REFERENCES "stations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("counsellorId", "stationId"))`);
    await queryRunner.query(`INSERT INTO "temporary_counsellor_stations"("counsellorId", "stationId") SELECT "counsellorId", "stationId" FROM "counsellor_stations"`);
    await queryRunner.query(`DROP TABLE "counsellor_stations"`);
    await queryRunner.query(`ALTER TABLE "temporary_counsellor_stations" RENAME TO "counsellor_stations"`);
    await queryRunner.query(`CREATE INDEX "IDX_db6aa6c2a3efaecc80226ef70b" ON "counsellor_stations" ("stationId") `);
    await queryRunner.query(`CREATE TABLE "temporary_station_exceptions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "stationId" integer NOT NULL, "date" varchar(10) NOT NULL, "hours" text NOT NULL, "note" varchar(200), CONSTRAINT "UQ_b6ce52a2114cf6084f66df8e005" UNIQUE ("stationId", "date"), CONSTRAINT "FK_5a911f38f7d1672084292be40a0" FOREIGN KEY ("stationId") REFERENCES "stations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_station_exceptions"("id", "stationId", "date", "hours", "note") SELECT "id", "stationId", "date", "hours", "note" FROM "station_exceptions"`);
    await queryRunner.query(`DROP TABLE "station_exceptions"`);
    await queryRunner.query(`ALTER TABLE "temporary_station_exceptions" RENAME TO "station_exceptions"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "station_exceptions" RENAME TO "temporary_station_exceptions"`);
    await queryRunner.query(`CREATE TABLE "station_exceptions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "stationId" integer NOT NULL, "date" varchar(10) NOT NULL, "hours" text NOT NULL, "note" varchar(200), CONSTRAINT "UQ_b6ce52a2114cf6084f66df8e005" UNIQUE ("stationId", "date"))`);
    await queryRunner.query(`INSERT INTO "station_exceptions"("id", "stationId", "date", "hours", "note") SELECT "id", "stationId", "date", "hours", "note" FROM "temporary_station_exceptions"`);
    await queryRunner.query(`DROP TABLE "temporary_station_exceptions"`);
    await queryRunner.query(`DROP INDEX "IDX_db6aa6c2a3efaecc80226ef70b"`);
    await queryRunner.query(`ALTER TABLE "counsellor_stations" RENAME TO "temporary_counsellor_stations"`);
    await queryRunner.query(`CREATE TABLE "counsellor_stations" ("counsellorId" integer NOT NULL, "stationId" integer NOT NULL, PRIMARY KEY ("counsellorId", "stationId"))`);
    await queryRunner.query(`INSERT INTO "counsellor_stations"("counsellorId", "stationId") SELECT "counsellorId", "stationId" FROM "temporary_counsellor_stations"`);
    await queryRunner.query(`DROP TABLE "temporary_counsellor_stations"`);
    await queryRunner.query(`CREATE INDEX "IDX_db6aa6c2a3efaecc80226ef70b" ON "counsellor_stations" ("stationId") `);
    await queryRunner.query(`DROP TABLE "station_exceptions"`);
    await queryRunner.query(`DROP TABLE "holidays"`);
    await queryRunner.query(`DROP INDEX "IDX_db6aa6c2a3efaecc80226ef70b"`);
    await queryRunner.query(`DROP TABLE "counsellor_stations"`);
    await queryRunner.query(`DROP INDEX "IDX_8d4f9b549f0f6951d547297d3e"`);
    await queryRunner.query(`DROP INDEX "IDX_07d99135109d06306fbec0c906"`);
    await queryRunner.query(`DROP TABLE "stations"`);
    await queryRunner.query(`DROP INDEX "IDX_92525d7c922e5c54b364ad7a91"`);
    await queryRunner.query(`DROP INDEX "IDX_7184e231d796c0fd94d96e70b3"`);
    await queryRunner.query(`DROP TABLE "counsellor_profiles"`);
  }
}

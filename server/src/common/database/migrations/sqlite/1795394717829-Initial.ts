import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795394717829 implements MigrationInterface {
  name = 'Initial1795394717829';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "articles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(100) NOT NULL, "summary" varchar(300) NOT NULL, "coverUrl" varchar(500), "category" varchar(16) NOT NULL, "audiences" text NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "body" text NOT NULL, "source" varchar(200), "status" varchar(16) NOT NULL DEFAULT ('draft'), "publishedAt" datetime, "scheduledAt" datetime, "authorId" integer NOT NULL, "authorName" varchar(64) NOT NULL, "reviewerId" integer, "viewCount" integer NOT NULL DEFAULT (0), "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_2e4b935276a749e0089304599c" ON "articles" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_e4ee7cb48e2608f39111b8e3ef" ON "articles" ("status", "category", "publishedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5ee5ab998b67e8a23cc36c9fe" ON "articles" ("status", "publishedAt") `);
    await queryRunner.query(`CREATE TABLE "audit_logs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "actorType" varchar(16) NOT NULL, "actorId" integer, "actorName" varchar(64), "action" varchar(64) NOT NULL, "resourceType" varchar(32), "resourceId" varchar(64), "regionPath" varchar(255), "ip" varchar(64), "outcome" varchar(8) NOT NULL, "statusCode" integer, "requestId" varchar(64), "details" text)`);
    await queryRunner.query(`CREATE INDEX "IDX_90eb701fe0d7584d54a15567f8" ON "audit_logs" ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_cee5459245f652b75eb2759b4c" ON "audit_logs" ("action") `);
    await queryRunner.query(`CREATE INDEX "IDX_4c54bce7d40722d49a1c100a7c" ON "audit_logs" ("regionPath") `);
    await queryRunner.query(`CREATE INDEX "IDX_35282cb71f64178fc7852c368b" ON "audit_logs" ("actorType", "actorId") `);
    await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staffId" integer NOT NULL, "family" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_237509e869b476813afcc4246e" ON "refresh_tokens" ("staffId") `);
    await queryRunner.query(`CREATE INDEX "IDX_968936751ab847471635be8dc0" ON "refresh_tokens" ("family") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c25bc63d248ca90e8dcc1d92d0" ON "refresh_tokens" ("tokenHash") `);
    await queryRunner.query(`CREATE TABLE "regions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer, "name" varchar(64) NOT NULL, "level" varchar(16) NOT NULL, "path" varchar(255) NOT NULL DEFAULT (''), "urbanRural" varchar(8), "population" integer, "urbanPopulation" integer, "code" varchar(16), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_893e171fccde1ce0e47a06f14c" ON "regions" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_0dc8c36f97c1840565e9a9e53c" ON "regions" ("path") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4f6dc5a464961e7c65a395ea4c" ON "regions" ("code") `);
    await queryRunner.query(`CREATE TABLE "residents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "unionid" varchar(64), "nickname" varchar(32), "regionId" integer, "regionPath" varchar(255), "populationGroup" varchar(16), "ageBand" varchar(16), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e3e21cb5a1e57c9ffa3d2019d2" ON "residents" ("openid") `);
    await queryRunner.query(`CREATE INDEX "IDX_c89f6bce60cd5dbbc6196672ad" ON "residents" ("regionPath") `);
    await queryRunner.query(`CREATE TABLE "staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(64) NOT NULL, "passwordHash" varchar(100) NOT NULL, "role" varchar(32) NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "mustChangePassword" boolean NOT NULL DEFAULT (1), "failedLoginCount" integer NOT NULL DEFAULT (0), "lockedUntil" datetime, "lastLoginAt" datetime, "passwordChangedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35aafb5ad218f3ff1ff70e281e" ON "staff" ("username") `);
    await queryRunner.query(`CREATE INDEX "IDX_5a1f695c3e1103276fc56ac9c4" ON "staff" ("regionPath") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5a1f695c3e1103276fc56ac9c4"`);
    await queryRunner.query(`DROP INDEX "IDX_35aafb5ad218f3ff1ff70e281e"`);
    await queryRunner.query(`DROP TABLE "staff"`);
    await queryRunner.query(`DROP INDEX "IDX_c89f6bce60cd5dbbc6196672ad"`);
    await queryRunner.query(`DROP INDEX "IDX_e3e21cb5a1e57c9ffa3d2019d2"`);
    await queryRunner.query(`DROP TABLE "residents"`);
    await queryRunner.query(`DROP INDEX "IDX_4f6dc5a464961e7c65a395ea4c"`);
    await queryRunner.query(`DROP INDEX "IDX_0dc8c36f97c1840565e9a9e53c"`);
    await queryRunner.query(`DROP INDEX "IDX_893e171fccde1ce0e47a06f14c"`);
    await queryRunner.query(`DROP TABLE "regions"`);
    await queryRunner.query(`DROP INDEX "IDX_c25bc63d248ca90e8dcc1d92d0"`);
    await queryRunner.query(`DROP INDEX "IDX_968936751ab847471635be8dc0"`);
    await queryRunner.query(`DROP INDEX "IDX_237509e869b476813afcc4246e"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "IDX_35282cb71f64178fc7852c368b"`);
    await queryRunner.query(`DROP INDEX "IDX_4c54bce7d40722d49a1c100a7c"`);
    await queryRunner.query(`DROP INDEX "IDX_cee5459245f652b75eb2759b4c"`);
    await queryRunner.query(`DROP INDEX "IDX_90eb701fe0d7584d54a15567f8"`);
    await queryRunner.query(`DROP TABLE "audit_logs"`);
    await queryRunner.query(`DROP INDEX "IDX_e5ee5ab998b67e8a23cc36c9fe"`);
    await queryRunner.query(`DROP INDEX "IDX_e4ee7cb48e2608f39111b8e3ef"`);
    await queryRunner.query(`DROP INDEX "IDX_2e4b935276a749e0089304599c"`);
    await queryRunner.query(`DROP TABLE "articles"`);
  }
}

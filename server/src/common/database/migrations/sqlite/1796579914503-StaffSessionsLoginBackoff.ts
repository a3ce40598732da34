import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSessionsLoginBackoff1796579914503 implements MigrationInterface {
  name = 'StaffSessionsLoginBackoff1796579914503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "login_backoff" ("id" varchar(191) PRIMARY KEY NOT NULL, "attempts" integer NOT NULL, "lastAttemptAt" bigint NOT NULL, "blockedUntil" bigint)`);
    await queryRunner.query(`DROP INDEX "IDX_5a1f695c3e1103276fc56ac9c4"`);
    await queryRunner.query(`DROP INDEX "IDX_35aafb5ad218f3ff1ff70e281e"`);
    await queryRunner.query(`CREATE TABLE "temporary_staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(64) NOT NULL, "passwordHash" varchar(100) NOT NULL, "role" varchar(32) NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "mustChangePassword" boolean NOT NULL DEFAULT (1), "lastLoginAt" datetime, "passwordChangedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "temporary_staff"("id", "username", "displayName", "passwordHash", "role", "regionId", "regionPath", "disabled", "mustChangePassword", "lastLoginAt", "passwordChangedAt", "createdAt", "updatedAt") SELECT "id", "username", "displayName", "passwordHash", "role", "regionId", "regionPath", "disabled", "mustChangePassword", "lastLoginAt", "passwordChangedAt", "createdAt", "updatedAt" FROM "staff"`);
    await queryRunner.query(`DROP TABLE "staff"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff" RENAME TO "staff"`);
    await queryRunner.query(`CREATE INDEX "IDX_5a1f695c3e1103276fc56ac9c4" ON "staff" ("regionPath") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35aafb5ad218f3ff1ff70e281e" ON "staff" ("username") `);
    await queryRunner.query(`DROP INDEX "IDX_c25bc63d248ca90e8dcc1d92d0"`);
    await queryRunner.query(`DROP INDEX "IDX_968936751ab847471635be8dc0"`);
    await queryRunner.query(`DROP INDEX "IDX_237509e869b476813afcc4246e"`);
    await queryRunner.query(`CREATE TABLE "temporary_refresh_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staffId" integer NOT NULL, "family" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "tokenVersion" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "temporary_refresh_tokens"("id", "staffId", "family", "tokenHash", "expiresAt", "revokedAt", "createdAt") SELECT "id", "staffId", "family", "tokenHash", "expiresAt", "revokedAt", "createdAt" FROM "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`ALTER TABLE "temporary_refresh_tokens" RENAME TO "refresh_tokens"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c25bc63d248ca90e8dcc1d92d0" ON "refresh_tokens" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_968936751ab847471635be8dc0" ON "refresh_tokens" ("family") `);
    await queryRunner.query(`CREATE INDEX "IDX_237509e869b476813afcc4246e" ON "refresh_tokens" ("staffId") `);
    await queryRunner.query(`DROP INDEX "IDX_5a1f695c3e1103276fc56ac9c4"`);
    await queryRunner.query(`DROP INDEX "IDX_35aafb5ad218f3ff1ff70e281e"`);
    await queryRunner.query(`CREATE TABLE "temporary_staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(64) NOT NULL, "passwordHash" varchar(100) NOT NULL, "role" varchar(32) NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "mustChangePassword" boolean NOT NULL DEFAULT (1), "lastLoginAt" datetime, "passwordChangedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "tokenVersion" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "temporary_staff"("id", "username", "displayName", "passwordHash", "role", "regionId", "regionPath", "disabled", "mustChangePassword", "lastLoginAt", "passwordChangedAt", "createdAt", "updatedAt") SELECT "id", "username", "displayName", "passwordHash", "role", "regionId", "regionPath", "disabled", "mustChangePassword", "lastLoginAt", "passwordChangedAt", "createdAt", "updatedAt" FROM "staff"`);
    await queryRunner.query(`DROP TABLE "staff"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff" RENAME TO "staff"`);
    await queryRunner.query(`CREATE INDEX "IDX_5a1f695c3e1103276fc56ac9c4" ON "staff" ("regionPath") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35aafb5ad218f3ff1ff70e281e" ON "staff" ("username") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_35aafb5ad218f3ff1ff70e281e"`);
    await queryRunner.query(`DROP INDEX "IDX_5a1f695c3e1103276fc56ac9c4"`);
    await queryRunner.query(`ALTER TABLE "staff" RENAME TO "temporary_staff"`);
    await queryRunner.query(`CREATE TABLE "staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(64) NOT NULL, "passwordHash" varchar(100) NOT NULL, "role" varchar(32) NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "mustChangePassword" boolean NOT NULL DEFAULT (1), "lastLoginAt" datetime, "passwordChangedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "staff"("id", "username", "displayName", "passwordHash", "role", "regionId", "regionPath", "disabled", "mustChangePassword", "lastLoginAt", "passwordChangedAt", "createdAt", "updatedAt") SELECT "id", "username", "displayName", "passwordHash", "role", "regionId", "regionPath", "disabled", "mustChangePassword", "lastLoginAt", "passwordChangedAt", "createdAt", "updatedAt" FROM "temporary_staff"`);
    await queryRunner.query(`DROP TABLE "temporary_staff"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35aafb5ad218f3ff1ff70e281e" ON "staff" ("username") `);
    await queryRunner.query(`CREATE INDEX "IDX_5a1f695c3e1103276fc56ac9c4" ON "staff" ("regionPath") `);
    await queryRunner.query(`DROP INDEX "IDX_237509e869b476813afcc4246e"`);
    await queryRunner.query(`DROP INDEX "IDX_968936751ab847471635be8dc0"`);
    await queryRunner.query(`DROP INDEX "IDX_c25bc63d248ca90e8dcc1d92d0"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" RENAME TO "temporary_refresh_tokens"`);
    await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staffId" integer NOT NULL, "family" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "refresh_tokens"("id", "staffId", "family", "tokenHash", "expiresAt", "revokedAt", "createdAt") SELECT "id", "staffId", "family", "tokenHash", "expiresAt", "revokedAt", "createdAt" FROM "temporary_refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "temporary_refresh_tokens"`);
    await queryRunner.query(`CREATE INDEX "IDX_237509e869b476813afcc4246e" ON "refresh_tokens" ("staffId") `);
    await queryRunner.query(`CREATE INDEX "IDX_968936751ab847471635be8dc0" ON "refresh_tokens" ("family") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c25bc63d248ca90e8dcc1d92d0" ON "refresh_tokens" ("tokenHash") `);
    await queryRunner.query(`DROP INDEX "IDX_35aafb5ad218f3ff1ff70e281e"`);
    await queryRunner.query(`DROP INDEX "IDX_5a1f695c3e1103276fc56ac9c4"`);
    await queryRunner.query(`ALTER TABLE "staff" RENAME TO "temporary_staff"`);
    await queryRunner.query(`CREATE TABLE "staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(64) NOT NULL, "passwordHash" varchar(100) NOT NULL, "role" varchar(32) NOT NULL, "regionId" integer NOT NULL, "regionPath" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "mustChangePassword" boolean NOT NULL DEFAULT (1), "failedLoginCount" integer NOT NULL DEFAULT (0), "lockedUntil" datetime, "lastLoginAt" datetime, "passwordChangedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "staff"("id", "username", "displayName", "passwordHash", "role", "regionId", "regionPath", "disabled", "mustChangePassword", "lastLoginAt", "passwordChangedAt", "createdAt", "updatedAt") SELECT "id", "username", "displayName", "passwordHash", "role", "regionId", "regionPath", "disabled", "mustChangePassword", "lastLoginAt", "passwordChangedAt", "createdAt", "updatedAt" FROM "temporary_staff"`);
    await queryRunner.query(`DROP TABLE "temporary_staff"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35aafb5ad218f3ff1ff70e281e" ON "staff" ("username") `);
    await queryRunner.query(`CREATE INDEX "IDX_5a1f695c3e1103276fc56ac9c4" ON "staff" ("regionPath") `);
    await queryRunner.query(`DROP TABLE "login_backoff"`);
  }
}

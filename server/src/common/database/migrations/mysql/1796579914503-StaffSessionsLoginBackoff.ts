import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSessionsLoginBackoff1796579914503 implements MigrationInterface {
  name = 'StaffSessionsLoginBackoff1796579914503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`login_backoff\` (\`id\` varchar(191) NOT NULL, \`attempts\` int NOT NULL, \`lastAttemptAt\` bigint NOT NULL, \`blockedUntil\` bigint NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`failedLoginCount\``);
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`lockedUntil\``);
    await queryRunner.query(`ALTER TABLE \`refresh_tokens\` ADD \`tokenVersion\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`tokenVersion\` int NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`tokenVersion\``);
    await queryRunner.query(`ALTER TABLE \`refresh_tokens\` DROP COLUMN \`tokenVersion\``);
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`lockedUntil\` datetime(6) NULL`);
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`failedLoginCount\` int NOT NULL DEFAULT 0`);
    await queryRunner.query(`DROP TABLE \`login_backoff\``);
  }
}

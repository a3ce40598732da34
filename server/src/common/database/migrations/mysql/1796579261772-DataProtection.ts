import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataProtection1796579261772 implements MigrationInterface {
  name = 'DataProtection1796579261772';

  // Columns that become encrypted grow in place (MODIFY, not the generated DROP + ADD), so existing
  // plaintext survives; the server encrypts it in the background (job data.encrypt-plaintext).
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`event_registrations\` ADD \`phoneIndex\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`event_registrations\` ADD \`phoneTailIndex\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`jobs\` ADD \`scheduleKey\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`jobs\` ADD UNIQUE INDEX \`IDX_7a44a5ccdfce3b3491d5789871\` (\`scheduleKey\`)`);
    await queryRunner.query(`ALTER TABLE \`residents\` MODIFY \`nickname\` varchar(241) NULL`);
    await queryRunner.query(`ALTER TABLE \`scale_responses\` MODIFY \`contactName\` varchar(241) NULL`);
    await queryRunner.query(`ALTER TABLE \`scale_responses\` MODIFY \`contactPhone\` varchar(177) NULL`);
    await queryRunner.query(`ALTER TABLE \`scale_responses\` MODIFY \`guardianName\` varchar(241) NULL`);
    await queryRunner.query(`ALTER TABLE \`event_registrations\` MODIFY \`phone\` varchar(177) NULL`);
  }

  // Narrowing refuses (strict mode) once values are encrypted: revert only a database whose data was
  // never encrypted, or decrypt it first.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`event_registrations\` MODIFY \`phone\` varchar(20) NULL`);
    await queryRunner.query(`ALTER TABLE \`scale_responses\` MODIFY \`guardianName\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`scale_responses\` MODIFY \`contactPhone\` varchar(20) NULL`);
    await queryRunner.query(`ALTER TABLE \`scale_responses\` MODIFY \`contactName\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`residents\` MODIFY \`nickname\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`jobs\` DROP INDEX \`IDX_7a44a5ccdfce3b3491d5789871\``);
    await queryRunner.query(`ALTER TABLE \`jobs\` DROP COLUMN \`scheduleKey\``);
    await queryRunner.query(`ALTER TABLE \`event_registrations\` DROP COLUMN \`phoneTailIndex\``);
    await queryRunner.query(`ALTER TABLE \`event_registrations\` DROP COLUMN \`phoneIndex\``);
  }
}

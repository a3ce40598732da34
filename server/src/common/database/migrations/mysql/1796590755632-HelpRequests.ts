import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HelpRequests1796590755632 implements MigrationInterface {
  name = 'HelpRequests1796590755632';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // An alert now goes with its resident (ON DELETE CASCADE). Every existing one already went with its response, and so with the resident; any left without a resident is removed rather than kept unreachable.
    await queryRunner.query(`DELETE FROM \`alerts\` WHERE \`residentId\` NOT IN (SELECT \`id\` FROM \`residents\`)`);
    await queryRunner.query(`CREATE TABLE \`help_requests\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientRequestId\` varchar(64) NOT NULL, \`residentId\` int NOT NULL, \`alertId\` int NOT NULL, \`urgency\` varchar(8) NOT NULL, \`colour\` varchar(8) NOT NULL, \`contactPhone\` varchar(177) NOT NULL, \`contactName\` varchar(241) NULL, \`note\` text NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`ageBand\` varchar(16) NOT NULL, \`consentVersion\` varchar(32) NOT NULL, \`sensitiveConsent\` tinyint NOT NULL DEFAULT 0, \`guardianName\` varchar(241) NULL, \`guardianRelation\` varchar(16) NULL, \`submittedAt\` datetime(6) NOT NULL, UNIQUE INDEX \`IDX_c35ecc72c415d22520ba3d098d\` (\`clientRequestId\`), INDEX \`IDX_bd7dfc4ced3b883da1c7733c42\` (\`residentId\`), INDEX \`IDX_fa96af14983ff56d8b58ad7c33\` (\`alertId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD \`source\` varchar(16) NOT NULL DEFAULT 'scale'`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD \`helpUrgency\` varchar(8) NULL`);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP FOREIGN KEY \`FK_2db9bbc2b840205e7033dd0bd96\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` CHANGE \`responseId\` \`responseId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`alerts\` CHANGE \`scaleCode\` \`scaleCode\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`alerts\` CHANGE \`score\` \`score\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`alerts\` CHANGE \`bandLabel\` \`bandLabel\` varchar(32) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_edac29a158431edb3cf80d2844\` ON \`alerts\` (\`residentId\`)`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD CONSTRAINT \`FK_2db9bbc2b840205e7033dd0bd96\` FOREIGN KEY (\`responseId\`) REFERENCES \`scale_responses\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD CONSTRAINT \`FK_edac29a158431edb3cf80d2844e\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`help_requests\` ADD CONSTRAINT \`FK_bd7dfc4ced3b883da1c7733c42b\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`help_requests\` ADD CONSTRAINT \`FK_fa96af14983ff56d8b58ad7c335\` FOREIGN KEY (\`alertId\`) REFERENCES \`alerts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Only scale alerts fit the older schema (a response and a scale each); help-request alerts go, with their requests and follow-ups.
    // Explicitly: SQLite migrations run without foreign-key enforcement, so nothing cascades.
    await queryRunner.query(`DELETE FROM \`alert_follow_ups\` WHERE \`alertId\` IN (SELECT \`id\` FROM \`alerts\` WHERE \`source\` = 'help_request')`);
    await queryRunner.query(`DELETE FROM \`alerts\` WHERE \`source\` = 'help_request'`);
    await queryRunner.query(`ALTER TABLE \`help_requests\` DROP FOREIGN KEY \`FK_fa96af14983ff56d8b58ad7c335\``);
    await queryRunner.query(`ALTER TABLE \`help_requests\` DROP FOREIGN KEY \`FK_bd7dfc4ced3b883da1c7733c42b\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP FOREIGN KEY \`FK_edac29a158431edb3cf80d2844e\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP FOREIGN KEY \`FK_2db9bbc2b840205e7033dd0bd96\``);
    await queryRunner.query(`DROP INDEX \`IDX_edac29a158431edb3cf80d2844\` ON \`alerts\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` CHANGE \`bandLabel\` \`bandLabel\` varchar(32) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`alerts\` CHANGE \`score\` \`score\` double NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`alerts\` CHANGE \`scaleCode\` \`scaleCode\` varchar(32) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`alerts\` CHANGE \`responseId\` \`responseId\` int NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD CONSTRAINT \`FK_2db9bbc2b840205e7033dd0bd96\` FOREIGN KEY (\`responseId\`) REFERENCES \`scale_responses\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP COLUMN \`helpUrgency\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP COLUMN \`source\``);
    await queryRunner.query(`DROP INDEX \`IDX_fa96af14983ff56d8b58ad7c33\` ON \`help_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_bd7dfc4ced3b883da1c7733c42\` ON \`help_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_c35ecc72c415d22520ba3d098d\` ON \`help_requests\``);
    await queryRunner.query(`DROP TABLE \`help_requests\``);
  }
}

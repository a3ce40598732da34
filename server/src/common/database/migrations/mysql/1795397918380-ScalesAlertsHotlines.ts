import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScalesAlertsHotlines1795397918380 implements MigrationInterface {
  name = 'ScalesAlertsHotlines1795397918380';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`scale_responses\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientRequestId\` varchar(64) NOT NULL, \`residentId\` int NULL, \`scaleCode\` varchar(32) NOT NULL, \`scaleVersion\` int NOT NULL, \`answers\` text NULL, \`raw\` double NOT NULL, \`score\` double NOT NULL, \`subscales\` varchar(500) NOT NULL DEFAULT '{}', \`bandIndex\` int NOT NULL, \`severity\` int NOT NULL, \`mostSevere\` tinyint NOT NULL DEFAULT 0, \`crisis\` tinyint NOT NULL DEFAULT 0, \`criticalItems\` varchar(500) NOT NULL DEFAULT '[]', \`consentMode\` varchar(16) NOT NULL, \`consentVersion\` int NOT NULL, \`followUp\` tinyint NOT NULL DEFAULT 0, \`contactName\` varchar(32) NULL, \`contactPhone\` varchar(20) NULL, \`guardianName\` varchar(32) NULL, \`guardianRelation\` varchar(16) NULL, \`regionId\` int NULL, \`regionPath\` varchar(255) NULL, \`populationGroup\` varchar(16) NULL, \`ageBand\` varchar(16) NULL, \`month\` varchar(7) NOT NULL, \`submittedAt\` datetime(6) NOT NULL, UNIQUE INDEX \`IDX_673875b188736fc126bf2ed5c1\` (\`clientRequestId\`), INDEX \`IDX_4389da3b4dd5ed52515f04f5f7\` (\`residentId\`), INDEX \`IDX_a9c45d534c0cb39bc32b509dab\` (\`regionPath\`), INDEX \`IDX_f850a2144d6eb48e1c3de713d3\` (\`scaleCode\`, \`month\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alerts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`responseId\` int NOT NULL, \`residentId\` int NOT NULL, \`colour\` varchar(8) NOT NULL, \`priority\` int NOT NULL, \`status\` varchar(8) NOT NULL DEFAULT 'open', \`scaleCode\` varchar(32) NOT NULL, \`score\` double NOT NULL, \`bandLabel\` varchar(32) NOT NULL, \`crisis\` tinyint NOT NULL DEFAULT 0, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`populationGroup\` varchar(16) NULL, \`ageBand\` varchar(16) NULL, \`assigneeId\` int NULL, \`assigneeName\` varchar(64) NULL, \`claimedAt\` datetime(6) NULL, \`dueAt\` datetime(6) NULL, \`firstFollowUpAt\` datetime(6) NULL, \`closedAt\` datetime(6) NULL, \`closeNote\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_2db9bbc2b840205e7033dd0bd9\` (\`responseId\`), INDEX \`IDX_aae2573d8bf9f179544f324d8d\` (\`dueAt\`), INDEX \`IDX_88c4646cbcc3f2ca7507eb14ae\` (\`regionPath\`, \`status\`), UNIQUE INDEX \`REL_2db9bbc2b840205e7033dd0bd9\` (\`responseId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alert_follow_ups\` (\`id\` int NOT NULL AUTO_INCREMENT, \`alertId\` int NOT NULL, \`at\` datetime(6) NOT NULL, \`method\` varchar(16) NOT NULL, \`outcome\` text NOT NULL, \`nextColour\` varchar(8) NULL, \`counsellorId\` int NOT NULL, \`counsellorName\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_aa6109a8c3f1e4e482c9acbfe4\` (\`alertId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hotlines\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`number\` varchar(24) NOT NULL, \`hours\` varchar(100) NOT NULL, \`is24h\` tinyint NOT NULL DEFAULT 0, \`audiences\` text NOT NULL, \`source\` varchar(200) NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`sortOrder\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_14ab03163954d8d2a2dbf7885c\` (\`regionPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alert_rule_sets\` (\`id\` int NOT NULL AUTO_INCREMENT, \`rules\` text NOT NULL, \`createdBy\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`scale_definitions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`version\` int NOT NULL, \`title\` varchar(100) NOT NULL, \`definition\` mediumtext NOT NULL, \`builtIn\` tinyint NOT NULL DEFAULT 0, \`enabled\` tinyint NOT NULL DEFAULT 0, \`importedBy\` varchar(64) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_cff0a3da916a91245ec16cc5e2\` (\`code\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`scale_responses\` ADD CONSTRAINT \`FK_4389da3b4dd5ed52515f04f5f72\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD CONSTRAINT \`FK_2db9bbc2b840205e7033dd0bd96\` FOREIGN KEY (\`responseId\`) REFERENCES \`scale_responses\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`alert_follow_ups\` ADD CONSTRAINT \`FK_aa6109a8c3f1e4e482c9acbfe4d\` FOREIGN KEY (\`alertId\`) REFERENCES \`alerts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`alert_follow_ups\` DROP FOREIGN KEY \`FK_aa6109a8c3f1e4e482c9acbfe4d\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP FOREIGN KEY \`FK_2db9bbc2b840205e7033dd0bd96\``);
    await queryRunner.query(`ALTER TABLE \`scale_responses\` DROP FOREIGN KEY \`FK_4389da3b4dd5ed52515f04f5f72\``);
    await queryRunner.query(`DROP INDEX \`IDX_cff0a3da916a91245ec16cc5e2\` ON \`scale_definitions\``);
    await queryRunner.query(`DROP TABLE \`scale_definitions\``);
    await queryRunner.query(`DROP TABLE \`alert_rule_sets\``);
    await queryRunner.query(`DROP INDEX \`IDX_14ab03163954d8d2a2dbf7885c\` ON \`hotlines\``);
    await queryRunner.query(`DROP TABLE \`hotlines\``);
    await queryRunner.query(`DROP INDEX \`IDX_aa6109a8c3f1e4e482c9acbfe4\` ON \`alert_follow_ups\``);
    await queryRunner.query(`DROP TABLE \`alert_follow_ups\``);
    await queryRunner.query(`DROP INDEX \`REL_2db9bbc2b840205e7033dd0bd9\` ON \`alerts\``);
    await queryRunner.query(`DROP INDEX \`IDX_88c4646cbcc3f2ca7507eb14ae\` ON \`alerts\``);
    await queryRunner.query(`DROP INDEX \`IDX_aae2573d8bf9f179544f324d8d\` ON \`alerts\``);
    await queryRunner.query(`DROP INDEX \`IDX_2db9bbc2b840205e7033dd0bd9\` ON \`alerts\``);
    await queryRunner.query(`DROP TABLE \`alerts\``);
    await queryRunner.query(`DROP INDEX \`IDX_f850a2144d6eb48e1c3de713d3\` ON \`scale_responses\``);
    await queryRunner.query(`DROP INDEX \`IDX_a9c45d534c0cb39bc32b509dab\` ON \`scale_responses\``);
    await queryRunner.query(`DROP INDEX \`IDX_4389da3b4dd5ed52515f04f5f7\` ON \`scale_responses\``);
    await queryRunner.query(`DROP INDEX \`IDX_673875b188736fc126bf2ed5c1\` ON \`scale_responses\``);
    await queryRunner.query(`DROP TABLE \`scale_responses\``);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OneOpenAlertPerScale1796580492436 implements MigrationInterface {
  name = 'OneOpenAlertPerScale1796580492436';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`alert_responses\` (\`id\` int NOT NULL AUTO_INCREMENT, \`alertId\` int NOT NULL, \`responseId\` int NOT NULL, \`colour\` varchar(8) NOT NULL, \`score\` double NOT NULL, \`bandLabel\` varchar(32) NOT NULL, \`crisis\` tinyint NOT NULL DEFAULT 0, \`submittedAt\` datetime(6) NOT NULL, INDEX \`IDX_6255d1de8db0499216c22852f8\` (\`alertId\`), UNIQUE INDEX \`IDX_c0246e6a316c857c6ee83f8b61\` (\`responseId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD \`openKey\` varchar(48) NULL`);
    // Existing unclosed alerts: the oldest per resident and scale takes the key and gathers later results; any others stay open as they are.
    await queryRunner.query(`UPDATE \`alerts\` a JOIN (SELECT MIN(\`id\`) AS \`id\` FROM \`alerts\` WHERE \`status\` <> 'closed' GROUP BY \`residentId\`, \`scaleCode\`) f ON f.\`id\` = a.\`id\` SET a.\`openKey\` = CONCAT(a.\`residentId\`, ':', a.\`scaleCode\`)`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD UNIQUE INDEX \`IDX_c642f101f8e321c56805acc0c8\` (\`openKey\`)`);
    await queryRunner.query(`ALTER TABLE \`alert_responses\` ADD CONSTRAINT \`FK_6255d1de8db0499216c22852f8d\` FOREIGN KEY (\`alertId\`) REFERENCES \`alerts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`alert_responses\` ADD CONSTRAINT \`FK_c0246e6a316c857c6ee83f8b618\` FOREIGN KEY (\`responseId\`) REFERENCES \`scale_responses\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Every existing alert's timeline starts with the result that raised it.
    await queryRunner.query(`INSERT INTO \`alert_responses\` (\`alertId\`, \`responseId\`, \`colour\`, \`score\`, \`bandLabel\`, \`crisis\`, \`submittedAt\`) SELECT \`id\`, \`responseId\`, \`colour\`, \`score\`, \`bandLabel\`, \`crisis\`, \`createdAt\` FROM \`alerts\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`alert_responses\` DROP FOREIGN KEY \`FK_c0246e6a316c857c6ee83f8b618\``);
    await queryRunner.query(`ALTER TABLE \`alert_responses\` DROP FOREIGN KEY \`FK_6255d1de8db0499216c22852f8d\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP INDEX \`IDX_c642f101f8e321c56805acc0c8\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP COLUMN \`openKey\``);
    await queryRunner.query(`DROP INDEX \`IDX_c0246e6a316c857c6ee83f8b61\` ON \`alert_responses\``);
    await queryRunner.query(`DROP INDEX \`IDX_6255d1de8db0499216c22852f8\` ON \`alert_responses\``);
    await queryRunner.query(`DROP TABLE \`alert_responses\``);
  }
}

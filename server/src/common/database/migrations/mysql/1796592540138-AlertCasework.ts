import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AlertCasework1796592540138 implements MigrationInterface {
  name = 'AlertCasework1796592540138';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`alert_follow_up_plans\` (\`id\` int NOT NULL AUTO_INCREMENT, \`alertId\` int NOT NULL, \`currentKey\` int NULL, \`date\` varchar(10) NOT NULL, \`time\` varchar(5) NULL, \`purpose\` varchar(1137) NOT NULL, \`setById\` int NOT NULL, \`setByName\` varchar(64) NOT NULL, \`remindedAt\` datetime(6) NULL, \`endedAt\` datetime(6) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_f4d1e9cb5b9aee9a723bfcddcf\` (\`alertId\`), UNIQUE INDEX \`IDX_62d1565427c815381aa5939742\` (\`currentKey\`), INDEX \`IDX_bde5b40a8cbf248bc7ce4cf433\` (\`date\`, \`remindedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alert_referrals\` (\`id\` int NOT NULL AUTO_INCREMENT, \`alertId\` int NOT NULL, \`stationId\` int NOT NULL, \`stationName\` varchar(64) NOT NULL, \`reason\` varchar(1137) NOT NULL, \`note\` text NULL, \`status\` varchar(16) NOT NULL DEFAULT 'sent', \`sentAt\` datetime(6) NOT NULL, \`respondedOn\` varchar(10) NULL, \`outcome\` text NULL, \`outcomeOn\` varchar(10) NULL, \`counsellorId\` int NOT NULL, \`counsellorName\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_1593e67e41a144baf40cdf470c\` (\`alertId\`), INDEX \`IDX_8f81784e522439dc546ab10187\` (\`sentAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD \`closeOutcome\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`alert_follow_up_plans\` ADD CONSTRAINT \`FK_f4d1e9cb5b9aee9a723bfcddcf7\` FOREIGN KEY (\`alertId\`) REFERENCES \`alerts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`alert_referrals\` ADD CONSTRAINT \`FK_1593e67e41a144baf40cdf470cf\` FOREIGN KEY (\`alertId\`) REFERENCES \`alerts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`alert_referrals\` DROP FOREIGN KEY \`FK_1593e67e41a144baf40cdf470cf\``);
    await queryRunner.query(`ALTER TABLE \`alert_follow_up_plans\` DROP FOREIGN KEY \`FK_f4d1e9cb5b9aee9a723bfcddcf7\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP COLUMN \`closeOutcome\``);
    await queryRunner.query(`DROP INDEX \`IDX_8f81784e522439dc546ab10187\` ON \`alert_referrals\``);
    await queryRunner.query(`DROP INDEX \`IDX_1593e67e41a144baf40cdf470c\` ON \`alert_referrals\``);
    await queryRunner.query(`DROP TABLE \`alert_referrals\``);
    await queryRunner.query(`DROP INDEX \`IDX_bde5b40a8cbf248bc7ce4cf433\` ON \`alert_follow_up_plans\``);
    await queryRunner.query(`DROP INDEX \`IDX_62d1565427c815381aa5939742\` ON \`alert_follow_up_plans\``);
    await queryRunner.query(`DROP INDEX \`IDX_f4d1e9cb5b9aee9a723bfcddcf\` ON \`alert_follow_up_plans\``);
    await queryRunner.query(`DROP TABLE \`alert_follow_up_plans\``);
  }
}

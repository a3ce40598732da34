import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DutyRostersAndDispatch1796594618887 implements MigrationInterface {
  name = 'DutyRostersAndDispatch1796594618887';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`alert_dispatch_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`alertId\` int NOT NULL, \`at\` datetime(6) NOT NULL, \`kind\` varchar(16) NOT NULL, \`colour\` varchar(8) NULL, \`level\` int NULL, \`step\` varchar(16) NULL, \`regionId\` int NULL, \`staff\` text NULL, \`reason\` varchar(16) NULL, \`until\` datetime(6) NULL, \`sendKey\` varchar(48) NULL, INDEX \`IDX_5fec53531841108c82fa82e9f5\` (\`alertId\`), UNIQUE INDEX \`IDX_cba162694bc8653f98964b4dea\` (\`sendKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alert_escalations\` (\`alertId\` int NOT NULL, \`pending\` tinyint NOT NULL DEFAULT 1, \`colour\` varchar(8) NULL, \`homeRegionId\` int NULL, \`level\` int NULL, \`lastStepAt\` datetime(6) NULL, \`done\` tinyint NOT NULL DEFAULT 0, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_36172dfd9b07829bf5aee24707\` (\`done\`, \`lastStepAt\`), PRIMARY KEY (\`alertId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`duty_entries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`staffId\` int NOT NULL, \`weekday\` int NULL, \`date\` varchar(10) NULL, \`start\` varchar(5) NOT NULL, \`end\` varchar(5) NOT NULL, \`role\` varchar(8) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_26368b68156090a5e7345c9802\` (\`regionPath\`), INDEX \`IDX_75d254e4811d973982aa6a144a\` (\`staffId\`), INDEX \`IDX_4666ae8aa7f1247d419c67e5d6\` (\`regionId\`, \`date\`), INDEX \`IDX_5de30da1ad5250127074f2edaf\` (\`regionId\`, \`weekday\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`alert_dispatch_events\` ADD CONSTRAINT \`FK_5fec53531841108c82fa82e9f5d\` FOREIGN KEY (\`alertId\`) REFERENCES \`alerts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`alert_escalations\` ADD CONSTRAINT \`FK_8688d2c593f9347786993c95a14\` FOREIGN KEY (\`alertId\`) REFERENCES \`alerts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`duty_entries\` ADD CONSTRAINT \`FK_fd8e1934b019b5ec588aab1a6e7\` FOREIGN KEY (\`regionId\`) REFERENCES \`regions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`duty_entries\` ADD CONSTRAINT \`FK_75d254e4811d973982aa6a144a4\` FOREIGN KEY (\`staffId\`) REFERENCES \`staff\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`duty_entries\` DROP FOREIGN KEY \`FK_75d254e4811d973982aa6a144a4\``);
    await queryRunner.query(`ALTER TABLE \`duty_entries\` DROP FOREIGN KEY \`FK_fd8e1934b019b5ec588aab1a6e7\``);
    await queryRunner.query(`ALTER TABLE \`alert_escalations\` DROP FOREIGN KEY \`FK_8688d2c593f9347786993c95a14\``);
    await queryRunner.query(`ALTER TABLE \`alert_dispatch_events\` DROP FOREIGN KEY \`FK_5fec53531841108c82fa82e9f5d\``);
    await queryRunner.query(`DROP INDEX \`IDX_5de30da1ad5250127074f2edaf\` ON \`duty_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_4666ae8aa7f1247d419c67e5d6\` ON \`duty_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_75d254e4811d973982aa6a144a\` ON \`duty_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_26368b68156090a5e7345c9802\` ON \`duty_entries\``);
    await queryRunner.query(`DROP TABLE \`duty_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_36172dfd9b07829bf5aee24707\` ON \`alert_escalations\``);
    await queryRunner.query(`DROP TABLE \`alert_escalations\``);
    await queryRunner.query(`DROP INDEX \`IDX_cba162694bc8653f98964b4dea\` ON \`alert_dispatch_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_5fec53531841108c82fa82e9f5\` ON \`alert_dispatch_events\``);
    await queryRunner.query(`DROP TABLE \`alert_dispatch_events\``);
  }
}

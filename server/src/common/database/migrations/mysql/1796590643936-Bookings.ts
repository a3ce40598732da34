import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bookings1796590643936 implements MigrationInterface {
  name = 'Bookings1796590643936';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`availability_blocks\` (\`id\` int NOT NULL AUTO_INCREMENT, \`counsellorId\` int NOT NULL, \`weekday\` int NOT NULL, \`start\` varchar(5) NOT NULL, \`end\` varchar(5) NOT NULL, \`mode\` varchar(16) NOT NULL, \`stationId\` int NULL, INDEX \`IDX_ffdf652f152bb5b11a202db1a5\` (\`stationId\`), INDEX \`IDX_490b4a27682d703425fde37652\` (\`counsellorId\`, \`weekday\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`availability_exceptions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`counsellorId\` int NOT NULL, \`date\` varchar(10) NOT NULL, \`blocks\` text NOT NULL, \`note\` varchar(200) NULL, UNIQUE INDEX \`IDX_8545e04bdfe77a2623a7d0dfb7\` (\`counsellorId\`, \`date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`bookings\` (\`id\` int NOT NULL AUTO_INCREMENT, \`residentId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`start\` datetime(6) NOT NULL, \`end\` datetime(6) NOT NULL, \`counsellorId\` int NULL, \`stationId\` int NULL, \`lineId\` int NULL, \`ownerKey\` varchar(32) NOT NULL, \`seat\` int NOT NULL DEFAULT '0', \`activeKey\` varchar(80) NULL, \`regionPath\` varchar(255) NOT NULL, \`contactPhone\` varchar(177) NULL, \`topic\` varchar(16) NULL, \`note\` varchar(2737) NULL, \`ageBand\` varchar(16) NOT NULL, \`guardianName\` varchar(241) NULL, \`guardianRelation\` varchar(16) NULL, \`consentVersion\` varchar(32) NOT NULL, \`sensitiveConsent\` tinyint NOT NULL, \`clientRequestId\` varchar(64) NOT NULL, \`cancelReason\` varchar(200) NULL, \`cancelledAt\` datetime(6) NULL, \`ratingScore\` int NULL, \`ratingComment\` varchar(500) NULL, \`ratedAt\` datetime(6) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_ac2408638dd2e1162484b9da85\` (\`residentId\`), INDEX \`IDX_7836bc729587ab9912baaddaea\` (\`start\`), UNIQUE INDEX \`IDX_5a3972c925ff5251f1c2113940\` (\`activeKey\`), INDEX \`IDX_74fb30379f2444be771d8009a9\` (\`regionPath\`), INDEX \`IDX_15b2644a8caa2c479c61d3658b\` (\`stationId\`, \`start\`), INDEX \`IDX_b5e33fa1c5f8ec0db01d12504b\` (\`lineId\`, \`start\`), INDEX \`IDX_7889fdf64425989b626c8cfce5\` (\`counsellorId\`, \`start\`), UNIQUE INDEX \`IDX_3946dfdb7b7a343c34ec983e71\` (\`residentId\`, \`clientRequestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`booking_history\` (\`id\` int NOT NULL AUTO_INCREMENT, \`bookingId\` int NOT NULL, \`at\` datetime(6) NOT NULL, \`action\` varchar(32) NOT NULL, \`byName\` varchar(64) NULL, \`note\` varchar(200) NULL, INDEX \`IDX_1ce3406e86937220091a1db7b8\` (\`bookingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`session_notes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`bookingId\` int NOT NULL, \`authorStaffId\` int NOT NULL, \`text\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_eaeeb0c991c5d5dc093f65a41d\` (\`bookingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`booking_holds\` (\`id\` int NOT NULL AUTO_INCREMENT, \`residentId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`ownerKey\` varchar(32) NOT NULL, \`start\` datetime(6) NOT NULL, \`end\` datetime(6) NOT NULL, \`seat\` int NOT NULL DEFAULT '0', \`counsellorId\` int NULL, \`stationId\` int NULL, \`lineId\` int NULL, \`expiresAt\` datetime(6) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_a1c4be23d1434b621295104ae4\` (\`residentId\`), INDEX \`IDX_53d143aff35872626c6f7c13e8\` (\`expiresAt\`), UNIQUE INDEX \`IDX_c4f23b404cfeda380c0b97c59a\` (\`ownerKey\`, \`start\`, \`seat\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`booking_locks\` (\`lockKey\` varchar(32) NOT NULL, PRIMARY KEY (\`lockKey\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`booking_settings\` (\`kind\` varchar(16) NOT NULL, \`enabled\` tinyint NOT NULL, \`durationMinutes\` int NOT NULL, \`bufferMinutes\` int NOT NULL, \`minNoticeMinutes\` int NOT NULL, \`maxDaysAhead\` int NOT NULL, \`maxOpenPerResident\` int NOT NULL, \`cancelCutoffHours\` int NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`kind\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`callback_lines\` (\`id\` int NOT NULL AUTO_INCREMENT, \`hotlineId\` int NOT NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`weeklyHours\` text NOT NULL, \`capacityPerWindow\` int NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_b9b1969133dce71ce1401ed45b\` (\`hotlineId\`), INDEX \`IDX_63a7e32f7e018d7a315ed03e20\` (\`regionPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`bookings\` ADD CONSTRAINT \`FK_ac2408638dd2e1162484b9da852\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`booking_history\` ADD CONSTRAINT \`FK_1ce3406e86937220091a1db7b86\` FOREIGN KEY (\`bookingId\`) REFERENCES \`bookings\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`session_notes\` ADD CONSTRAINT \`FK_eaeeb0c991c5d5dc093f65a41d7\` FOREIGN KEY (\`bookingId\`) REFERENCES \`bookings\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`booking_holds\` ADD CONSTRAINT \`FK_a1c4be23d1434b621295104ae4b\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`booking_holds\` DROP FOREIGN KEY \`FK_a1c4be23d1434b621295104ae4b\``);
    await queryRunner.query(`ALTER TABLE \`session_notes\` DROP FOREIGN KEY \`FK_eaeeb0c991c5d5dc093f65a41d7\``);
    await queryRunner.query(`ALTER TABLE \`booking_history\` DROP FOREIGN KEY \`FK_1ce3406e86937220091a1db7b86\``);
    await queryRunner.query(`ALTER TABLE \`bookings\` DROP FOREIGN KEY \`FK_ac2408638dd2e1162484b9da852\``);
    await queryRunner.query(`DROP INDEX \`IDX_63a7e32f7e018d7a315ed03e20\` ON \`callback_lines\``);
    await queryRunner.query(`DROP INDEX \`IDX_b9b1969133dce71ce1401ed45b\` ON \`callback_lines\``);
    await queryRunner.query(`DROP TABLE \`callback_lines\``);
    await queryRunner.query(`DROP TABLE \`booking_settings\``);
    await queryRunner.query(`DROP TABLE \`booking_locks\``);
    await queryRunner.query(`DROP INDEX \`IDX_c4f23b404cfeda380c0b97c59a\` ON \`booking_holds\``);
    await queryRunner.query(`DROP INDEX \`IDX_53d143aff35872626c6f7c13e8\` ON \`booking_holds\``);
    await queryRunner.query(`DROP INDEX \`IDX_a1c4be23d1434b621295104ae4\` ON \`booking_holds\``);
    await queryRunner.query(`DROP TABLE \`booking_holds\``);
    await queryRunner.query(`DROP INDEX \`IDX_eaeeb0c991c5d5dc093f65a41d\` ON \`session_notes\``);
    await queryRunner.query(`DROP TABLE \`session_notes\``);
    await queryRunner.query(`DROP INDEX \`IDX_1ce3406e86937220091a1db7b8\` ON \`booking_history\``);
    await queryRunner.query(`DROP TABLE \`booking_history\``);
    await queryRunner.query(`DROP INDEX \`IDX_3946dfdb7b7a343c34ec983e71\` ON \`bookings\``);
    await queryRunner.query(`DROP INDEX \`IDX_7889fdf64425989b626c8cfce5\` ON \`bookings\``);
    await queryRunner.query(`DROP INDEX \`IDX_b5e33fa1c5f8ec0db01d12504b\` ON \`bookings\``);
    await queryRunner.query(`DROP INDEX \`IDX_15b2644a8caa2c479c61d3658b\` ON \`bookings\``);
    await queryRunner.query(`DROP INDEX \`IDX_74fb30379f2444be771d8009a9\` ON \`bookings\``);
    await queryRunner.query(`DROP INDEX \`IDX_5a3972c925ff5251f1c2113940\` ON \`bookings\``);
    await queryRunner.query(`DROP INDEX \`IDX_7836bc729587ab9912baaddaea\` ON \`bookings\``);
    await queryRunner.query(`DROP INDEX \`IDX_ac2408638dd2e1162484b9da85\` ON \`bookings\``);
    await queryRunner.query(`DROP TABLE \`bookings\``);
    await queryRunner.query(`DROP INDEX \`IDX_8545e04bdfe77a2623a7d0dfb7\` ON \`availability_exceptions\``);
    await queryRunner.query(`DROP TABLE \`availability_exceptions\``);
    await queryRunner.query(`DROP INDEX \`IDX_490b4a27682d703425fde37652\` ON \`availability_blocks\``);
    await queryRunner.query(`DROP INDEX \`IDX_ffdf652f152bb5b11a202db1a5\` ON \`availability_blocks\``);
    await queryRunner.query(`DROP TABLE \`availability_blocks\``);
  }
}

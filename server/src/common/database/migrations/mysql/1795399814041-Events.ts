import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Events1795399814041 implements MigrationInterface {
  name = 'Events1795399814041';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`host_units\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`placeType\` varchar(16) NOT NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`staffCount\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_c15898defec9409bbfeafe4f99\` (\`regionPath\`), UNIQUE INDEX \`IDX_37854ce90291ae2fbcdcfe8407\` (\`regionId\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(100) NOT NULL, \`kind\` varchar(16) NOT NULL, \`placeType\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`hostUnitId\` int NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`venueName\` varchar(100) NOT NULL, \`venueAddress\` varchar(200) NOT NULL, \`venueLat\` double NULL, \`venueLng\` double NULL, \`startsAt\` datetime(6) NOT NULL, \`endsAt\` datetime(6) NOT NULL, \`signupOpensAt\` datetime(6) NULL, \`signupClosesAt\` datetime(6) NULL, \`cancelClosesAt\` datetime(6) NULL, \`capacity\` int NOT NULL, \`waitlistEnabled\` tinyint NOT NULL DEFAULT 1, \`offerHours\` int NOT NULL, \`requiredFields\` text NOT NULL, \`audiences\` text NOT NULL, \`description\` mediumtext NOT NULL, \`speakers\` text NOT NULL, \`coverUrl\` varchar(500) NULL, \`quizId\` int NULL, \`campaignId\` int NULL, \`cancelReason\` varchar(200) NULL, \`publishedAt\` datetime(6) NULL, \`cancelledAt\` datetime(6) NULL, \`createdById\` int NOT NULL, \`createdByName\` varchar(64) NOT NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_d93847674dfcee27234a253c0d\` (\`regionPath\`), INDEX \`IDX_e0da647c004a695b1d55a073e8\` (\`startsAt\`), INDEX \`IDX_2fe9c6f2bd89ce5a23b22746f7\` (\`status\`, \`startsAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`event_registrations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`eventId\` int NOT NULL, \`residentId\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`source\` varchar(16) NOT NULL DEFAULT 'online', \`name\` varchar(32) NULL, \`phone\` varchar(20) NULL, \`consentVersion\` int NULL, \`ticketCode\` varchar(16) NOT NULL, \`queuedAt\` datetime(6) NULL, \`offeredAt\` datetime(6) NULL, \`offerExpiresAt\` datetime(6) NULL, \`confirmedAt\` datetime(6) NULL, \`cancelledAt\` datetime(6) NULL, \`checkedInAt\` datetime(6) NULL, \`checkinMethod\` varchar(16) NULL, \`checkedInById\` int NULL, \`checkedInByName\` varchar(64) NULL, \`clientRequestId\` varchar(64) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_029d0ffd27c9c054e597d0135a\` (\`residentId\`), INDEX \`IDX_83e08a204908471622396a9c28\` (\`offerExpiresAt\`), UNIQUE INDEX \`IDX_6b96deaf4ae5412cfe25fff112\` (\`clientRequestId\`), INDEX \`IDX_3e336bd6dd7985b01d2e6f0f8f\` (\`eventId\`, \`status\`), UNIQUE INDEX \`IDX_18f5178dc0f8100d9c6ae68cdc\` (\`eventId\`, \`ticketCode\`), UNIQUE INDEX \`IDX_1a004e583620bddc805309e684\` (\`eventId\`, \`residentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`event_notifications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(24) NOT NULL, \`eventId\` int NOT NULL, \`registrationId\` int NOT NULL, \`residentId\` int NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'queued', \`reason\` varchar(32) NULL, \`templateId\` varchar(64) NULL, \`eventStartsAt\` datetime(6) NOT NULL, \`promoted\` tinyint NOT NULL DEFAULT 0, \`runAfter\` datetime(6) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`error\` varchar(300) NULL, \`msgid\` varchar(32) NULL, \`sentAt\` datetime(6) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_7862cf497de49b975b2f75acf7\` (\`residentId\`), INDEX \`IDX_4b2e121957324d6506d3d1ef59\` (\`eventId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`subscribe_grants\` (\`id\` int NOT NULL AUTO_INCREMENT, \`residentId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`usedAt\` datetime(6) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_abaca919aea0d194bf2fd6eb7f\` (\`residentId\`, \`templateId\`, \`usedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD CONSTRAINT \`FK_35007e382c79aad66287fdd7d23\` FOREIGN KEY (\`hostUnitId\`) REFERENCES \`host_units\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`event_registrations\` ADD CONSTRAINT \`FK_e4e6dce237a527e4515f3d430f1\` FOREIGN KEY (\`eventId\`) REFERENCES \`events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`event_registrations\` ADD CONSTRAINT \`FK_029d0ffd27c9c054e597d0135aa\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` ADD CONSTRAINT \`FK_5ce54123fde06eadbf35868307f\` FOREIGN KEY (\`eventId\`) REFERENCES \`events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` ADD CONSTRAINT \`FK_0ea9de71786f829e07eb1a8acac\` FOREIGN KEY (\`registrationId\`) REFERENCES \`event_registrations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` ADD CONSTRAINT \`FK_7862cf497de49b975b2f75acf75\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`subscribe_grants\` ADD CONSTRAINT \`FK_264a71a93d0ad8958d00b4953ef\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`subscribe_grants\` DROP FOREIGN KEY \`FK_264a71a93d0ad8958d00b4953ef\``);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` DROP FOREIGN KEY \`FK_7862cf497de49b975b2f75acf75\``);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` DROP FOREIGN KEY \`FK_0ea9de71786f829e07eb1a8acac\``);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` DROP FOREIGN KEY \`FK_5ce54123fde06eadbf35868307f\``);
    await queryRunner.query(`ALTER TABLE \`event_registrations\` DROP FOREIGN KEY \`FK_029d0ffd27c9c054e597d0135aa\``);
    await queryRunner.query(`ALTER TABLE \`event_registrations\` DROP FOREIGN KEY \`FK_e4e6dce237a527e4515f3d430f1\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP FOREIGN KEY \`FK_35007e382c79aad66287fdd7d23\``);
    await queryRunner.query(`DROP INDEX \`IDX_abaca919aea0d194bf2fd6eb7f\` ON \`subscribe_grants\``);
    await queryRunner.query(`DROP TABLE \`subscribe_grants\``);
    await queryRunner.query(`DROP INDEX \`IDX_4b2e121957324d6506d3d1ef59\` ON \`event_notifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_7862cf497de49b975b2f75acf7\` ON \`event_notifications\``);
    await queryRunner.query(`DROP TABLE \`event_notifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_1a004e583620bddc805309e684\` ON \`event_registrations\``);
    await queryRunner.query(`DROP INDEX \`IDX_18f5178dc0f8100d9c6ae68cdc\` ON \`event_registrations\``);
    await queryRunner.query(`DROP INDEX \`IDX_3e336bd6dd7985b01d2e6f0f8f\` ON \`event_registrations\``);
    await queryRunner.query(`DROP INDEX \`IDX_6b96deaf4ae5412cfe25fff112\` ON \`event_registrations\``);
    await queryRunner.query(`DROP INDEX \`IDX_83e08a204908471622396a9c28\` ON \`event_registrations\``);
    await queryRunner.query(`DROP INDEX \`IDX_029d0ffd27c9c054e597d0135a\` ON \`event_registrations\``);
    await queryRunner.query(`DROP TABLE \`event_registrations\``);
    await queryRunner.query(`DROP INDEX \`IDX_2fe9c6f2bd89ce5a23b22746f7\` ON \`events\``);
    await queryRunner.query(`DROP INDEX \`IDX_e0da647c004a695b1d55a073e8\` ON \`events\``);
    await queryRunner.query(`DROP INDEX \`IDX_d93847674dfcee27234a253c0d\` ON \`events\``);
    await queryRunner.query(`DROP TABLE \`events\``);
    await queryRunner.query(`DROP INDEX \`IDX_37854ce90291ae2fbcdcfe8407\` ON \`host_units\``);
    await queryRunner.query(`DROP INDEX \`IDX_c15898defec9409bbfeafe4f99\` ON \`host_units\``);
    await queryRunner.query(`DROP TABLE \`host_units\``);
  }
}

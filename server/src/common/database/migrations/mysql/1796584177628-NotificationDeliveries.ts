import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDeliveries1796584177628 implements MigrationInterface {
  name = 'NotificationDeliveries1796584177628';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`notification_deliveries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`channel\` varchar(24) NOT NULL, \`topic\` varchar(48) NOT NULL, \`recipientType\` varchar(16) NOT NULL, \`residentId\` int NULL, \`staffId\` int NULL, \`target\` varchar(128) NULL, \`subjectType\` varchar(32) NOT NULL, \`subjectId\` int NOT NULL, \`groupKey\` varchar(48) NULL, \`subjectAt\` datetime(6) NULL, \`params\` text NULL, \`templateId\` varchar(64) NULL, \`status\` varchar(16) NOT NULL DEFAULT 'queued', \`reason\` varchar(32) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`dueAt\` datetime(6) NOT NULL, \`sentAt\` datetime(6) NULL, \`providerMessageId\` varchar(64) NULL, \`error\` varchar(300) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_ce93f336dd280b00971145d849\` (\`residentId\`), INDEX \`IDX_bb25a8a65beb9982e929b96106\` (\`subjectType\`, \`subjectId\`), INDEX \`IDX_57f680b4c66f9843187040c489\` (\`groupKey\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`notification_deliveries\` ADD CONSTRAINT \`FK_ce93f336dd280b00971145d8495\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Event messages move here with their ids (so the admin's list keeps them), queued ones with their jobs.
    await queryRunner.query(`INSERT INTO \`notification_deliveries\` (\`id\`, \`channel\`, \`topic\`, \`recipientType\`, \`residentId\`, \`subjectType\`, \`subjectId\`, \`groupKey\`, \`subjectAt\`, \`params\`, \`templateId\`, \`status\`, \`reason\`, \`attempts\`, \`dueAt\`, \`sentAt\`, \`providerMessageId\`, \`error\`, \`createdAt\`) SELECT \`id\`, 'wechat_subscribe', CONCAT('event.', \`kind\`), 'resident', \`residentId\`, 'event_registration', \`registrationId\`, CONCAT('event:', \`eventId\`), \`eventStartsAt\`, CASE WHEN \`promoted\` THEN '{"promoted":true}' ELSE NULL END, \`templateId\`, \`status\`, \`reason\`, \`attempts\`, \`runAfter\`, \`sentAt\`, \`msgid\`, \`error\`, \`createdAt\` FROM \`event_notifications\``);
    await queryRunner.query(`UPDATE \`jobs\` SET \`kind\` = 'notify.wechat_subscribe' WHERE \`kind\` = 'events.notify'`);
    await queryRunner.query(`DROP TABLE \`event_notifications\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`event_notifications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(24) NOT NULL, \`eventId\` int NOT NULL, \`registrationId\` int NOT NULL, \`residentId\` int NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'queued', \`reason\` varchar(32) NULL, \`templateId\` varchar(64) NULL, \`eventStartsAt\` datetime(6) NOT NULL, \`promoted\` tinyint NOT NULL DEFAULT 0, \`runAfter\` datetime(6) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`error\` varchar(300) NULL, \`msgid\` varchar(32) NULL, \`sentAt\` datetime(6) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_7862cf497de49b975b2f75acf7\` (\`residentId\`), INDEX \`IDX_4b2e121957324d6506d3d1ef59\` (\`eventId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` ADD CONSTRAINT \`FK_5ce54123fde06eadbf35868307f\` FOREIGN KEY (\`eventId\`) REFERENCES \`events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` ADD CONSTRAINT \`FK_0ea9de71786f829e07eb1a8acac\` FOREIGN KEY (\`registrationId\`) REFERENCES \`event_registrations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`event_notifications\` ADD CONSTRAINT \`FK_7862cf497de49b975b2f75acf75\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Back go the event messages whose registration still exists; other owners' messages have no table to go to.
    await queryRunner.query(`INSERT INTO \`event_notifications\` (\`id\`, \`kind\`, \`eventId\`, \`registrationId\`, \`residentId\`, \`status\`, \`reason\`, \`templateId\`, \`eventStartsAt\`, \`promoted\`, \`runAfter\`, \`attempts\`, \`error\`, \`msgid\`, \`sentAt\`, \`createdAt\`) SELECT d.\`id\`, SUBSTRING(d.\`topic\`, 7), r.\`eventId\`, d.\`subjectId\`, d.\`residentId\`, d.\`status\`, d.\`reason\`, d.\`templateId\`, COALESCE(d.\`subjectAt\`, d.\`dueAt\`), CASE WHEN d.\`params\` LIKE '%"promoted":true%' THEN 1 ELSE 0 END, d.\`dueAt\`, d.\`attempts\`, d.\`error\`, d.\`providerMessageId\`, d.\`sentAt\`, d.\`createdAt\` FROM \`notification_deliveries\` d INNER JOIN \`event_registrations\` r ON r.\`id\` = d.\`subjectId\` WHERE d.\`subjectType\` = 'event_registration' AND d.\`topic\` LIKE 'event.%' AND d.\`residentId\` IS NOT NULL`);
    await queryRunner.query(`UPDATE \`jobs\` SET \`kind\` = 'events.notify' WHERE \`kind\` = 'notify.wechat_subscribe'`);
    await queryRunner.query(`ALTER TABLE \`notification_deliveries\` DROP FOREIGN KEY \`FK_ce93f336dd280b00971145d8495\``);
    await queryRunner.query(`DROP INDEX \`IDX_57f680b4c66f9843187040c489\` ON \`notification_deliveries\``);
    await queryRunner.query(`DROP INDEX \`IDX_bb25a8a65beb9982e929b96106\` ON \`notification_deliveries\``);
    await queryRunner.query(`DROP INDEX \`IDX_ce93f336dd280b00971145d849\` ON \`notification_deliveries\``);
    await queryRunner.query(`DROP TABLE \`notification_deliveries\``);
  }
}

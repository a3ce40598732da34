import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDeliveries1796584177628 implements MigrationInterface {
  name = 'NotificationDeliveries1796584177628';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "channel" varchar(24) NOT NULL, "topic" varchar(48) NOT NULL, "recipientType" varchar(16) NOT NULL, "residentId" integer, "staffId" integer, "target" varchar(128), "subjectType" varchar(32) NOT NULL, "subjectId" integer NOT NULL, "groupKey" varchar(48), "subjectAt" datetime, "params" text, "templateId" varchar(64), "status" varchar(16) NOT NULL DEFAULT ('queued'), "reason" varchar(32), "attempts" integer NOT NULL DEFAULT (0), "dueAt" datetime NOT NULL, "sentAt" datetime, "providerMessageId" varchar(64), "error" varchar(300), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_ce93f336dd280b00971145d8495" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "IDX_ce93f336dd280b00971145d849" ON "notification_deliveries" ("residentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_bb25a8a65beb9982e929b96106" ON "notification_deliveries" ("subjectType", "subjectId") `);
    await queryRunner.query(`CREATE INDEX "IDX_57f680b4c66f9843187040c489" ON "notification_deliveries" ("groupKey", "createdAt") `);
    // Event messages move here with their ids (so the admin's list keeps them), queued ones with their jobs.
    await queryRunner.query(`INSERT INTO "notification_deliveries" ("id", "channel", "topic", "recipientType", "residentId", "subjectType", "subjectId", "groupKey", "subjectAt", "params", "templateId", "status", "reason", "attempts", "dueAt", "sentAt", "providerMessageId", "error", "createdAt") SELECT "id", 'wechat_subscribe', 'event.' || "kind", 'resident', "residentId", 'event_registration', "registrationId", 'event:' || "eventId", "eventStartsAt", CASE WHEN "promoted" THEN '{"promoted":true}' ELSE NULL END, "templateId", "status", "reason", "attempts", "runAfter", "sentAt", "msgid", "error", "createdAt" FROM "event_notifications"`);
    await queryRunner.query(`UPDATE "jobs" SET "kind" = 'notify.wechat_subscribe' WHERE "kind" = 'events.notify'`);
    await queryRunner.query(`DROP INDEX "IDX_7862cf497de49b975b2f75acf7"`);
    await queryRunner.query(`DROP INDEX "IDX_4b2e121957324d6506d3d1ef59"`);
    await queryRunner.query(`DROP TABLE "event_notifications"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "event_notifications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(24) NOT NULL, "eventId" integer NOT NULL, "registrationId" integer NOT NULL, "residentId" integer NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('queued'), "reason" varchar(32), "templateId" varchar(64), "eventStartsAt" datetime NOT NULL, "promoted" boolean NOT NULL DEFAULT (0), "runAfter" datetime NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "error" varchar(300), "msgid" varchar(32), "sentAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_5ce54123fde06eadbf35868307f" FOREIGN KEY ("eventId") REFERENCES "events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0ea9de71786f829e07eb1a8acac" FOREIGN KEY ("registrationId") REFERENCES "event_registrations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7862cf497de49b975b2f75acf75" FOREIGN KEY ("residentId") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "IDX_7862cf497de49b975b2f75acf7" ON "event_notifications" ("residentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4b2e121957324d6506d3d1ef59" ON "event_notifications" ("eventId", "createdAt") `);
    // Back go the event messages whose registration still exists; other owners' messages have no table to go to.
    await queryRunner.query(`INSERT INTO "event_notifications" ("id", "kind", "eventId", "registrationId", "residentId", "status", "reason", "templateId", "eventStartsAt", "promoted", "runAfter", "attempts", "error", "msgid", "sentAt", "createdAt") SELECT d."id", substr(d."topic", 7), r."eventId", d."subjectId", d."residentId", d."status", d."reason", d."templateId", COALESCE(d."subjectAt", d."dueAt"), CASE WHEN d."params" LIKE '%"promoted":true%' THEN 1 ELSE 0 END, d."dueAt", d."attempts", d."error", d."providerMessageId", d."sentAt", d."createdAt" FROM "notification_deliveries" d INNER JOIN "event_registrations" r ON r."id" = d."subjectId" WHERE d."subjectType" = 'event_registration' AND d."topic" LIKE 'event.%' AND d."residentId" IS NOT NULL`);
    await queryRunner.query(`UPDATE "jobs" SET "kind" = 'events.notify' WHERE "kind" = 'notify.wechat_subscribe'`);
    await queryRunner.query(`DROP INDEX "IDX_57f680b4c66f9843187040c489"`);
    await queryRunner.query(`DROP INDEX "IDX_bb25a8a65beb9982e929b96106"`);
    await queryRunner.query(`DROP INDEX "IDX_ce93f336dd280b00971145d849"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendeeListOrder1796611994403 implements MigrationInterface {
  name = 'AttendeeListOrder1796611994403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_8286555921bfb0325d8856c989\` ON \`event_registrations\` (\`eventId\`, \`createdAt\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8286555921bfb0325d8856c989\` ON \`event_registrations\``);
  }
}

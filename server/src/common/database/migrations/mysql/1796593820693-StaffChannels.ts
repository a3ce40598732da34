import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffChannels1796593820693 implements MigrationInterface {
  name = 'StaffChannels1796593820693';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`staff_notice_contacts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`staffId\` int NOT NULL, \`residentId\` int NULL, \`boundAt\` datetime(6) NULL, \`bindNonce\` varchar(32) NULL, \`mobile\` varchar(177) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_fdf6e6d951057ec9c49f1e97b7\` (\`staffId\`), INDEX \`IDX_e58476a9ddb4a662ca2368d825\` (\`residentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`region_robots\` (\`id\` int NOT NULL AUTO_INCREMENT, \`regionId\` int NOT NULL, \`webhookUrl\` text NOT NULL, \`updatedById\` int NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_3e642e4560fa4ac32afe44a8d2\` (\`regionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`staff_notice_contacts\` ADD CONSTRAINT \`FK_fdf6e6d951057ec9c49f1e97b7f\` FOREIGN KEY (\`staffId\`) REFERENCES \`staff\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`staff_notice_contacts\` ADD CONSTRAINT \`FK_e58476a9ddb4a662ca2368d8255\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`region_robots\` ADD CONSTRAINT \`FK_3e642e4560fa4ac32afe44a8d24\` FOREIGN KEY (\`regionId\`) REFERENCES \`regions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`region_robots\` DROP FOREIGN KEY \`FK_3e642e4560fa4ac32afe44a8d24\``);
    await queryRunner.query(`ALTER TABLE \`staff_notice_contacts\` DROP FOREIGN KEY \`FK_e58476a9ddb4a662ca2368d8255\``);
    await queryRunner.query(`ALTER TABLE \`staff_notice_contacts\` DROP FOREIGN KEY \`FK_fdf6e6d951057ec9c49f1e97b7f\``);
    await queryRunner.query(`DROP INDEX \`IDX_3e642e4560fa4ac32afe44a8d2\` ON \`region_robots\``);
    await queryRunner.query(`DROP TABLE \`region_robots\``);
    await queryRunner.query(`DROP INDEX \`IDX_e58476a9ddb4a662ca2368d825\` ON \`staff_notice_contacts\``);
    await queryRunner.query(`DROP INDEX \`IDX_fdf6e6d951057ec9c49f1e97b7\` ON \`staff_notice_contacts\``);
    await queryRunner.query(`DROP TABLE \`staff_notice_contacts\``);
  }
}

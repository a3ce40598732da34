import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795394717829 implements MigrationInterface {
  name = 'Initial1795394717829';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`articles\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(100) NOT NULL, \`summary\` varchar(300) NOT NULL, \`coverUrl\` varchar(500) NULL, \`category\` varchar(16) NOT NULL, \`audiences\` text NOT NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`body\` mediumtext NOT NULL, \`source\` varchar(200) NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`publishedAt\` datetime(6) NULL, \`scheduledAt\` datetime(6) NULL, \`authorId\` int NOT NULL, \`authorName\` varchar(64) NOT NULL, \`reviewerId\` int NULL, \`viewCount\` int NOT NULL DEFAULT '0', \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_2e4b935276a749e0089304599c\` (\`regionPath\`), INDEX \`IDX_e4ee7cb48e2608f39111b8e3ef\` (\`status\`, \`category\`, \`publishedAt\`), INDEX \`IDX_e5ee5ab998b67e8a23cc36c9fe\` (\`status\`, \`publishedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`audit_logs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime(6) NOT NULL, \`actorType\` varchar(16) NOT NULL, \`actorId\` int NULL, \`actorName\` varchar(64) NULL, \`action\` varchar(64) NOT NULL, \`resourceType\` varchar(32) NULL, \`resourceId\` varchar(64) NULL, \`regionPath\` varchar(255) NULL, \`ip\` varchar(64) NULL, \`outcome\` varchar(8) NOT NULL, \`statusCode\` int NULL, \`requestId\` varchar(64) NULL, \`details\` text NULL, INDEX \`IDX_90eb701fe0d7584d54a15567f8\` (\`at\`), INDEX \`IDX_cee5459245f652b75eb2759b4c\` (\`action\`), INDEX \`IDX_4c54bce7d40722d49a1c100a7c\` (\`regionPath\`), INDEX \`IDX_35282cb71f64178fc7852c368b\` (\`actorType\`, \`actorId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`refresh_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`staffId\` int NOT NULL, \`family\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`expiresAt\` datetime(6) NOT NULL, \`revokedAt\` datetime(6) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_237509e869b476813afcc4246e\` (\`staffId\`), INDEX \`IDX_968936751ab847471635be8dc0\` (\`family\`), UNIQUE INDEX \`IDX_c25bc63d248ca90e8dcc1d92d0\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`regions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`parentId\` int NULL, \`name\` varchar(64) NOT NULL, \`level\` varchar(16) NOT NULL, \`path\` varchar(255) NOT NULL DEFAULT '', \`urbanRural\` varchar(8) NULL, \`population\` int NULL, \`urbanPopulation\` int NULL, \`code\` varchar(16) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_893e171fccde1ce0e47a06f14c\` (\`parentId\`), INDEX \`IDX_0dc8c36f97c1840565e9a9e53c\` (\`path\`), UNIQUE INDEX \`IDX_4f6dc5a464961e7c65a395ea4c\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`residents\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`unionid\` varchar(64) NULL, \`nickname\` varchar(32) NULL, \`regionId\` int NULL, \`regionPath\` varchar(255) NULL, \`populationGroup\` varchar(16) NULL, \`ageBand\` varchar(16) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_e3e21cb5a1e57c9ffa3d2019d2\` (\`openid\`), INDEX \`IDX_c89f6bce60cd5dbbc6196672ad\` (\`regionPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`staff\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(64) NOT NULL, \`displayName\` varchar(64) NOT NULL, \`passwordHash\` varchar(100) NOT NULL, \`role\` varchar(32) NOT NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`disabled\` tinyint NOT NULL DEFAULT 0, \`mustChangePassword\` tinyint NOT NULL DEFAULT 1, \`failedLoginCount\` int NOT NULL DEFAULT '0', \`lockedUntil\` datetime(6) NULL, \`lastLoginAt\` datetime(6) NULL, \`passwordChangedAt\` datetime(6) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_35aafb5ad218f3ff1ff70e281e\` (\`username\`), INDEX \`IDX_5a1f695c3e1103276fc56ac9c4\` (\`regionPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_5a1f695c3e1103276fc56ac9c4\` ON \`staff\``);
    await queryRunner.query(`DROP INDEX \`IDX_35aafb5ad218f3ff1ff70e281e\` ON \`staff\``);
    await queryRunner.query(`DROP TABLE \`staff\``);
    await queryRunner.query(`DROP INDEX \`IDX_c89f6bce60cd5dbbc6196672ad\` ON \`residents\``);
    await queryRunner.query(`DROP INDEX \`IDX_e3e21cb5a1e57c9ffa3d2019d2\` ON \`residents\``);
    await queryRunner.query(`DROP TABLE \`residents\``);
    await queryRunner.query(`DROP INDEX \`IDX_4f6dc5a464961e7c65a395ea4c\` ON \`regions\``);
    await queryRunner.query(`DROP INDEX \`IDX_0dc8c36f97c1840565e9a9e53c\` ON \`regions\``);
    await queryRunner.query(`DROP INDEX \`IDX_893e171fccde1ce0e47a06f14c\` ON \`regions\``);
    await queryRunner.query(`DROP TABLE \`regions\``);
    await queryRunner.query(`DROP INDEX \`IDX_c25bc63d248ca90e8dcc1d92d0\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_968936751ab847471635be8dc0\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_237509e869b476813afcc4246e\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP TABLE \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_35282cb71f64178fc7852c368b\` ON \`audit_logs\``);
    await queryRunner.query(`DROP INDEX \`IDX_4c54bce7d40722d49a1c100a7c\` ON \`audit_logs\``);
    await queryRunner.query(`DROP INDEX \`IDX_cee5459245f652b75eb2759b4c\` ON \`audit_logs\``);
    await queryRunner.query(`DROP INDEX \`IDX_90eb701fe0d7584d54a15567f8\` ON \`audit_logs\``);
    await queryRunner.query(`DROP TABLE \`audit_logs\``);
    await queryRunner.query(`DROP INDEX \`IDX_e5ee5ab998b67e8a23cc36c9fe\` ON \`articles\``);
    await queryRunner.query(`DROP INDEX \`IDX_e4ee7cb48e2608f39111b8e3ef\` ON \`articles\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e4b935276a749e0089304599c\` ON \`articles\``);
    await queryRunner.query(`DROP TABLE \`articles\``);
  }
}

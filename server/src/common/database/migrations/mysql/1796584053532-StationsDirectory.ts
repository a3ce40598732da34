import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StationsDirectory1796584053532 implements MigrationInterface {
  name = 'StationsDirectory1796584053532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`counsellor_profiles\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(32) NOT NULL, \`photoUrl\` varchar(500) NULL, \`qualification\` varchar(100) NOT NULL, \`title\` varchar(64) NULL, \`certificateNo\` varchar(64) NULL, \`specialties\` text NOT NULL, \`languages\` text NOT NULL, \`modes\` text NOT NULL, \`bio\` text NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`staffId\` int NULL, \`published\` tinyint NOT NULL DEFAULT 0, \`publishConsentAt\` datetime(6) NULL, \`publishConsentById\` int NULL, \`publishConsentByName\` varchar(64) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_7184e231d796c0fd94d96e70b3\` (\`regionPath\`), UNIQUE INDEX \`IDX_92525d7c922e5c54b364ad7a91\` (\`staffId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`type\` varchar(32) NOT NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`address\` varchar(200) NOT NULL, \`lat\` double NULL, \`lng\` double NULL, \`phone\` varchar(32) NULL, \`services\` text NOT NULL, \`accessibility\` varchar(500) NULL, \`description\` text NULL, \`photoUrl\` varchar(500) NULL, \`weeklyHours\` text NOT NULL, \`published\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_07d99135109d06306fbec0c906\` (\`regionPath\`), INDEX \`IDX_8d4f9b549f0f6951d547297d3e\` (\`published\`, \`type\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`counsellor_stations\` (\`counsellorId\` int NOT NULL, \`stationId\` int NOT NULL, INDEX \`IDX_db6aa6c2a3efaecc80226ef70b\` (\`stationId\`), PRIMARY KEY (\`counsellorId\`, \`stationId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`holidays\` (\`date\` varchar(10) NOT NULL, \`kind\` varchar(16) NOT NULL, \`name\` varchar(32) NOT NULL, \`worksAs\` int NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`date\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`station_exceptions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`stationId\` int NOT NULL, \`date\` varchar(10) NOT NULL, \`hours\` text NOT NULL, \`note\` varchar(200) NULL, UNIQUE INDEX \`IDX_b6ce52a2114cf6084f66df8e00\` (\`stationId\`, \`date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`counsellor_stations\` ADD CONSTRAINT \`FK_2aaaeecfee978bdca7ec4083cb7\` FOREIGN KEY (\`counsellorId\`) REFERENCES \`counsellor_profiles\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`counsellor_stations\` ADD CONSTRAINT \`FK_db6aa6c2a3efaecc80226ef70b7\` FOREIGN KEY (\`stationId\`) REFERENCES \`stations\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`station_exceptions\` ADD CONSTRAINT \`FK_5a911f38f7d1672084292be40a0\` FOREIGN KEY (\`stationId\`) REFERENCES \`stations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`station_exceptions\` DROP FOREIGN KEY \`FK_5a911f38f7d1672084292be40a0\``);
    await queryRunner.query(`ALTER TABLE \`counsellor_stations\` DROP FOREIGN KEY \`FK_db6aa6c2a3efaecc80226ef70b7\``);
    await queryRunner.query(`ALTER TABLE \`counsellor_stations\` DROP FOREIGN KEY \`FK_2aaaeecfee978bdca7ec4083cb7\``);
    await queryRunner.query(`DROP INDEX \`IDX_b6ce52a2114cf6084f66df8e00\` ON \`station_exceptions\``);
    await queryRunner.query(`DROP TABLE \`station_exceptions\``);
    await queryRunner.query(`DROP TABLE \`holidays\``);
    await queryRunner.query(`DROP INDEX \`IDX_db6aa6c2a3efaecc80226ef70b\` ON \`counsellor_stations\``);
    await queryRunner.query(`DROP TABLE \`counsellor_stations\``);
    await queryRunner.query(`DROP INDEX \`IDX_8d4f9b549f0f6951d547297d3e\` ON \`stations\``);
    await queryRunner.query(`DROP INDEX \`IDX_07d99135109d06306fbec0c906\` ON \`stations\``);
    await queryRunner.query(`DROP TABLE \`stations\``);
    await queryRunner.query(`DROP INDEX \`IDX_92525d7c922e5c54b364ad7a91\` ON \`counsellor_profiles\``);
    await queryRunner.query(`DROP INDEX \`IDX_7184e231d796c0fd94d96e70b3\` ON \`counsellor_profiles\``);
    await queryRunner.query(`DROP TABLE \`counsellor_profiles\``);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuizzesAwarenessCampaignsJobs1795398577282 implements MigrationInterface {
  name = 'QuizzesAwarenessCampaignsJobs1795398577282';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`awareness_cells\` (\`id\` int NOT NULL AUTO_INCREMENT, \`quizId\` int NOT NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`urbanRural\` varchar(8) NOT NULL, \`populationGroup\` varchar(16) NOT NULL, \`ageBand\` varchar(16) NOT NULL, \`gender\` varchar(16) NOT NULL, \`campaignId\` int NOT NULL, \`eventId\` int NOT NULL, \`respondents\` int NOT NULL, \`passed\` int NOT NULL, \`sumCorrectRate\` double NOT NULL, \`sumCorrectRateSq\` double NOT NULL, INDEX \`IDX_36fdbbe0b741612383db55a4b5\` (\`regionPath\`), UNIQUE INDEX \`IDX_779be95f8a9fec73b810b245ce\` (\`quizId\`, \`regionId\`, \`populationGroup\`, \`ageBand\`, \`gender\`, \`campaignId\`, \`eventId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`awareness_targets\` (\`id\` int NOT NULL AUTO_INCREMENT, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`year\` int NULL, \`populationGroup\` varchar(16) NULL, \`urbanRural\` varchar(8) NULL, \`metric\` varchar(24) NOT NULL, \`rate\` double NOT NULL, \`source\` varchar(200) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_1462f24c23c6a0f0a3b8f250ee\` (\`regionPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`awareness_question_counts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`quizId\` int NOT NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`questionCode\` varchar(32) NOT NULL, \`knowledgePoint\` int NOT NULL, \`answered\` int NOT NULL, \`correct\` int NOT NULL, \`dontKnow\` int NOT NULL, INDEX \`IDX_14866b609a98bb6c51414cad7a\` (\`regionPath\`), UNIQUE INDEX \`IDX_33b1ea338414aaa3f980bd38ee\` (\`quizId\`, \`regionId\`, \`questionCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`campaigns\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(100) NOT NULL, \`description\` varchar(2000) NOT NULL DEFAULT '', \`startsOn\` varchar(10) NOT NULL, \`endsOn\` varchar(10) NOT NULL, \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`regionIds\` text NOT NULL, \`regionPaths\` text NOT NULL, \`targets\` text NOT NULL, \`articleIds\` text NOT NULL, \`createdBy\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_8b674cc1b2ee2505798aeaa3c8\` (\`startsOn\`), INDEX \`IDX_80e39d7e317973c7d81e1c5a98\` (\`regionPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`jobs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(32) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'queued', \`params\` text NOT NULL, \`progress\` double NOT NULL DEFAULT '0', \`attempts\` int NOT NULL DEFAULT '0', \`maxAttempts\` int NOT NULL DEFAULT '3', \`runAfter\` datetime(6) NOT NULL, \`lockedAt\` datetime(6) NULL, \`error\` varchar(500) NULL, \`fileName\` varchar(100) NULL, \`file\` longblob NULL, \`createdById\` int NULL, \`regionPath\` varchar(255) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`finishedAt\` datetime(6) NULL, INDEX \`IDX_e1562b843abf0cc9678c70aac1\` (\`status\`, \`runAfter\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`questions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`kind\` varchar(16) NOT NULL, \`knowledgePoint\` int NOT NULL, \`stem\` varchar(500) NOT NULL, \`options\` text NOT NULL, \`correct\` text NOT NULL, \`explanation\` text NOT NULL, \`regionId\` int NULL, \`regionPath\` varchar(255) NULL, \`builtIn\` tinyint NOT NULL DEFAULT 0, \`inUse\` tinyint NOT NULL DEFAULT 0, \`archived\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_9eb6109f2b2a7b5514e3392b0f\` (\`code\`), INDEX \`IDX_4cf16bb3d5981c24937e632ac3\` (\`knowledgePoint\`), INDEX \`IDX_e1b88ead654dcac993f247198e\` (\`regionPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`quizzes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(100) NOT NULL, \`description\` varchar(1000) NOT NULL DEFAULT '', \`kind\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`regionId\` int NOT NULL, \`regionPath\` varchar(255) NOT NULL, \`opensAt\` datetime(6) NULL, \`closesAt\` datetime(6) NULL, \`year\` int NULL, \`pointsPerItem\` double NOT NULL, \`passMark\` double NOT NULL, \`multipleChoice\` varchar(16) NOT NULL DEFAULT 'all_or_nothing', \`draw\` text NOT NULL, \`questionCodes\` text NOT NULL, \`campaignId\` int NULL, \`eventId\` int NULL, \`pairedQuizId\` int NULL, \`respondents\` int NOT NULL DEFAULT '0', \`createdBy\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_662aac36cc3e7ea6232e30b720\` (\`regionPath\`), INDEX \`IDX_f94c0c544c7964e762956f8337\` (\`campaignId\`), INDEX \`IDX_d6fe1f67e242ca26dab8377f8e\` (\`eventId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`quiz_attempts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`quizId\` int NOT NULL, \`clientRequestId\` varchar(64) NOT NULL, \`onceKey\` varchar(32) NULL, \`residentId\` int NULL, \`answers\` text NOT NULL, \`score\` double NOT NULL, \`maxScore\` double NOT NULL, \`correctCount\` int NOT NULL, \`questionCount\` int NOT NULL, \`correctRate\` double NOT NULL, \`passed\` tinyint NOT NULL, \`regionId\` int NULL, \`regionPath\` varchar(255) NULL, \`urbanRural\` varchar(8) NULL, \`populationGroup\` varchar(16) NULL, \`ageBand\` varchar(16) NULL, \`gender\` varchar(16) NULL, \`campaignId\` int NULL, \`eventId\` int NULL, \`submittedAt\` datetime(6) NOT NULL, UNIQUE INDEX \`IDX_7adff865b0bc1b7dccb79859a0\` (\`clientRequestId\`), UNIQUE INDEX \`IDX_17813d8a7d38f9855f00d7af79\` (\`onceKey\`), INDEX \`IDX_332790487d8ed7f66296690b9e\` (\`residentId\`), INDEX \`IDX_5a68c9ccb982420662862b12f6\` (\`quizId\`, \`submittedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`residents\` ADD \`gender\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`quiz_attempts\` ADD CONSTRAINT \`FK_332790487d8ed7f66296690b9e8\` FOREIGN KEY (\`residentId\`) REFERENCES \`residents\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`quiz_attempts\` DROP FOREIGN KEY \`FK_332790487d8ed7f66296690b9e8\``);
    await queryRunner.query(`ALTER TABLE \`residents\` DROP COLUMN \`gender\``);
    await queryRunner.query(`DROP INDEX \`IDX_5a68c9ccb982420662862b12f6\` ON \`quiz_attempts\``);
    await queryRunner.query(`DROP INDEX \`IDX_332790487d8ed7f66296690b9e\` ON \`quiz_attempts\``);
    await queryRunner.query(`DROP INDEX \`IDX_17813d8a7d38f9855f00d7af79\` ON \`quiz_attempts\``);
    await queryRunner.query(`DROP INDEX \`IDX_7adff865b0bc1b7dccb79859a0\` ON \`quiz_attempts\``);
    await queryRunner.query(`DROP TABLE \`quiz_attempts\``);
    await queryRunner.query(`DROP INDEX \`IDX_d6fe1f67e242ca26dab8377f8e\` ON \`quizzes\``);
    await queryRunner.query(`DROP INDEX \`IDX_f94c0c544c7964e762956f8337\` ON \`quizzes\``);
    await queryRunner.query(`DROP INDEX \`IDX_662aac36cc3e7ea6232e30b720\` ON \`quizzes\``);
    await queryRunner.query(`DROP TABLE \`quizzes\``);
    await queryRunner.query(`DROP INDEX \`IDX_e1b88ead654dcac993f247198e\` ON \`questions\``);
    await queryRunner.query(`DROP INDEX \`IDX_4cf16bb3d5981c24937e632ac3\` ON \`questions\``);
    await queryRunner.query(`DROP INDEX \`IDX_9eb6109f2b2a7b5514e3392b0f\` ON \`questions\``);
    await queryRunner.query(`DROP TABLE \`questions\``);
    await queryRunner.query(`DROP INDEX \`IDX_e1562b843abf0cc9678c70aac1\` ON \`jobs\``);
    await queryRunner.query(`DROP TABLE \`jobs\``);
    await queryRunner.query(`DROP INDEX \`IDX_80e39d7e317973c7d81e1c5a98\` ON \`campaigns\``);
    await queryRunner.query(`DROP INDEX \`IDX_8b674cc1b2ee2505798aeaa3c8\` ON \`campaigns\``);
    await queryRunner.query(`DROP TABLE \`campaigns\``);
    await queryRunner.query(`DROP INDEX \`IDX_33b1ea338414aaa3f980bd38ee\` ON \`awareness_question_counts\``);
    await queryRunner.query(`DROP INDEX \`IDX_14866b609a98bb6c51414cad7a\` ON \`awareness_question_counts\``);
    await queryRunner.query(`DROP TABLE \`awareness_question_counts\``);
    await queryRunner.query(`DROP INDEX \`IDX_1462f24c23c6a0f0a3b8f250ee\` ON \`awareness_targets\``);
    await queryRunner.query(`DROP TABLE \`awareness_targets\``);
    await queryRunner.query(`DROP INDEX \`IDX_779be95f8a9fec73b810b245ce\` ON \`awareness_cells\``);
    await queryRunner.query(`DROP INDEX \`IDX_36fdbbe0b741612383db55a4b5\` ON \`awareness_cells\``);
    await queryRunner.query(`DROP TABLE \`awareness_cells\``);
  }
}

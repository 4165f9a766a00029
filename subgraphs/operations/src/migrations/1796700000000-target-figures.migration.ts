import type { MigrationInterface, QueryRunner } from "typeorm";

/** Stored performance per (period, target) for the service level report, its snapshots, and the job's lease. */
export class TargetFigures1796700000000 implements MigrationInterface {
  name = "TargetFigures1796700000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `target_figures` (`period` varchar(16) NOT NULL, `targetId` varchar(36) NOT NULL, `agreementId` varchar(36) NOT NULL, `agreementNumber` varchar(64) NOT NULL, `agreementType` varchar(32) NOT NULL, `providerId` varchar(36) NOT NULL, `serviceId` varchar(36) NOT NULL, `targetHash` varchar(64) NOT NULL, `statusRank` int NOT NULL, `budgetOrder` double NOT NULL, `numberKey` varchar(128) NOT NULL, `targetKey` varchar(72) NOT NULL, `figures` text NOT NULL, `stale` int NOT NULL, `staleMark` int NOT NULL, `live` int NOT NULL, `computedAt` datetime(3) NOT NULL, INDEX `IDX_target_figures_order` (`period`, `statusRank`, `budgetOrder`, `numberKey`, `targetKey`), INDEX `IDX_target_figures_stale` (`period`, `stale`), INDEX `IDX_target_figures_service` (`serviceId`), PRIMARY KEY (`period`, `targetId`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `performance_snapshots` (`period` varchar(16) NOT NULL, `revision` varchar(128) NOT NULL, `ready` int NOT NULL, `requestedAt` datetime(3) NOT NULL, PRIMARY KEY (`period`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `leases` (`name` varchar(120) NOT NULL, `holder` varchar(120) NOT NULL, `expiresAt` datetime(3) NOT NULL, `acquisitions` int NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `leases`");
    await queryRunner.query("DROP TABLE `performance_snapshots`");
    await queryRunner.query("DROP TABLE `target_figures`");
  }
}

import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Counts of the stored report figures per (period, status rank, agreement type, provider), kept
 * with the rows, so that the report's `totalCount` sums a few rows instead of counting the period
 * (see `TargetFigureCount`). Periods stored before are recounted once (`counted` is 0 until then).
 */
export class TargetFigureCounts1797100000000 implements MigrationInterface {
  name = "TargetFigureCounts1797100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `target_figure_counts` (`period` varchar(16) NOT NULL, `statusRank` int NOT NULL, `agreementType` varchar(32) NOT NULL, `providerId` varchar(36) NOT NULL, `targets` int NOT NULL, PRIMARY KEY (`period`, `statusRank`, `agreementType`, `providerId`)) ENGINE=InnoDB",
    );
    await queryRunner.query("ALTER TABLE `performance_snapshots` ADD `counted` int NOT NULL DEFAULT 0");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `performance_snapshots` DROP COLUMN `counted`");
    await queryRunner.query("DROP TABLE `target_figure_counts`");
  }
}

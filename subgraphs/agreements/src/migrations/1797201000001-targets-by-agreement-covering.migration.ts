import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An agreement's targets are found by an index that holds every column but the description (see
 * ServiceLevelTarget), which replaces the one on `agreementId` alone: created before the old one is
 * dropped, so that reads by agreement always have an index.
 */
export class TargetsByAgreementCovering1797201000001 implements MigrationInterface {
  name = "TargetsByAgreementCovering1797201000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE INDEX `IDX_01633a574678641af55045e950` ON `service_level_targets` (`agreementId`, `serviceId`, `metric`, `comparator`, `value`, `unit`, `priority`, `compliancePercent`, `period`)",
    );
    await queryRunner.query("DROP INDEX `IDX_75c7d5e74704b249f087d3c552` ON `service_level_targets`");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_75c7d5e74704b249f087d3c552` ON `service_level_targets` (`agreementId`)");
    await queryRunner.query("DROP INDEX `IDX_01633a574678641af55045e950` ON `service_level_targets`");
  }
}

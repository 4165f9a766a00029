import type { MigrationInterface, QueryRunner } from "typeorm";

/** Incident clocks per calendar (issue 13): response and resolution in service minutes, pauses excluded. */
export class IncidentClocks1796600000000 implements MigrationInterface {
  name = "IncidentClocks1796600000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `incident_clocks` (`incidentId` varchar(36) NOT NULL, `calendarId` varchar(36) NOT NULL, `calendarVersion` int NOT NULL, `responseMinutes` double NULL DEFAULT NULL, `resolutionMinutes` double NULL DEFAULT NULL, INDEX `IDX_incident_clocks_calendar` (`calendarId`, `incidentId`), PRIMARY KEY (`incidentId`, `calendarId`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_incident_clocks_calendar` ON `incident_clocks`");
    await queryRunner.query("DROP TABLE `incident_clocks`");
  }
}

import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The service level catalogue's change counter (`catalogue_revisions`, see `CatalogueRevisionSlot`):
 * its revision is one primary-key read instead of seven aggregates over the agreement tables. The
 * slots start at 0 and the first one at 1, so the revision ("1") differs from every earlier one (a
 * hash): operations reconciles its stored figures once.
 */
export class CatalogueRevision1797100000000 implements MigrationInterface {
  name = "CatalogueRevision1797100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `catalogue_revisions` (`slot` int NOT NULL, `changeCount` int NOT NULL, PRIMARY KEY (`slot`)) ENGINE=InnoDB",
    );
    const slots = Array.from({ length: 16 }, (_, slot) => `(${slot}, ${slot === 0 ? 1 : 0})`);
    await queryRunner.query(
      `INSERT INTO \`catalogue_revisions\` (\`slot\`, \`changeCount\`) VALUES ${slots.join(", ")}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `catalogue_revisions`");
  }
}

import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Agreement pages are ordered by number, then id: the index on (number, id) replaces the one on the
 * number alone (which SQLite could not use for the id, sorting each page's ties in a temporary
 * B-tree). On InnoDB both serve the order (a secondary index ends with the primary key); the
 * migration keeps the tables what the entity declares.
 */
export class AgreementPagesByNumberAndId1797201000000 implements MigrationInterface {
  name = "AgreementPagesByNumberAndId1797201000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_461ab582778e297543ff6e24cb` ON `agreements` (`number`, `id`)");
    await queryRunner.query("DROP INDEX `IDX_c800fea32de457e4c2974bce78` ON `agreements`");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_c800fea32de457e4c2974bce78` ON `agreements` (`number`)");
    await queryRunner.query("DROP INDEX `IDX_461ab582778e297543ff6e24cb` ON `agreements`");
  }
}

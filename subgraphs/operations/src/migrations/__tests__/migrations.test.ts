import { loadSubgraphConfig, openDataSource } from "@itsm/kit";
import { loadTestDatabaseSettings } from "@itsm/kit";
import { createTestDatabase } from "@itsm/kit/testing";
import { subgraph } from "../../subgraph";

const describeOnMariaDb = loadTestDatabaseSettings().driver === "mariadb" ? describe : describe.skip;

describeOnMariaDb("operations MySQL/MariaDB migrations", () => {
  it("migrates an empty database to a head that matches the entities, and every migration reverts", async () => {
    const config = loadSubgraphConfig("operations", {
      OPERATIONS_DATABASE_URL: await createTestDatabase("migrations_operations"),
      LOG_LEVEL: "silent",
    });
    const dataSource = await openDataSource(config, subgraph);
    try {
      expect(await dataSource.runMigrations({ transaction: "each" })).toHaveLength(subgraph.migrations.length);
      const difference = await dataSource.driver.createSchemaBuilder().log();
      expect(difference.upQueries.map((q) => q.query)).toEqual([]);
      const [{ collation }] = (await dataSource.query(
        "SELECT TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'incidents'",
      )) as { collation: string }[];
      expect(collation).toMatch(/^utf8mb4/);
      for (let i = 0; i < subgraph.migrations.length; i++) await dataSource.undoLastMigration({ transaction: "each" });
      const tables = (await dataSource.query("SHOW TABLES")) as Record<string, string>[];
      expect(tables.map((row) => Object.values(row)[0])).toEqual(["migrations"]);
    } finally {
      await dataSource.destroy();
    }
  });
});

import type { SubgraphSpec } from "@itsm/kit";
import { loadSubgraphConfig, openDataSource } from "@itsm/kit";
import { createTestDatabase } from "@itsm/kit/testing";
import { subgraph as agreements } from "@itsm/agreements";
import { subgraph as catalog } from "@itsm/catalog";
import { subgraph as customers } from "@itsm/customers";
import { TEST_DRIVER } from "./support/graph";

const describeOnMariaDb = TEST_DRIVER === "mariadb" ? describe : describe.skip;
const SPECS: SubgraphSpec[] = [catalog, customers, agreements];

describeOnMariaDb("MySQL/MariaDB migrations", () => {
  it.each(SPECS.map((spec) => [spec.name, spec] as const))(
    "%s: an empty database migrated to head matches the entities, and every migration reverts",
    async (name, spec) => {
      const config = loadSubgraphConfig(name, {
        [`${name.toUpperCase()}_DATABASE_URL`]: await createTestDatabase(`migrations_${name}`),
        LOG_LEVEL: "silent",
      });
      const dataSource = await openDataSource(config, spec);
      try {
        const applied = await dataSource.runMigrations({ transaction: "each" });
        expect(applied).toHaveLength(spec.migrations.length);
        expect(await dataSource.showMigrations()).toBe(false);
        const difference = await dataSource.driver.createSchemaBuilder().log();
        expect(difference.upQueries.map((q) => q.query)).toEqual([]);

        for (let i = 0; i < spec.migrations.length; i++) await dataSource.undoLastMigration({ transaction: "each" });
        const tables = (await dataSource.query("SHOW TABLES")) as Record<string, string>[];
        expect(tables.map((row) => Object.values(row)[0])).toEqual(["migrations"]);

        // And back up again: down() left nothing behind that up() trips over.
        expect(await dataSource.runMigrations({ transaction: "each" })).toHaveLength(spec.migrations.length);
      } finally {
        await dataSource.destroy();
      }
    },
  );
});

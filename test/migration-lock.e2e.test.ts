// Replicas started together with MIGRATE_ON_START (here: four `npm run migrate` processes at once)
// run each migration once, on one MariaDB server (the Galera cluster's case is in
// test/cluster/migration-lock.cluster.test.ts).
import { createTestDatabase } from "@itsm/kit/testing";
import { expectMigrationsOnceFromConcurrentProcesses } from "./support/concurrent-migrations";
import { TEST_DRIVER } from "./support/graph";

const describeOnMariaDb = TEST_DRIVER === "mariadb" ? describe : describe.skip;

describeOnMariaDb("migrations started by several processes at once", () => {
  it("run once, under the migration lock", async () => {
    const url = await createTestDatabase("migration_lock");
    await expectMigrationsOnceFromConcurrentProcesses([url, url, url, url]);
  });
});

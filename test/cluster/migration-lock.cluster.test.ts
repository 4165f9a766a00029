// Replicas connected to different Galera nodes migrate at once: the migration lock is a row written
// and certified across the cluster (GET_LOCK would be local to each node), so each migration runs once.
import { createTestDatabase } from "@itsm/kit/testing";
import { atPort, clusterNodes } from "../support/cluster-graph";
import { expectMigrationsOnceFromConcurrentProcesses } from "../support/concurrent-migrations";

describe("migrations started on several Galera nodes at once", () => {
  it("run once, under the migration lock", async () => {
    const url = await createTestDatabase("cluster_migration_lock");
    const nodes = clusterNodes();
    await expectMigrationsOnceFromConcurrentProcesses(
      [0, 1, 2, 3].map((i) => atPort(url, nodes[i % nodes.length].port)),
    );
  });
});

// npm run test:cluster: one 3-node Galera cluster for the whole run (scripts/cluster.mjs), in a
// temporary folder, or the one in ITSM_TEST_CLUSTER_DIR when it is already running.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCluster } from "../../scripts/cluster.mjs";

export default async function globalSetup() {
  if (process.env.ITSM_TEST_CLUSTER_DIR) {
    globalThis.__clusterStarted = false;
  } else {
    process.env.ITSM_TEST_CLUSTER_DIR = mkdtempSync(join(tmpdir(), "itsm-test-cluster-"));
    globalThis.__clusterStarted = true;
  }
  const cluster = await startCluster({ dir: process.env.ITSM_TEST_CLUSTER_DIR });
  process.env.ITSM_TEST_DB = "mariadb";
  process.env.ITSM_TEST_MARIADB_URL = cluster.urls[0];
}

import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { stopCluster } from "../../scripts/cluster.mjs";

export default async function globalTeardown() {
  if (!globalThis.__clusterStarted) {
    // A cluster kept running between runs: drop the databases this run created on it.
    const teardown = createRequire(import.meta.url)("@itsm/kit/testing/teardown");
    await (teardown.default ?? teardown)();
    return;
  }
  stopCluster(process.env.ITSM_TEST_CLUSTER_DIR);
  rmSync(process.env.ITSM_TEST_CLUSTER_DIR, { recursive: true, force: true });
}

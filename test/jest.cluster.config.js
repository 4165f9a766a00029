/**
 * npm run test:cluster: the graph scaled out on a 3-node MariaDB Galera cluster behind HAProxy
 * (test/support/cluster-graph.ts). Runs the cluster suites and, through the same topology, the
 * existing end-to-end query and write-path suites (their `./support/graph` is mapped to the
 * cluster graph). One file at a time: they share the cluster.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");
module.exports = {
  ...base,
  testMatch: [
    "<rootDir>/cluster/*.cluster.test.ts",
    "<rootDir>/queries.e2e.test.ts",
    "<rootDir>/write-path.e2e.test.ts",
  ],
  moduleNameMapper: { ...base.moduleNameMapper, "^\\./support/graph$": "<rootDir>/support/cluster-graph.ts" },
  globalSetup: "<rootDir>/cluster/global-setup.mjs",
  globalTeardown: "<rootDir>/cluster/global-teardown.mjs",
  maxWorkers: 1,
  testTimeout: 120000,
};

// One jest setup for every package: ts-jest in isolatedModules mode (fast, decorators with metadata).
// With ITSM_TEST_DB=mariadb the database-backed suites run against MariaDB; the teardown drops
// the databases they created.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }] },
  setupFiles: ["reflect-metadata"],
  globalTeardown: require.resolve("@itsm/kit/testing/teardown"),
  testTimeout: 30000,
};

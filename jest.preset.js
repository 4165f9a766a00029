// One jest setup for every package: ts-jest in isolatedModules mode (fast, decorators with metadata).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }] },
  setupFiles: ["reflect-metadata"],
  testTimeout: 30000,
};

/** @type {import('jest').Config} */
const preset = require("../jest.preset.js");
module.exports = {
  ...preset,
  testMatch: ["<rootDir>/**/*.e2e.test.ts"],
  setupFiles: [...preset.setupFiles, "<rootDir>/support/setup-env.ts"],
  transform: { ...preset.transform, "\\.graphql$": "<rootDir>/support/graphql-text.js" },
  testTimeout: 60000,
};

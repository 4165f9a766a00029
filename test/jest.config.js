/** @type {import('jest').Config} */
module.exports = { ...require("../jest.preset.js"), testMatch: ["<rootDir>/**/*.e2e.test.ts"], testTimeout: 60000 };

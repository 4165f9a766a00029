// No database here: the preset's teardown (which drops MariaDB test databases) is not needed.
const { globalTeardown: _databasesOnly, ...preset } = require("../../jest.preset.js");
/** @type {import('jest').Config} */
module.exports = preset;

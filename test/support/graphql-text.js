// Jest transform: a .graphql file imports as its text, as esbuild's "text" loader bundles it for
// the explorer (gateway/explorer/build.mjs), so the tests read the very operations the page offers.
module.exports = {
  process(source) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` };
  },
};

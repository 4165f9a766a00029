// A .graphql file imported by the explorer is its text: esbuild's "text" loader (build.mjs) bundles
// it so, and the end-to-end tests' jest transform (test/support/graphql-text.js) reads it so
// (test/tsconfig.json includes this file).
declare module "*.graphql" {
  const text: string;
  export default text;
}

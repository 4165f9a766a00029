// ESLint for the whole monorepo: typescript-eslint's recommended rules; formatting is Prettier's job.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      // jest --coverage output at a package's root (not the agreements' src/coverage/ aggregate).
      "coverage/**",
      "*/coverage/**",
      "subgraphs/*/coverage/**",
      "examples/*/coverage/**",
      ".data/**",
      "**/.turbo/**",
      // GraphQL Code Generator's output (the portal's build writes it).
      "examples/partner-portal/src/gql/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        __dirname: "readonly",
        require: "readonly",
        module: "writable",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
        fetch: "readonly",
        AbortSignal: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Off: with emitDecoratorMetadata, a class used only in a decorated parameter's type must
      // stay a value import or type-graphql cannot read its type.
      "@typescript-eslint/consistent-type-imports": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);

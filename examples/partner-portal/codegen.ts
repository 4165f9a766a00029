// Typed operations for the portal: GraphQL Code Generator's client preset over the graph's API
// schema (scripts/api-schema.mjs writes it from the committed supergraph).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["src/operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { LocalDate: "string", DateTimeISO: "string" },
      },
    },
  },
};

export default config;

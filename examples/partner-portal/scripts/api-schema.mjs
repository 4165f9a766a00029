// Writes schema.graphql: the public API of the committed supergraph (what clients may query),
// without the federation machinery (join__*, link__*), for GraphQL Code Generator.
import { Supergraph } from "@apollo/federation-internals";
import { printSchema } from "graphql";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const supergraph = fileURLToPath(new URL("../../../schema/supergraph.graphql", import.meta.url));
const api = Supergraph.build(readFileSync(supergraph, "utf8")).apiSchema().toGraphQLJSSchema();
writeFileSync(new URL("../schema.graphql", import.meta.url), `${printSchema(api)}\n`);

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SubgraphConfig, SubgraphName } from "./config";
import { loadSubgraphConfig } from "./config";

/** A subgraph configuration with an in-memory embedded database and no logs (tests and scripts). */
export function inMemoryConfig(name: SubgraphName): SubgraphConfig {
  return loadSubgraphConfig(name, { DATA_DIR: ":memory:", LOG_LEVEL: "silent" });
}

/** The committed SDL of a subgraph, `schema/<name>.graphql` at the repository root. */
export function committedSdl(name: string): string {
  return readFileSync(join(__dirname, "..", "..", "..", "schema", `${name}.graphql`), "utf8");
}

/** An `_entities` query for the representations given, selecting `fields` on `typename`. */
export const ENTITIES_QUERY = (typename: string, fields: string) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${fields} } } }`;

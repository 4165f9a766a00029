// Writes schema/<subgraph>.graphql from each subgraph's built schema and composes
// schema/supergraph.graphql with @apollo/composition. Composition errors fail loudly.
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SUBGRAPHS } from "./subgraphs.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const printSdl = createRequire(import.meta.url).resolve("@itsm/kit/print-sdl");

const services = SUBGRAPHS.map(({ name, port }) => {
  // One process per subgraph: each builds its type-graphql schema from its own decorators only.
  const sdl = execFileSync(process.execPath, [printSdl, `@itsm/${name}`], { cwd: root, encoding: "utf8" });
  writeFileSync(join(root, "schema", `${name}.graphql`), sdl.endsWith("\n") ? sdl : `${sdl}\n`);
  return { name, url: `http://localhost:${port}/graphql`, typeDefs: parse(sdl) };
});

const result = composeServices(services);
if (result.errors) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) console.error(`- ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints ?? []) console.warn(`hint: ${hint.definition.code}: ${hint.message}`);
writeFileSync(join(root, "schema", "supergraph.graphql"), result.supergraphSdl);
console.log(`composed ${services.map((s) => s.name).join(", ")} into schema/supergraph.graphql`);

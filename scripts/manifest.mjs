// npm run manifest [-- --out FILE] [FILES…]: writes the Apollo persisted-query manifest of the
// trusted operations (default: gateway/trusted-documents/*.graphql → gateway/trusted-documents.example.json).
// Each named operation becomes one entry whose body also holds the fragments it uses; its id is
// the SHA-256 hex of the body, as Apollo's generator makes it. Point TRUSTED_DOCUMENTS_PATH at the file.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Kind, parse, print, visit } from "graphql";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values, positionals } = parseArgs({
  options: { out: { type: "string", default: join(root, "gateway", "trusted-documents.example.json") } },
  allowPositionals: true,
});
const folder = join(root, "gateway", "trusted-documents");
const files = positionals.length
  ? positionals
  : readdirSync(folder)
      .filter((name) => name.endsWith(".graphql"))
      .sort()
      .map((name) => join(folder, name));

const definitions = files.flatMap((file) => parse(readFileSync(file, "utf8")).definitions);
const fragments = new Map(definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));

/** The fragments a definition spreads, transitively. */
function usedFragments(definition, seen = new Set()) {
  visit(definition, {
    FragmentSpread(node) {
      const name = node.name.value;
      if (seen.has(name)) return;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`fragment ${name} is not defined in ${files.join(", ")}`);
      seen.add(name);
      usedFragments(fragment, seen);
    },
  });
  return seen;
}

const names = new Set();
const operations = definitions
  .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
  .map((operation) => {
    const name = operation.name?.value;
    if (!name) throw new Error("every trusted operation needs a name");
    if (names.has(name)) throw new Error(`two trusted operations are named ${name}`);
    names.add(name);
    const body = [operation, ...[...usedFragments(operation)].sort().map((f) => fragments.get(f))]
      .map((d) => print(d))
      .join("\n\n");
    return { id: createHash("sha256").update(body).digest("hex"), name, type: operation.operation, body };
  });

writeFileSync(
  values.out,
  `${JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations }, null, 2)}\n`,
);
console.log(`${operations.length} trusted operations → ${relative(process.cwd(), values.out)}`);

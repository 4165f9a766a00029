// The public API's promise to frontend teams: compares the API schema of the supergraph (what
// clients may query: no join__/link__ machinery, no @inaccessible parts) with the last release's
// snapshot using GraphQL Inspector, and fails on a breaking change that CHANGELOG.md does not
// announce. Dangerous changes (an enum value added, an argument's default changed) are listed.
//
//   node scripts/schema-diff.mjs                      compare schema/supergraph.graphql with the release
//   node scripts/schema-diff.mjs --subgraphs DIR      compose DIR/<subgraph>.graphql instead (tests, previews)
//   node scripts/schema-diff.mjs --changelog FILE     read announcements from another file
//   node scripts/schema-diff.mjs --snapshot REF       rewrite the snapshot from REF's schema/supergraph.graphql
//
// Announcements: under "## Unreleased" in CHANGELOG.md, a "### Breaking" list whose items each
// start with the schema coordinate they announce in backticks, e.g.
//   - `Service.code` is an Int now: …
// A coordinate covers what lies under it: `Type` its fields, `Type.field` its arguments.
import { composeServices } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema, parse, printSchema } from "graphql";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const RELEASE_SNAPSHOT = join(root, "schema", "release", "api.graphql");

/** The API schema (graphql-js) of a supergraph SDL: what the gateway lets clients see. */
export function apiSchemaOf(supergraphSdl) {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Composes the subgraph SDL files `<name>.graphql` of a folder into a supergraph SDL (as `npm run compose` does). */
export async function composeFolder(dir) {
  const { SUBGRAPHS } = await import("./subgraphs.mjs");
  const services = SUBGRAPHS.map(({ name, port }) => ({
    name,
    url: `http://localhost:${port}/graphql`,
    typeDefs: parse(readFileSync(join(dir, `${name}.graphql`), "utf8")),
  }));
  const result = composeServices(services);
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join("; ")}`);
  return result.supergraphSdl;
}

/** The coordinates the "### Breaking" list of the "## Unreleased" section announces. */
export function announcedBreakingChanges(changelog) {
  const unreleased = /^## Unreleased[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog)?.[1] ?? "";
  const breaking = /^### Breaking[^\n]*\n([\s\S]*?)(?=^#{2,3} |(?![\s\S]))/m.exec(unreleased)?.[1] ?? "";
  return [...breaking.matchAll(/^\s*[-*] `([A-Za-z_][\w.]*)`/gm)].map((m) => m[1]);
}

/** Whether a change at `path` (Type, Type.field, Type.field.arg) is announced by one of the coordinates. */
export function isAnnounced(path, announced) {
  return announced.some((coordinate) => path === coordinate || path.startsWith(`${coordinate}.`));
}

/** Every change from `before` to `after` (graphql-js schemas), sorted into what CI decides on. */
export async function compare(before, after, announced) {
  const changes = await diff(before, after);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  return {
    unannounced: breaking.filter((c) => !isAnnounced(c.path ?? "", announced)),
    announced: breaking.filter((c) => isAnnounced(c.path ?? "", announced)),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking),
  };
}

/** Writes the snapshot: the API schema of `ref`'s committed supergraph, with the release named in its header. */
function snapshot(ref) {
  const commit = execFileSync("git", ["rev-parse", "--short", `${ref}^{commit}`], {
    cwd: root,
    encoding: "utf8",
  }).trim();
  const sdl = execFileSync("git", ["show", `${commit}:schema/supergraph.graphql`], { cwd: root, encoding: "utf8" });
  const header = [
    `# The public API schema of the last release: commit ${commit} (schema/supergraph.graphql there).`,
    "# Written by `node scripts/schema-diff.mjs --snapshot <release ref>` when a release is cut; CI",
    "# (`npm run schema:diff`) fails on a breaking change from it that CHANGELOG.md does not announce.",
  ].join("\n");
  mkdirSync(dirname(RELEASE_SNAPSHOT), { recursive: true });
  writeFileSync(RELEASE_SNAPSHOT, `${header}\n\n${printSchema(apiSchemaOf(sdl))}\n`);
  return `wrote ${RELEASE_SNAPSHOT.slice(root.length + 1)} from ${commit}`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      release: { type: "string", default: RELEASE_SNAPSHOT },
      supergraph: { type: "string", default: join(root, "schema", "supergraph.graphql") },
      subgraphs: { type: "string" },
      changelog: { type: "string", default: join(root, "CHANGELOG.md") },
      snapshot: { type: "string" },
    },
  });
  if (values.snapshot) return console.log(snapshot(values.snapshot));
  if (!existsSync(values.release)) throw new Error(`no release snapshot at ${values.release}: run --snapshot <ref>`);
  const releaseText = readFileSync(values.release, "utf8");
  const release = /^# .*?commit (\w+)/m.exec(releaseText)?.[1] ?? "the last release";
  const current = values.subgraphs
    ? await composeFolder(resolve(values.subgraphs))
    : readFileSync(values.supergraph, "utf8");
  const announced = announcedBreakingChanges(readFileSync(values.changelog, "utf8"));
  const result = await compare(buildSchema(releaseText), apiSchemaOf(current), announced);
  const line = (mark, c) => console.log(`${mark} ${c.path ?? c.type}: ${c.message}`);
  console.log(`Public API compared with release ${release}: ${result.safe.length} safe change(s)`);
  for (const c of result.dangerous) line("  dangerous", c);
  for (const c of result.announced) line("  breaking, announced", c);
  for (const c of result.unannounced) line("✗ BREAKING, NOT ANNOUNCED", c);
  if (result.unannounced.length > 0) {
    console.log(
      `\n${result.unannounced.length} breaking change(s) not announced: add each coordinate to the "### Breaking" list under "## Unreleased" in CHANGELOG.md (e.g. "- \`${result.unannounced[0].path}\` …"), or deprecate with @deprecated(reason:) instead of removing or changing.`,
    );
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`schema-diff: ${error.message}`);
    process.exit(2);
  });
}

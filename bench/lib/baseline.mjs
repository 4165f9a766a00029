// `--baseline <ref>`: the graph as it was at another commit (the last release), checked out in a
// temporary git worktree, with its own dependencies and its own build, so that the benchmark can
// run "stock @apollo/gateway + the baseline's subgraphs" beside "our gateway + today's subgraphs".
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import process from "node:process";
import { promisify } from "node:util";
import { pathToFileURL } from "node:url";

const run = promisify(execFile);

/** Runs a command to completion; on failure the error carries the tail of its output. */
async function sh(command, args, options) {
  try {
    return await run(command, args, { maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed in ${options?.cwd ?? "."}:\n${output}`, { cause: error });
  }
}

/** The lockfile's packages: path ("node_modules/x", "subgraphs/kit/node_modules/y") → version. */
function lockedPackages(lockText) {
  const packages = JSON.parse(lockText).packages ?? {};
  const out = new Map();
  for (const [path, meta] of Object.entries(packages)) {
    if (path.includes("node_modules/") && !meta.link) out.set(path, meta.version);
  }
  return out;
}

/**
 * The version Node would load for a lockfile path once the baseline's node_modules are links into
 * the current checkout's: the nearest one on the way up, as require() looks for it.
 */
function resolvedIn(packages, path) {
  const parts = path.split("node_modules/");
  const name = parts.at(-1).replace(/\/$/, "");
  for (let depth = parts.length - 1; depth >= 0; depth--) {
    const candidate = `${parts.slice(0, depth).join("node_modules/")}node_modules/${name}`;
    if (packages.has(candidate)) return packages.get(candidate);
  }
  return undefined;
}

/**
 * Whether the baseline can run on the current checkout's installed packages: every package its
 * lockfile names resolves to the same version there, and nothing installed only here (nested in a
 * workspace) would shadow one of its packages. Returns the differences (empty when compatible).
 */
export function lockDifferences(baselineLock, currentLock) {
  const base = lockedPackages(baselineLock);
  const current = lockedPackages(currentLock);
  const baseWorkspaces = Object.keys(JSON.parse(baselineLock).packages ?? {}).filter(
    (path) => path !== "" && !path.includes("node_modules/"),
  );
  const differences = [];
  for (const [path, version] of base) {
    const here = resolvedIn(current, path);
    if (here !== version) differences.push(`${path}: ${version} there, ${here ?? "missing"} here`);
  }
  for (const [path, version] of current) {
    // Nested in a workspace the baseline also has: it would shadow the baseline's root package.
    if (!baseWorkspaces.some((folder) => path.startsWith(`${folder}/node_modules/`))) continue;
    const there = resolvedIn(base, path);
    if (there !== undefined && there !== version) differences.push(`${path}: ${there} there, ${version} here`);
  }
  return differences;
}

/** The workspaces of a checkout: name → folder (relative), from package.json's "workspaces". */
function workspaces(dir) {
  const list = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).workspaces ?? [];
  return list
    .filter((folder) => existsSync(join(dir, folder, "package.json")))
    .map((folder) => ({ folder, name: JSON.parse(readFileSync(join(dir, folder, "package.json"), "utf8")).name }));
}

/**
 * Links the baseline's node_modules to the current checkout's: every top-level entry a symlink,
 * except the workspace packages, which point at the baseline's own folders (a link to the current
 * node_modules/@itsm would load today's kit into the baseline's subgraphs).
 */
function linkModules(root, dir) {
  const modules = join(dir, "node_modules");
  mkdirSync(modules);
  const own = workspaces(dir);
  const scopes = new Set(own.map((w) => w.name.split("/")[0]).filter((s) => s.startsWith("@")));
  for (const entry of readdirSync(join(root, "node_modules"))) {
    if (scopes.has(entry)) {
      mkdirSync(join(modules, entry));
      for (const inner of readdirSync(join(root, "node_modules", entry))) {
        if (own.some((w) => w.name === `${entry}/${inner}`)) continue;
        if (workspaces(root).some((w) => w.name === `${entry}/${inner}`)) continue; // today's workspace only
        symlinkSync(join(root, "node_modules", entry, inner), join(modules, entry, inner));
      }
    } else {
      symlinkSync(join(root, "node_modules", entry), join(modules, entry));
    }
  }
  for (const { folder, name } of own) {
    symlinkSync(relative(join(modules, ...name.split("/").slice(0, -1)), join(dir, folder)), join(modules, name));
    const nested = join(root, folder, "node_modules");
    if (existsSync(nested) && readdirSync(nested).length > 0) symlinkSync(nested, join(dir, folder, "node_modules"));
  }
}

/**
 * Checks out `ref` into a temporary worktree (or uses `keepDir`, kept afterwards, prepared there
 * once), installs its dependencies (links to ours when the lockfiles agree, else `npm ci`) and
 * builds it with its own build script. Returns the checkout and `remove()`.
 */
export async function prepareBaseline({ root, ref, keepDir, log, track }) {
  const commit = (await sh("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: root })).stdout.trim();
  const short = commit.slice(0, 7);
  let dir = keepDir;
  let added = false;
  const remove = async () => {
    if (!added) return;
    added = false;
    await sh("git", ["worktree", "remove", "--force", dir], { cwd: root }).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await sh("git", ["worktree", "prune"], { cwd: root }).catch(() => undefined);
  };
  /** The same, synchronously, for a forced exit (a second Ctrl-C). */
  const removeNow = () => {
    if (!added) return;
    added = false;
    try {
      execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: root, stdio: "ignore" });
    } catch {
      // removed below, and pruned by the next run
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const prepared = keepDir && existsSync(join(keepDir, ".bench-baseline-ready"));
  if (prepared) {
    const head = (await sh("git", ["rev-parse", "HEAD"], { cwd: keepDir })).stdout.trim();
    if (head !== commit) throw new Error(`--baseline-dir ${keepDir} holds ${head.slice(0, 7)}, not ${short}`);
    log(`baseline ${short}: reusing the prepared checkout ${keepDir}`);
  } else {
    if (!dir) {
      dir = mkdtempSync(join(tmpdir(), `itsm-baseline-${short}-`));
      rmSync(dir, { recursive: true });
    }
    await sh("git", ["worktree", "add", "--detach", dir, commit], { cwd: root });
    added = !keepDir;
    track?.({ remove, removeNow });
    try {
      log(`baseline ${short}: checked out in ${dir}`);
      const differences = lockDifferences(
        readFileSync(join(dir, "package-lock.json"), "utf8"),
        readFileSync(join(root, "package-lock.json"), "utf8"),
      );
      if (differences.length === 0) {
        linkModules(root, dir);
        log(`baseline ${short}: its lockfile's packages are the ones installed here: node_modules linked`);
      } else {
        log(
          `baseline ${short}: ${differences.length} locked packages differ from the ones installed here ` +
            `(${differences.slice(0, 3).join("; ")}${differences.length > 3 ? "; …" : ""}): npm ci there (minutes) …`,
        );
        await sh("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: dir });
      }
      const started = Date.now();
      const build = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts?.build;
      log(`baseline ${short}: building with its own build script (${build}) …`);
      // turbo: no cache reads or writes (the worktree shares the repository's cache folder).
      const turboArgs = /^turbo /.test(build ?? "")
        ? ["--", "--output-logs=errors-only", "--cache=local:,remote:"]
        : [];
      await sh("npm", ["run", "build", ...turboArgs], {
        cwd: dir,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      });
      log(`baseline ${short}: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (keepDir) await sh("touch", [join(keepDir, ".bench-baseline-ready")]);
    } catch (error) {
      await remove();
      throw error;
    }
  }
  const supergraph = join(dir, "schema", "supergraph.graphql");
  const sdl = readFileSync(supergraph, "utf8");
  const subgraphs = [...sdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
  return { ref, commit, short, dir, supergraph, subgraphs, remove, removeNow };
}

/**
 * The identity header the baseline's subgraphs accept, signed with the baseline's own code (its
 * format may differ from today's): the runtime package where it has one, else the kit's auth.
 */
export async function baselineIdentityHeaders(dir, identity, secret, seconds) {
  const require = createRequire(join(dir, "package.json"));
  for (const specifier of ["@itsm/runtime", "@itsm/kit/auth"]) {
    let path;
    try {
      path = require.resolve(specifier);
    } catch {
      continue;
    }
    const auth = await import(pathToFileURL(path).href);
    if (auth.signIdentity && auth.INTERNAL_IDENTITY_HEADER) {
      return { [auth.INTERNAL_IDENTITY_HEADER]: auth.signIdentity(identity, secret, seconds) };
    }
  }
  throw new Error(`${dir}: neither @itsm/runtime nor @itsm/kit/auth exports signIdentity`);
}

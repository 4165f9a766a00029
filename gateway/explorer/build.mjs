// Bundles the explorer (gateway/explorer/index.tsx: GraphiQL, its plugins, React, Monaco and its
// web workers) with esbuild into gateway/dist/explorer/, which the gateway serves: index.html,
// content-hashed JS/CSS and one script per Monaco worker. Nothing is fetched from a CDN at run time.
import { build } from "esbuild";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { constants, gzipSync } from "node:zlib";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "dist", "explorer");

const common = {
  bundle: true,
  minify: true,
  platform: "browser",
  target: ["es2022"],
  logLevel: "warning",
  legalComments: "eof",
  define: { "process.env.NODE_ENV": '"production"' },
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  metafile: true,
  absWorkingDir: here,
  write: true,
  outdir,
};

/** The script esbuild wrote for an entry point, and the stylesheet bundled from its CSS imports. */
function outputOf(metafile, entryPath) {
  const entry = relative(here, entryPath).split("\\").join("/");
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint === entry && file.endsWith(".js")) {
      return { script: basename(file), stylesheet: output.cssBundle && basename(output.cssBundle) };
    }
  }
  throw new Error(`esbuild wrote no script for ${entry}`);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// 1. Monaco's workers as classic scripts: the editor worker (base services), the JSON worker
//    (variables and headers editors) and monaco-graphql's worker (validation, completion).
const workerEntries = {
  editor: fileURLToPath(import.meta.resolve("monaco-editor/esm/vs/editor/editor.worker.js")),
  json: fileURLToPath(import.meta.resolve("monaco-editor/esm/vs/language/json/json.worker.js")),
  graphql: fileURLToPath(import.meta.resolve("monaco-graphql/esm/graphql.worker.js")),
};
const workers = await build({
  ...common,
  format: "iife",
  entryPoints: Object.entries(workerEntries).map(([label, path]) => ({ in: path, out: `${label}.worker` })),
});
const workerFiles = Object.fromEntries(
  Object.entries(workerEntries).map(([label, path]) => [label, outputOf(workers.metafile, path).script]),
);

// 2. The app. graphiql/style.css already holds Monaco's CSS (and its fonts, inlined), so the CSS
//    files Monaco's modules import themselves are left out instead of being bundled twice.
const monacoCss = {
  name: "monaco-css-from-graphiql-style",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]monaco-editor[\\/]esm[\\/].*\.css$/ }, () => ({ contents: "", loader: "js" }));
  },
};
const entry = join(here, "index.tsx");
const dashboardEntry = join(here, "dashboard.tsx");
const app = await build({
  ...common,
  format: "esm",
  // Monaco and Prettier are imported lazily by GraphiQL: separate chunks (Prettier then only loads
  // when a user prettifies).
  splitting: true,
  chunkNames: "[name]-[hash]",
  entryPoints: [
    { in: entry, out: "explorer" },
    { in: dashboardEntry, out: "dashboard" },
  ],
  tsconfig: join(here, "tsconfig.json"),
  jsx: "automatic",
  // .graphql: the trusted documents an example shows as it is (examples.ts), as text.
  loader: { ".graphql": "text", ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file", ".png": "file" },
  // Only needed for subscriptions over websockets (a subscriptionUrl), which the gateway does not serve.
  external: ["graphql-ws"],
  define: { ...common.define, __EXPLORER_WORKERS__: JSON.stringify(workerFiles) },
  plugins: [monacoCss],
});
const { script, stylesheet } = outputOf(app.metafile, entry);
if (!stylesheet) throw new Error("esbuild wrote no stylesheet for the explorer");

// 3. The pages, both from the template index.html (one head): the explorer (index.html, served at
//    /graphql, so its files are under explorer/) and the service level dashboard (dashboard.html,
//    served at /explorer/dashboard).
const dashboard = outputOf(app.metafile, dashboardEntry);
if (!dashboard.stylesheet) throw new Error("esbuild wrote no stylesheet for the dashboard");
const page = readFileSync(join(here, "index.html"), "utf8");
const pages = [
  {
    file: "index.html",
    title: "Explorer",
    css: `explorer/${stylesheet}`,
    js: `explorer/${script}`,
    noscript: "The explorer needs JavaScript; GraphQL itself is served at this URL.",
  },
  {
    file: "dashboard.html",
    title: "Service levels",
    css: dashboard.stylesheet,
    js: dashboard.script,
    noscript: "The dashboard needs JavaScript.",
  },
];
for (const { file, title, css, js, noscript } of pages) {
  const values = { TITLE: title, CSS: css, JS: js, NOSCRIPT: noscript };
  writeFileSync(
    join(outdir, file),
    page.replace(/%(TITLE|CSS|JS|NOSCRIPT)%/g, (_, key) => values[key]),
  );
}

// 4. A gzip copy of every script and stylesheet, which the gateway sends to clients that accept it.
const files = [...Object.keys(workers.metafile.outputs), ...Object.keys(app.metafile.outputs)].map((f) => basename(f));
let gzipped = 0;
for (const file of files) {
  const body = gzipSync(readFileSync(join(outdir, file)), { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(join(outdir, `${file}.gz`), body);
  gzipped += body.length;
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const size = (file) => statSync(join(outdir, file)).size;
const total = files.reduce((sum, file) => sum + size(file), 0);
const largest = [...files].sort((a, b) => size(b) - size(a)).slice(0, 4);
console.log(
  `explorer: ${files.length} files in ${relative(process.cwd(), outdir) || "."}, ${mib(total)} (${mib(gzipped)} gzipped); ` +
    `largest: ${largest.map((f) => `${f} ${mib(size(f))}`).join(", ")}`,
);

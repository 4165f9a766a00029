// Bundles the portal into dist/: app.js (esbuild, minified), index.html and styles.css.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
mkdirSync(`${root}dist`, { recursive: true });
await build({
  entryPoints: [`${root}src/main.tsx`],
  outfile: `${root}dist/app.js`,
  bundle: true,
  format: "esm",
  minify: true,
  sourcemap: true,
  target: "es2022",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
for (const file of ["index.html", "styles.css"]) copyFileSync(`${root}src/${file}`, `${root}dist/${file}`);

// Monaco's web workers, bundled by build.mjs into dist/explorer/ next to the page and loaded from
// the gateway itself: no CDN, no blob: URLs. build.mjs defines __EXPLORER_WORKERS__ as the hashed
// file name of each worker.
import type { Environment } from "monaco-editor";

declare const __EXPLORER_WORKERS__: { editor: string; json: string; graphql: string };

const environment: Environment = {
  getWorker(_workerId: string, label: string): Worker {
    const file =
      label === "json"
        ? __EXPLORER_WORKERS__.json
        : label === "graphql"
          ? __EXPLORER_WORKERS__.graphql
          : __EXPLORER_WORKERS__.editor;
    // Relative to the page (served at /graphql or /), so it also works behind a path prefix.
    return new Worker(new URL(`explorer/${file}`, document.baseURI), { name: `monaco-${label}` });
  },
};

window.MonacoEnvironment = environment;

// The graph's processes as the deployment artefacts run them: one table for the image's entrypoint,
// the Kubernetes manifests and the checks (compose.yaml spells the same out for Compose).
export const SUBGRAPHS = ["catalog", "customers", "agreements", "operations"];

/**
 * name → where its entry is inside the deployable folder, the port it listens on, and the Node options
 * it runs with (as NODE_OPTIONS in the manifests and compose.yaml, as Node's arguments in scripts/start.mjs,
 * the gateway's `npm start` and the bench).
 *
 * The gateway's young generation is 32 MiB semi-spaces (Node's default 16): each request keeps its
 * subgraphs' parsed answers alive until the last fetch returns, so with many requests in flight most
 * of a small young generation survives every scavenge and is copied; at 32 MiB most of it is dead by
 * then. Gateway CPU per cross-subgraph page 0.55–0.64× (bench/README.md, "The gateway's young generation");
 * about 50 MB more resident memory under load.
 */
export const PROCESSES = {
  gateway: { entry: "gateway/dist/index.js", port: 4000, nodeOptions: "--max-semi-space-size=32" },
  catalog: { entry: "subgraphs/catalog/dist/index.js", port: 4001 },
  customers: { entry: "subgraphs/customers/dist/index.js", port: 4002 },
  agreements: { entry: "subgraphs/agreements/dist/index.js", port: 4003 },
  operations: { entry: "subgraphs/operations/dist/index.js", port: 4004 },
};

/** The workspaces the processes need at run time (built dist/ and production dependencies). */
export const RUNTIME_WORKSPACES = [
  "subgraphs/runtime",
  "subgraphs/kit",
  "subgraphs/service-hours",
  ...SUBGRAPHS.map((name) => `subgraphs/${name}`),
  "gateway",
];

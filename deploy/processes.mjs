// The graph's processes as the deployment artefacts run them: one table for the image's entrypoint,
// the Kubernetes manifests and the checks (compose.yaml spells the same out for Compose).
export const SUBGRAPHS = ["catalog", "customers", "agreements", "operations"];

/** name → where its entry is inside the deployable folder, and the port it listens on. */
export const PROCESSES = {
  gateway: { entry: "gateway/dist/index.js", port: 4000 },
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

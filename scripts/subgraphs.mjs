// The subgraphs of the graph and their default ports (the gateway listens on 4000).
export const SUBGRAPHS = [
  { name: "catalog", port: 4001 },
  { name: "customers", port: 4002 },
  { name: "agreements", port: 4003 },
];

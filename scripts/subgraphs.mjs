// The subgraphs of the graph and their default ports, from the runtime's one list (scripts run after the build).
import { SUBGRAPH_NAMES, SUBGRAPH_PORTS } from "@itsm/runtime/config";

export const SUBGRAPHS = SUBGRAPH_NAMES.map((name) => ({ name, port: SUBGRAPH_PORTS[name] }));

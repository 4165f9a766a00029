import { loadSubgraphConfig, runService } from "@itsm/kit";
import { createServer } from "./server";

runService("catalog", async () => (await createServer(loadSubgraphConfig("catalog"))).listen());

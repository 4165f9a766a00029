import { loadSubgraphConfig, runService } from "@itsm/kit";
import { createServer } from "./server";

runService("agreements", async () => (await createServer(loadSubgraphConfig("agreements"))).listen());

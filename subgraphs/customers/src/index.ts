import { loadSubgraphConfig, runService } from "@itsm/kit";
import { createServer } from "./server";

runService("customers", async () => (await createServer(loadSubgraphConfig("customers"))).listen());

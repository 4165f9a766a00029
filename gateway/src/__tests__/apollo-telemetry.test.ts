import { createLogger } from "@itsm/runtime";
import { loadGatewayConfig } from "../config";
import { GatewayServer } from "../server";

// The module @apollo/gateway calls to start reporting to Apollo (its exports object, so it can be watched).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const apolloReporting = require("@apollo/gateway/dist/utilities/opentelemetry") as {
  createDataCollectionExporter: () => { shutdown(): Promise<void> };
};

describe("Apollo's usage reporting", () => {
  const saved = process.env.APOLLO_TELEMETRY_DISABLED;
  let reporting: jest.SpyInstance;

  beforeEach(() => {
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    reporting = jest
      .spyOn(apolloReporting, "createDataCollectionExporter")
      .mockReturnValue({ shutdown: () => Promise.resolve() });
  });
  afterEach(() => {
    reporting.mockRestore();
    if (saved === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
    else process.env.APOLLO_TELEMETRY_DISABLED = saved;
  });

  const gateway = (env: Record<string, string>) =>
    new GatewayServer(
      loadGatewayConfig("/nonexistent/supergraph.graphql", env),
      createLogger("gateway-test", "silent"),
    );

  it("is off unless the operator turns it on: the gateway sends Apollo nothing", () => {
    gateway({});
    expect(reporting).not.toHaveBeenCalled();
  });

  it("starts with APOLLO_TELEMETRY=true", () => {
    gateway({ APOLLO_TELEMETRY: "true" });
    expect(reporting).toHaveBeenCalledTimes(1);
  });
});

import { ConfigError, requireInternalSecret } from "@itsm/runtime";
import { loadSubgraphConfig } from "../config";

describe("loadSubgraphConfig", () => {
  it("has working defaults", () => {
    const config = loadSubgraphConfig("agreements", {});
    expect(config).toMatchObject({
      name: "agreements",
      port: 4003,
      dataDir: ".data",
      databaseUrl: undefined,
      host: "127.0.0.1",
    });
  });

  it("reads the subgraph's own variables", () => {
    const config = loadSubgraphConfig("catalog", {
      CATALOG_PORT: "5001",
      CATALOG_DATABASE_URL: "mysql://u:p@db:3306/catalog",
      CUSTOMERS_PORT: "9999",
    });
    expect(config.port).toBe(5001);
    expect(config.databaseUrl).toBe("mysql://u:p@db:3306/catalog");
  });

  it("names every wrong variable and its value", () => {
    let error: unknown;
    try {
      loadSubgraphConfig("catalog", { CATALOG_PORT: "abc", CATALOG_DATABASE_URL: "postgres://x/y", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("CATALOG_PORT must be a port number from 0 to 65535");
    expect(message).toContain('(got "abc")');
    expect(message).toContain("CATALOG_DATABASE_URL must be a mysql:// or mariadb:// URL");
    expect(message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
  });
});

describe("requireInternalSecret", () => {
  it("stops a serving process without the shared secret, naming the variable", () => {
    expect(() => requireInternalSecret(loadSubgraphConfig("catalog", {}))).toThrow(/INTERNAL_AUTH_SECRET/);
    expect(() => loadSubgraphConfig("catalog", { INTERNAL_AUTH_SECRET: "short" })).toThrow(/INTERNAL_AUTH_SECRET/);
    const secret = "s".repeat(32);
    expect(requireInternalSecret(loadSubgraphConfig("catalog", { INTERNAL_AUTH_SECRET: secret }))).toBe(secret);
  });
});

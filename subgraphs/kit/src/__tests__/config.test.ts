import { ConfigError, loadGatewayConfig, loadSubgraphConfig, requireInternalSecret } from "../config";

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

describe("loadGatewayConfig", () => {
  it("collects subgraph URL overrides by subgraph name", () => {
    const config = loadGatewayConfig("/x/supergraph.graphql", {
      PORT: "0",
      CATALOG_URL: "http://127.0.0.1:5001/graphql",
      CATALOG_DATABASE_URL: "mysql://u:p@h/db",
    });
    expect(config.port).toBe(0);
    expect(config.supergraphPath).toBe("/x/supergraph.graphql");
    expect(config.subgraphUrls).toEqual({ catalog: "http://127.0.0.1:5001/graphql" });
  });

  it("rejects a malformed override", () => {
    expect(() => loadGatewayConfig("/x", { AGREEMENTS_URL: "not a url" })).toThrow(/AGREEMENTS_URL/);
  });

  it("reads the identity provider settings, with the claims mapping defaults", () => {
    const config = loadGatewayConfig("/x", {
      AUTH_JWKS_URL: "https://idp.example/.well-known/jwks.json",
      AUTH_ISSUER: "https://idp.example/",
      AUTH_AUDIENCE: "itsm-graph",
      AUTH_ALGORITHMS: "RS256,ES256",
    });
    expect(config.authentication).toMatchObject({
      jwksUrl: "https://idp.example/.well-known/jwks.json",
      issuer: "https://idp.example/",
      audience: "itsm-graph",
      algorithms: ["RS256", "ES256"],
      roleClaim: "role",
      customersClaim: "customers",
      anonymousAccess: "catalog",
    });
  });

  it("refuses a key without issuer and audience, several keys, a short secret and unknown anonymous access", () => {
    expect(() => loadGatewayConfig("/x", { AUTH_JWKS_URL: "https://idp.example/jwks" })).toThrow(/AUTH_ISSUER/);
    expect(() =>
      loadGatewayConfig("/x", {
        AUTH_JWKS_URL: "https://idp.example/jwks",
        AUTH_HS256_SECRET: "x".repeat(40),
        AUTH_ISSUER: "i",
        AUTH_AUDIENCE: "a",
      }),
    ).toThrow(/not several/);
    expect(() => loadGatewayConfig("/x", { AUTH_HS256_SECRET: "short" })).toThrow(/AUTH_HS256_SECRET/);
    expect(() => loadGatewayConfig("/x", { ANONYMOUS_ACCESS: "all" })).toThrow(/ANONYMOUS_ACCESS/);
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

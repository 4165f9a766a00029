import { loadGatewayConfig } from "../config";

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

  it("lets the old generation grow to twice the live heap unless told otherwise, 0 leaving it to V8", () => {
    expect(loadGatewayConfig("/x", {}).heapGrowingPercent).toBe(100);
    expect(loadGatewayConfig("/x", { HEAP_GROWING_PERCENT: "0" }).heapGrowingPercent).toBe(0);
    expect(loadGatewayConfig("/x", { HEAP_GROWING_PERCENT: "50" }).heapGrowingPercent).toBe(50);
    for (const value of ["-1", "301", "1.5", "lots"]) {
      expect(() => loadGatewayConfig("/x", { HEAP_GROWING_PERCENT: value })).toThrow(
        /HEAP_GROWING_PERCENT.*from 0 \(V8's own\) to 300/,
      );
    }
  });
});

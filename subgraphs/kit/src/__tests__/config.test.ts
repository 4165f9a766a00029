import { ConfigError, requireInternalSecret } from "@itsm/runtime";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSubgraphConfig } from "../config";
import { openDataSource } from "../data/data-source";
import { NamedLock } from "../write/named-lock";

describe("loadSubgraphConfig", () => {
  it("has working defaults", () => {
    const config = loadSubgraphConfig("agreements", {});
    expect(config).toMatchObject({
      name: "agreements",
      port: 4003,
      dataDir: ".data",
      databaseUrl: undefined,
      host: "127.0.0.1",
      sqliteCacheMb: 64,
    });
  });

  it("gives the embedded database the page cache SQLITE_CACHE_MB asks for", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "itsm-cache-"));
    try {
      for (const [value, kib] of [
        [undefined, 64 * 1024],
        ["16", 16 * 1024],
      ] as const) {
        const config = loadSubgraphConfig("catalog", {
          DATA_DIR: dataDir,
          ...(value ? { SQLITE_CACHE_MB: value } : {}),
        });
        const dataSource = await openDataSource(config, { entities: [NamedLock] });
        try {
          expect(await dataSource.query("PRAGMA cache_size")).toEqual([{ cache_size: -kib }]);
        } finally {
          await dataSource.destroy();
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(() => loadSubgraphConfig("catalog", { SQLITE_CACHE_MB: "0" })).toThrow(ConfigError);
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

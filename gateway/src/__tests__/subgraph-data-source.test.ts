import { createErrorFormatter, createLogger } from "@itsm/runtime";
import { GraphQLError } from "graphql";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import { keepPeerServiceName, SUBGRAPH_UNAVAILABLE, SubgraphDataSource } from "../subgraph-data-source";

const logger = createLogger("gateway-test", "silent");

function request(query = "{ __typename }", variables: Record<string, unknown> = {}): GraphQLDataSourceProcessOptions {
  return {
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
    request: { query, variables },
    context: {},
  } as unknown as GraphQLDataSourceProcessOptions;
}

/** A throwaway HTTP server answering every request with `status` and `body`. */
async function answering(status: number, body: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => server.close() };
}

describe("SubgraphDataSource", () => {
  it("reports an unreachable subgraph by name, without its address", async () => {
    const closed = await answering(200, "{}");
    closed.close();
    const source = new SubgraphDataSource("catalog", closed.url, logger);
    const error = await source.process(request()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: "The catalog subgraph is unavailable; its fields are missing from this response",
      extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: "catalog" },
    });
    expect(JSON.stringify(error)).not.toContain("127.0.0.1");
  });

  it("passes on the GraphQL errors of a non-2xx answer as the subgraph's own", async () => {
    const server = await answering(
      400,
      JSON.stringify({
        errors: [{ message: "Value is not a valid LocalDate", extensions: { code: "BAD_USER_INPUT" } }],
      }),
    );
    try {
      const response = await new SubgraphDataSource("agreements", server.url, logger).process(request());
      expect(response.errors).toEqual([
        { message: "Value is not a valid LocalDate", extensions: { code: "BAD_USER_INPUT" } },
      ]);
    } finally {
      server.close();
    }
  });

  it("treats a non-GraphQL error page as unavailability", async () => {
    const server = await answering(502, JSON.stringify({ message: "bad gateway" }));
    try {
      const error = await new SubgraphDataSource("customers", server.url, logger).process(request()).catch((e) => e);
      expect(error).toMatchObject({ extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: "customers" } });
    } finally {
      server.close();
    }
  });
});

describe("deduplication of identical queries in flight", () => {
  it("shares one fetch among identical concurrent queries, giving each caller its own copy", async () => {
    let fetches = 0;
    const server = createServer((_req, res) => {
      fetches += 1;
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: { services: { totalCount: 18 } } }));
      }, 150);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const source = new SubgraphDataSource("catalog", url, logger);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => source.process(request("{ services { totalCount } }"))),
      );
      expect(fetches).toBe(1);
      expect(answers.every((a) => (a.data as { services: { totalCount: number } }).services.totalCount === 18)).toBe(
        true,
      );
      (answers[0].data as { services: { totalCount: number } }).services.totalCount = 0;
      expect((answers[1].data as { services: { totalCount: number } }).services.totalCount).toBe(18);

      await Promise.all([
        source.process(request("query ($n: Int) { services(first: $n) { totalCount } }", { n: 1 })),
        source.process(request("query ($n: Int) { services(first: $n) { totalCount } }", { n: 2 })),
      ]);
      expect(fetches).toBe(3); // different variables: not identical

      await Promise.all([source.process(request("mutation { a }")), source.process(request("mutation { a }"))]);
      expect(fetches).toBe(5); // mutations are never shared
    } finally {
      server.close();
    }
  });
});

describe("errors a subgraph raises about a peer", () => {
  const format = createErrorFormatter(logger, "gateway", [keepPeerServiceName]);
  /** As @apollo/gateway hands a subgraph's error on: the answering subgraph's name over the error's own. */
  const fromSubgraph = (extensions: Record<string, unknown>) =>
    new GraphQLError("figures missing", {
      path: ["alerts"],
      originalError: { message: "figures missing", extensions } as unknown as Error,
      extensions: { ...extensions, serviceName: "agreements" },
    });

  it("keep the peer the subgraph named, not the one that answered", () => {
    const error = fromSubgraph({ code: "SERVICE_UNAVAILABLE", serviceName: "operations" });
    expect(format(error.toJSON(), error).extensions).toEqual({
      code: "SERVICE_UNAVAILABLE",
      serviceName: "operations",
    });
  });

  it("name the answering subgraph when the error names none, and stay masked without a code", () => {
    const own = fromSubgraph({ code: "BAD_USER_INPUT" });
    expect(format(own.toJSON(), own).extensions).toEqual({ code: "BAD_USER_INPUT", serviceName: "agreements" });
    const uncoded = new GraphQLError("boom", { originalError: { extensions: { serviceName: "operations" } } as never });
    expect(format(uncoded.toJSON(), uncoded).extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
  });
});

import { createErrorFormatter, createLogger } from "@itsm/runtime";
import { ApolloServer } from "@apollo/server";
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
  /** As @apollo/gateway hands a subgraph's error on: the answering subgraph's name over the error's own. */
  const fromSubgraph = (
    message: string,
    extensions: Record<string, unknown>,
    path: string[] | undefined = ["alerts"],
  ) =>
    new GraphQLError(message, {
      path,
      originalError: { message, extensions } as unknown as Error,
      extensions: { ...extensions, serviceName: "agreements" },
    });

  /** The errors a client gets when a resolver fails with `error`, through Apollo Server's own formatting. */
  async function clientErrors(error: GraphQLError) {
    const server = new ApolloServer({
      typeDefs: "type Query { alerts: String }",
      resolvers: { Query: { alerts: () => Promise.reject(error) } },
      formatError: createErrorFormatter(logger, "gateway", [keepPeerServiceName]),
      includeStacktraceInErrorResponses: false,
    });
    const response = await server.executeOperation({ query: "{ alerts }" });
    await server.stop();
    return response.body.kind === "single" ? response.body.singleResult.errors : undefined;
  }

  it("keep the peer the subgraph named, not the one that answered", async () => {
    const errors = await clientErrors(
      fromSubgraph("figures missing", { code: "SERVICE_UNAVAILABLE", serviceName: "operations" }),
    );
    expect(errors?.[0]).toMatchObject({
      message: "figures missing",
      extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "operations" },
    });
  });

  it("name the answering subgraph when the error names none", async () => {
    const errors = await clientErrors(fromSubgraph("bad page size", { code: "BAD_USER_INPUT" }));
    expect(errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", serviceName: "agreements" });
  });

  it("never unmask an internal error, whatever service it names", async () => {
    for (const extensions of [
      { serviceName: "operations" },
      { code: "INTERNAL_SERVER_ERROR", serviceName: "operations" },
    ]) {
      const errors = await clientErrors(fromSubgraph("ER_ACCESS_DENIED for user itsm@10.0.0.5", extensions));
      expect(errors?.[0]).toMatchObject({
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
    }
  });

  it("read the peer from the subgraph's error also when the gateway's wrapper has no path", () => {
    const wrapper = fromSubgraph(
      "figures missing",
      { code: "SERVICE_UNAVAILABLE", serviceName: "operations" },
      undefined,
    );
    const formatted = { message: wrapper.message, extensions: { ...wrapper.extensions } };
    expect(keepPeerServiceName(wrapper, formatted, { logger, serviceName: "gateway" })?.extensions).toEqual({
      code: "SERVICE_UNAVAILABLE",
      serviceName: "operations",
    });
  });
});

import { ApolloServer } from "@apollo/server";
import { GraphQLError } from "graphql";
import pino from "pino";
import { Metrics, operationLogPlugin, startOperationLog } from "../observability";

/** A logger whose JSON lines are kept, and metrics of their own. */
function observed() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ base: undefined, timestamp: false }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, logger, metrics: new Metrics("test") };
}

describe("the operation log", () => {
  it("writes one line and one sample for an operation started before Apollo Server got it", async () => {
    const { lines, logger, metrics } = observed();
    const log = startOperationLog(logger, metrics, "r-1");
    log.finish("Q", "query", [new GraphQLError("no", { extensions: { code: "BAD_USER_INPUT" } })], 400);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: "graphql operation",
        requestId: "r-1",
        operation: "Q",
        type: "query",
        status: 400,
        errors: ["BAD_USER_INPUT"],
        durationMs: expect.any(Number),
      }),
    ]);
    const counted = (await metrics.operations.get()).values;
    expect(counted).toEqual([expect.objectContaining({ labels: { operation: "Q", outcome: "error" }, value: 1 })]);
  });

  it("goes on with the log a request already has, else starts one, in Apollo Server", async () => {
    const { lines, logger, metrics } = observed();
    const finish = jest.fn();
    const server = new ApolloServer<{ log?: { finish: typeof finish } }>({
      typeDefs: "type Query { x: Int }",
      plugins: [operationLogPlugin(logger, metrics, ({ contextValue }) => contextValue.log)],
    });
    await server.start();
    try {
      await server.executeOperation({ query: "query Q { x }" }, { contextValue: { log: { finish } } });
      expect(finish).toHaveBeenCalledTimes(1);
      expect(finish).toHaveBeenCalledWith("Q", "query", undefined, undefined);
      expect(lines).toEqual([]);
      await server.executeOperation({ query: "{ x }" }, { contextValue: {} });
      expect(lines).toEqual([expect.objectContaining({ msg: "graphql operation", operation: null, type: "query" })]);
    } finally {
      await server.stop();
    }
  });
});

import "reflect-metadata";
import { printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";

/** Prints the federated SDL of the subgraph package named on the command line (used by `npm run compose`). */
async function main(packageName: string | undefined): Promise<void> {
  if (!packageName) throw new Error("usage: print-sdl <subgraph package>");
  const subgraph = (await import(packageName)) as { buildSchema(): Promise<GraphQLSchema> };
  process.stdout.write(printSubgraphSchema(await subgraph.buildSchema()));
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

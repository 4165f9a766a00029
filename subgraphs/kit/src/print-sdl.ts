import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { graphql } from "graphql";

/**
 * Prints the SDL the subgraph package named on the command line serves at `_service { sdl }`:
 * the committed schema/<name>.graphql is byte for byte what the gateway would see.
 */
async function main(packageName: string | undefined): Promise<void> {
  if (!packageName) throw new Error("usage: print-sdl <subgraph package>");
  const { subgraph } = (await import(packageName)) as { subgraph: { buildSchema(): Promise<GraphQLSchema> } };
  const result = await graphql({ schema: await subgraph.buildSchema(), source: "{ _service { sdl } }" });
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
  process.stdout.write((result.data as { _service: { sdl: string } })._service.sdl);
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

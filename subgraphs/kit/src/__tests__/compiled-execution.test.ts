import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { GraphQLError } from "graphql";
import { MaxLength } from "class-validator";
import DataLoader from "dataloader";
import {
  Arg,
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  InterfaceType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  createUnionType,
} from "type-graphql";
import type { Identity } from "@itsm/runtime";
import { createLogger, NotFoundError } from "@itsm/runtime";
import { createSubgraphErrorFormatter } from "../errors";
import { buildFederatedSchema } from "../schema/federated-schema";
import { compiledExecution } from "../schema/compiled-execution";
import { partialErrorsPlugin, reportPartialError } from "../schema/partial-errors";
import { OperationSelection } from "../schema/selected-fields";
import { TEST_IDENTITIES } from "../testing";

interface Context {
  identity: Identity;
  /** Batches of ids the loader was asked for, in order. */
  batches: string[][];
  widgets: DataLoader<string, Widget | null>;
  /** What the executor recorded of the operation (see selected-fields.ts). */
  selection: OperationSelection;
}

@InterfaceType({ description: "Something with a name." })
abstract class Named {
  @Field({ description: "Its name." })
  name: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Named, description: "A widget." })
class Widget extends Named {
  @Field(() => ID, { description: "Its id." })
  id: string;

  @Field(() => String, { nullable: true, description: "A note, if any." })
  note: string | null;

  @Field(() => Int, { description: "Its size." })
  size: number;

  @Field(() => GraphQLISODateTime, { description: "When it was made." })
  madeAt: Date;

  @Authorized("admin")
  @Field(() => String, { nullable: true, description: "Only for administrators." })
  secret: string | null;

  @Field(() => [String], { description: "Its tags." })
  tags: string[];

  // Counted only when asked for, as Page.totalCount is: the property holds a promise.
  @Field(() => Int, { description: "How many are in stock." })
  stock: number;

  /** Which widget this one belongs with (loaded through the request's DataLoader). */
  partnerId: string;
}

@ObjectType({ implements: Named, description: "A gizmo." })
class Gizmo extends Named {
  @Field(() => Int, { description: "Its power." })
  power: number;
}

const Gadget = createUnionType({
  name: "Gadget",
  description: "A widget or a gizmo.",
  types: () => [Widget, Gizmo] as const,
  resolveType: (value) => ("power" in value ? "Gizmo" : "Widget"),
});

@InputType({ description: "Which widgets." })
class WidgetFilter {
  @MaxLength(5)
  @Field({ nullable: true, description: "A prefix of the name." })
  namePrefix?: string;
}

const WIDGETS: Widget[] = [1, 2, 3, 4].map((n) =>
  Object.assign(new Widget(), {
    id: `w${n}`,
    name: `widget ${n}`,
    note: n % 2 ? `note ${n}` : null,
    size: n * 10,
    madeAt: new Date(Date.UTC(2026, 0, n, 12)),
    secret: `secret ${n}`,
    tags: n === 3 ? [] : [`t${n}`, "all"],
    partnerId: `w${(n % 4) + 1}`,
    stock: Promise.resolve(n * 2) as unknown as number,
  }),
);

@Resolver(() => Widget)
class WidgetResolver {
  @Query(() => [Widget], { description: "Widgets." })
  widgets(
    @Arg("first", () => Int, { defaultValue: 10, description: "How many." }) first: number,
    @Arg("filter", () => WidgetFilter, { nullable: true, description: "Which." }) filter: WidgetFilter | null,
  ): Widget[] {
    return WIDGETS.filter((w) => !filter?.namePrefix || w.name.startsWith(filter.namePrefix)).slice(0, first);
  }

  @Query(() => Widget, { description: "One widget, or NOT_FOUND." })
  widget(@Arg("id", () => ID, { description: "Its id." }) id: string): Widget {
    const found = WIDGETS.find((w) => w.id === id);
    if (!found) throw new NotFoundError("Widget", id);
    return found;
  }

  @Query(() => [Gadget], { description: "Widgets and gizmos." })
  gadgets(): (Widget | Gizmo)[] {
    return [WIDGETS[0], Object.assign(new Gizmo(), { name: "gizmo", power: 7 })];
  }

  @Query(() => [Named], { description: "Everything with a name." })
  named(): Named[] {
    return [Object.assign(new Gizmo(), { name: "gizmo", power: 7 }), WIDGETS[1]];
  }

  @Query(() => String, { description: "Fails with a bug." })
  broken(): string {
    throw new Error("a bug");
  }

  @Query(() => String, { description: "Answers null though it may not." })
  missing(): string {
    return null as unknown as string;
  }

  @Query(() => [Widget], { description: "Widgets, with a partial error." })
  partly(@Ctx() ctx: Context): Widget[] {
    reportPartialError(ctx, new GraphQLError("some are missing", { extensions: { code: "SERVICE_UNAVAILABLE" } }));
    return WIDGETS.slice(0, 1);
  }

  @FieldResolver(() => Widget, { nullable: true, description: "The widget it belongs with." })
  partner(@Root() widget: Widget, @Ctx() ctx: Context): Promise<Widget | null> {
    return ctx.widgets.load(widget.partnerId);
  }

  @Authorized("admin")
  @Mutation(() => Widget, { description: "Renames a widget (not stored)." })
  renameWidget(@Arg("id", () => ID) id: string, @Arg("name") name: string): Widget {
    const found = WIDGETS.find((w) => w.id === id);
    if (!found) throw new NotFoundError("Widget", id);
    return Object.assign(new Widget(), found, { name });
  }
}

function context(identity: Identity): Context {
  const batches: string[][] = [];
  return {
    identity,
    batches,
    widgets: new DataLoader(async (ids: readonly string[]) => {
      batches.push([...ids]);
      return ids.map((id) => WIDGETS.find((w) => w.id === id) ?? null);
    }),
    selection: new OperationSelection(),
  };
}

/** Apollo Server as a subgraph runs it (error formatter, partial errors), on graphql-js or compiled. */
function apollo(execution: { schema: GraphQLSchema } | { gateway: ReturnType<typeof compiledExecution> }) {
  return new ApolloServer<Context>({
    ...execution,
    formatError: createSubgraphErrorFormatter(createLogger("kit-test", "silent"), "kit-test"),
    includeStacktraceInErrorResponses: false,
    plugins: [partialErrorsPlugin<Context>()],
  });
}

let schema: GraphQLSchema;
let reference: ApolloServer<Context>;
let subject: ApolloServer<Context>;
let gateway: ReturnType<typeof compiledExecution>;

beforeAll(async () => {
  schema = await buildFederatedSchema({
    resolvers: [WidgetResolver],
    orphanedTypes: [Gizmo],
    referenceResolvers: {
      Widget: { __resolveReference: (ref: { id: string }, ctx: Context) => ctx.widgets.load(ref.id) },
    },
  });
  reference = apollo({ schema });
  gateway = compiledExecution(schema);
  subject = apollo({ gateway });
  await Promise.all([reference.start(), subject.start()]);
});

afterAll(async () => {
  await Promise.all([reference.stop(), subject.stop()]);
});

async function run(
  server: ApolloServer<Context>,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  identity: Identity,
) {
  const contextValue = context(identity);
  const response = await server.executeOperation(request, { contextValue });
  if (response.body.kind !== "single") throw new Error("no incremental delivery here");
  return {
    status: response.http.status,
    result: response.body.singleResult,
    batches: contextValue.batches,
    selection: contextValue.selection,
  };
}

const WIDGET_FIELDS = "id name note size madeAt tags stock";

const cases: [string, { query: string; variables?: Record<string, unknown>; operationName?: string }, Identity][] = [
  [
    "a list with arguments, scalars and nested loaders",
    { query: `{ widgets(first: 3) { ${WIDGET_FIELDS} partner { id partner { name } } } }` },
    TEST_IDENTITIES.analyst,
  ],
  [
    "variables, aliases, fragments and @skip/@include",
    {
      query: `query W($first: Int!, $withNote: Boolean!, $filter: WidgetFilter) { a: widgets(first: $first, filter: $filter) { ...F note @include(if: $withNote) } b: widgets(first: 1) { id size @skip(if: $withNote) } } fragment F on Widget { id name }`,
      variables: { first: 2, withNote: true, filter: { namePrefix: "wid" } },
    },
    TEST_IDENTITIES.analyst,
  ],
  [
    "a union and an interface",
    {
      query:
        "{ gadgets { __typename ... on Widget { id } ... on Gizmo { power } } named { __typename name ... on Widget { size } } }",
    },
    TEST_IDENTITIES.analyst,
  ],
  ["an @Authorized field, allowed", { query: "{ widgets(first: 2) { id secret } }" }, TEST_IDENTITIES.admin],
  [
    "an @Authorized field, FORBIDDEN with the rest served",
    { query: "{ widgets(first: 2) { id secret } }" },
    TEST_IDENTITIES.analyst,
  ],
  ["an @Authorized field, UNAUTHENTICATED", { query: "{ widgets(first: 1) { secret } }" }, TEST_IDENTITIES.anonymous],
  ["a domain error's code (NOT_FOUND)", { query: '{ widget(id: "nope") { id } }' }, TEST_IDENTITIES.analyst],
  ["a bug, masked as INTERNAL_SERVER_ERROR", { query: "{ broken widgets(first: 1) { id } }" }, TEST_IDENTITIES.analyst],
  ["null for a non-null field", { query: "{ missing }" }, TEST_IDENTITIES.analyst],
  [
    "class-validator on an input: BAD_USER_INPUT",
    { query: '{ widgets(filter: { namePrefix: "far too long" }) { id } }' },
    TEST_IDENTITIES.analyst,
  ],
  [
    "a variable of the wrong type: BAD_USER_INPUT",
    { query: "query W($first: Int!) { widgets(first: $first) { id } }", variables: { first: "many" } },
    TEST_IDENTITIES.analyst,
  ],
  [
    "a missing required variable",
    { query: "query W($first: Int!) { widgets(first: $first) { id } }" },
    TEST_IDENTITIES.analyst,
  ],
  [
    "an unknown operation name",
    { query: "query A { widgets { id } } query B { named { name } }", operationName: "C" },
    TEST_IDENTITIES.analyst,
  ],
  [
    "one of two named operations",
    { query: "query A { widgets { id } } query B { named { name } }", operationName: "B" },
    TEST_IDENTITIES.analyst,
  ],
  ["a partial error reported by a resolver", { query: "{ partly { id } }" }, TEST_IDENTITIES.analyst],
  [
    "federation: _service and _entities",
    {
      query:
        '{ _service { sdl } _entities(representations: [{ __typename: "Widget", id: "w2" }, { __typename: "Widget", id: "w9" }, { __typename: "Widget", id: "w1" }]) { __typename ... on Widget { id name partner { id } } } }',
    },
    TEST_IDENTITIES.analyst,
  ],
  [
    "introspection",
    { query: '{ __schema { queryType { name } } __type(name: "Widget") { name fields { name type { name kind } } } }' },
    TEST_IDENTITIES.analyst,
  ],
  [
    "a mutation (graphql-js)",
    { query: 'mutation { renameWidget(id: "w1", name: "renamed") { id name } }' },
    TEST_IDENTITIES.admin,
  ],
  [
    "a mutation refused by @Authorized",
    { query: 'mutation { renameWidget(id: "w1", name: "renamed") { id } }' },
    TEST_IDENTITIES.editor,
  ],
];

describe("compiled execution (graphql-jit through Apollo's executor)", () => {
  it.each(cases)("answers %s exactly as graphql-js does", async (_name, request, identity) => {
    const expected = await run(reference, request, identity);
    const actual = await run(subject, request, identity);
    expect(actual.result).toEqual(expected.result);
    expect(JSON.stringify(actual.result)).toBe(JSON.stringify(expected.result));
    expect(actual.status).toBe(expected.status);
    expect(actual.batches).toEqual(expected.batches);
  });

  it("keeps the error codes clients rely on", async () => {
    const codes = async (query: string, identity: Identity = TEST_IDENTITIES.analyst) =>
      (await run(subject, { query }, identity)).result.errors?.map((e) => e.extensions?.code);
    expect(await codes('{ widget(id: "nope") { id } }')).toEqual(["NOT_FOUND"]);
    expect(await codes("{ widgets { secret } }")).toEqual(Array(4).fill("FORBIDDEN"));
    expect(await codes("{ broken }")).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(await codes('{ widgets(filter: { namePrefix: "far too long" }) { id } }')).toEqual(["BAD_USER_INPUT"]);
    const wrongVariable = await run(
      subject,
      { query: "query W($n: Int!) { widgets(first: $n) { id } }", variables: { n: "x" } },
      TEST_IDENTITIES.analyst,
    );
    expect(wrongVariable.result.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(wrongVariable.result.data).toBeUndefined();
  });

  it("batches every widget's partner in one load per level, as graphql-js does", async () => {
    const { batches, result } = await run(
      subject,
      { query: "{ widgets { id partner { id partner { id } } } }" },
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    expect(batches).toEqual([["w2", "w3", "w4", "w1"]]);
  });

  it("compiles each distinct query operation once and leaves mutations and asynchronously resolved abstract types to graphql-js", async () => {
    expect(compiledExecution(schema).compiledOperations).toBe(0);
    const before = gateway.compiledOperations;
    const query = `{ widgets(first: 1) { id name } }`;
    await run(subject, { query }, TEST_IDENTITIES.analyst);
    await run(subject, { query }, TEST_IDENTITIES.analyst);
    expect(gateway.compiledOperations).toBe(before + 1);
    await run(subject, { query: 'mutation { renameWidget(id: "w2", name: "x") { id } }' }, TEST_IDENTITIES.admin);
    expect(gateway.compiledOperations).toBe(before + 1);
    // A type-graphql union with its own resolveType resolves asynchronously, which graphql-jit cannot await.
    const union = await run(subject, { query: "{ gadgets { __typename } }" }, TEST_IDENTITIES.analyst);
    expect(union.result).toEqual({ data: { gadgets: [{ __typename: "Widget" }, { __typename: "Gizmo" }] } });
    expect(gateway.compiledOperations).toBe(before + 1);
    // An interface without one resolves synchronously: compiled.
    const named = await run(subject, { query: "{ named { name } }" }, TEST_IDENTITIES.analyst);
    expect(named.result).toEqual({ data: { named: [{ name: "gizmo" }, { name: "widget 2" }] } });
    expect(gateway.compiledOperations).toBe(before + 2);
  });

  it("records the fields of every query operation in the context's selection, compiled or run by graphql-js, and none of a mutation", async () => {
    const before = gateway.compiledOperations;
    const compiled = await run(
      subject,
      { query: "{ widgets(first: 2) { id name ... on Named { name } partner { size } } }" },
      TEST_IDENTITIES.analyst,
    );
    expect(gateway.compiledOperations).toBe(before + 1);
    expect(compiled.selection.of("Widget")).toEqual(new Set(["id", "name", "partner", "size"]));
    expect(compiled.selection.of("Query")).toEqual(new Set(["widgets"]));

    // As the gateway sends it (compiled: the _Entity union's resolveType is synchronous).
    const entities = await run(
      subject,
      {
        query: "query E($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { note madeAt } } }",
        variables: { r: [{ __typename: "Widget", id: "w3" }] },
      },
      TEST_IDENTITIES.analyst,
    );
    expect(entities.result).toEqual({ data: { _entities: [{ note: "note 3", madeAt: "2026-01-03T12:00:00.000Z" }] } });
    expect(entities.selection.of("Widget")).toEqual(new Set(["note", "madeAt"]));
    expect(gateway.compiledOperations).toBe(before + 2);

    // A type-graphql union resolves its type asynchronously: graphql-js runs the operation.
    const union = await run(
      subject,
      { query: "{ gadgets { ... on Widget { size } ... on Gizmo { power } } }" },
      TEST_IDENTITIES.analyst,
    );
    expect(union.result).toEqual({ data: { gadgets: [{ size: 10 }, { power: 7 }] } });
    expect(gateway.compiledOperations).toBe(before + 2);
    expect(union.selection.of("Widget")).toEqual(new Set(["size"]));
    expect(union.selection.of("Gizmo")).toEqual(new Set(["power"]));

    const mutation = await run(
      subject,
      { query: 'mutation { renameWidget(id: "w3", name: "x") { id name } }' },
      TEST_IDENTITIES.admin,
    );
    expect(mutation.result.errors).toBeUndefined();
    expect(mutation.selection.known).toBe(false);
    expect(mutation.selection.of("Widget")).toBeUndefined();
  });

  it("keeps at most the operations it is allowed to", async () => {
    const small = compiledExecution(schema, { maxOperations: 2 });
    const server = apollo({ gateway: small });
    await server.start();
    try {
      for (const n of [1, 2, 3, 4]) {
        const response = await server.executeOperation(
          { query: `{ widgets(first: ${n}) { id } }` },
          { contextValue: context(TEST_IDENTITIES.analyst) },
        );
        expect(response.body.kind === "single" && response.body.singleResult.data?.widgets).toHaveLength(n);
      }
      expect(small.compiledOperations).toBe(2);
    } finally {
      await server.stop();
    }
  });
});

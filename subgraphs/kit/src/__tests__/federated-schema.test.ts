import "reflect-metadata";
import type { GraphQLObjectType } from "graphql";
import { buildSchema, graphql } from "graphql";
import type { MiddlewareFn } from "type-graphql";
import {
  Authorized,
  Directive,
  Field,
  FieldResolver,
  ID,
  InterfaceType,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from "type-graphql";
import { TEST_IDENTITIES } from "../testing";
import { buildFederatedSchema, plainFieldsOf } from "../schema/federated-schema";

const upperCase: MiddlewareFn = async (_data, next) => String(await next()).toUpperCase();

@InterfaceType({ description: "Something with a code." })
abstract class Coded {
  @Field({ description: "Its code." })
  code: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Coded, description: "A thing." })
class Thing extends Coded {
  @Field(() => ID, { description: "Its id." })
  id: string;

  @Field({ name: "label", description: "Its title, named label in the schema." })
  title: string;

  @Authorized("admin")
  @Field({ description: "Administrators only." })
  secret: string;

  @UseMiddleware(upperCase)
  @Field({ description: "Shouted." })
  shout: string;

  @Field({ description: "Worked out by a field resolver." })
  size: number;

  @Field({ description: "A getter." })
  get summary(): string {
    return `${this.code}: ${this.title}`;
  }
}

const thing = Object.assign(new Thing(), { id: "t1", code: "T1", title: "first", secret: "s", shout: "hey" });

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => Thing, { description: "The thing." })
  thing(): Thing {
    return thing;
  }

  @FieldResolver(() => Number, { description: "Its size." })
  size(@Root() root: Thing): number {
    return root.title.length;
  }
}

/** A base class of fields, as CodedRecord is for services, customers and providers. */
@ObjectType({ description: "A record with a code." })
abstract class CodedPart {
  @Field(() => ID, { description: "Its id." })
  id: string;

  @Field({ description: "Its code." })
  code: string;

  @Field({ description: "Worked out by a field resolver of the subclass." })
  weight: number;
}

@ObjectType({ description: "A part, with the fields it inherits." })
class Part extends CodedPart {
  @Field({ description: "Its name." })
  name: string;
}

const part = Object.assign(new Part(), { id: "p1", code: "P1", name: "bolt" });

@Resolver(() => Part)
class PartResolver {
  @Query(() => Part, { description: "The part." })
  part(): Part {
    return part;
  }

  @FieldResolver(() => Number, { description: "Its weight." })
  weight(@Root() root: Part): number {
    return root.name.length;
  }
}

describe("buildFederatedSchema", () => {
  it("gives the fields a class inherits the bare property read, and counts them as plain", async () => {
    const schema = await buildFederatedSchema({ resolvers: [PartResolver], referenceResolvers: {} });
    const fields = (schema.getType("Part") as GraphQLObjectType).getFields();
    const readers = Object.keys(fields).filter((name) => fields[name].resolve?.length === 1);
    expect(readers.sort()).toEqual(["code", "id", "name"]);
    const plain = plainFieldsOf(schema).get("Part");
    expect(["id", "code", "name", "weight"].map((field) => plain?.get(field))).toEqual([
      "id",
      "code",
      "name",
      undefined,
    ]);
    const result = await graphql({ schema, source: "{ part { id code name weight } }", contextValue: {} });
    expect(result).toEqual({ data: { part: { id: "p1", code: "P1", name: "bolt", weight: 4 } } });
  });

  it("gives plain fields a bare property read and keeps every resolver that does more", async () => {
    const schema = await buildFederatedSchema({
      resolvers: [ThingResolver],
      referenceResolvers: { Thing: { __resolveReference: () => thing } },
    });
    const fields = (schema.getType("Thing") as GraphQLObjectType).getFields();
    // type-graphql's resolvers take (root, args, context, info); the property reads take the root only.
    const readers = Object.keys(fields).filter((name) => fields[name].resolve?.length === 1);
    // A getter is registered by type-graphql as a field resolver of its own class: it keeps it.
    expect(readers.sort()).toEqual(["code", "id", "label"]);

    const result = await graphql({
      schema,
      source: "{ thing { id code label shout size summary secret } }",
      contextValue: { identity: TEST_IDENTITIES.admin },
    });
    expect(result).toEqual({
      data: {
        thing: { id: "t1", code: "T1", label: "first", shout: "HEY", size: 5, summary: "T1: first", secret: "s" },
      },
    });
    const refused = await graphql({
      schema,
      source: "{ thing { id secret } }",
      contextValue: { identity: TEST_IDENTITIES.analyst },
    });
    expect(refused.errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
  });

  it("keeps each schema's plain fields its own", async () => {
    const things = await buildFederatedSchema({
      resolvers: [ThingResolver],
      referenceResolvers: { Thing: { __resolveReference: () => thing } },
    });
    const parts = await buildFederatedSchema({ resolvers: [PartResolver], referenceResolvers: {} });
    expect(plainFieldsOf(things).get("Thing")?.get("label")).toBe("title");
    expect(plainFieldsOf(things).has("Part")).toBe(false);
    expect(plainFieldsOf(parts).has("Thing")).toBe(false);
    expect(plainFieldsOf(parts).get("Part")?.get("code")).toBe("code");
    // A schema not built here has none.
    expect(plainFieldsOf(buildSchema("type Query { part: String }")).size).toBe(0);
  });
});

import "reflect-metadata";
import { parse } from "graphql";
import { Field, ID, ObjectType, Query, Resolver, FieldResolver, Root } from "type-graphql";
import { Column, DataSource, Entity, PrimaryColumn } from "typeorm";
import { loadTestDatabaseSettings } from "../config";
import { findAligned, findGrouped } from "../data/batch";
import { readMany } from "../data/plain-rows";
import type { Projection } from "../data/projection";
import { projectedColumns } from "../data/projection";
import { buildFederatedSchema, plainFieldsOf } from "../schema/federated-schema";
import { keysetOrder } from "../schema/keyset-order";
import { paginate } from "../schema/pagination";
import { fieldsByType, OperationSelection, selectionOf } from "../schema/selected-fields";
import { createTestDatabase } from "../testing";

@ObjectType("ProjectedGroup", { description: "A group." })
class ProjectedGroup {
  @Field(() => ID, { description: "Id." })
  id: string;
}

@ObjectType("ProjectedItem", { description: "An item." })
@Entity("projected_items")
class Item {
  @Field(() => ID, { description: "Id." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field({ description: "Code." })
  @Column({ type: "varchar", length: 40 })
  code: string;

  @Field({ description: "Name." })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: "Note." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Column({ type: "varchar", length: 36 })
  groupId: string;

  @Field({ description: "Created." })
  @Column({ type: "datetime" })
  createdAt: Date;

  @Field(() => ProjectedGroup, { description: "Its group (a getter)." })
  get group(): ProjectedGroup {
    return { id: this.groupId };
  }
}

@Resolver(() => Item)
class ItemResolver {
  @Query(() => [Item], { description: "Items." })
  items(): Item[] {
    return [];
  }

  @FieldResolver(() => String, { description: "Code and name (reads both)." })
  label(@Root() item: Item): string {
    return `${item.code} ${item.name}`;
  }
}

describe("reads of only the columns an operation selects", () => {
  let dataSource: DataSource;
  let schema: Awaited<ReturnType<typeof buildFederatedSchema>>;
  const repo = () => dataSource.getRepository(Item);
  const rows = Array.from({ length: 6 }, (_, i) => ({
    id: `i${i}`,
    code: `C${i % 3}`,
    name: `name ${i}`,
    note: i % 2 ? `note ${i}` : null,
    groupId: `g${i % 2}`,
    createdAt: new Date(Date.UTC(2026, 0, i + 1, 12)),
  }));
  const selection = (document: string) => {
    const s = new OperationSelection();
    s.record(fieldsByType(schema, parse(document)), plainFieldsOf(schema));
    return s;
  };
  const projection: Projection = { typeName: "ProjectedItem", always: ["code"], derived: { group: ["groupId"] } };
  const names = (document: string) =>
    projectedColumns(repo().metadata, selection(document), projection)?.map((c) => c.propertyName);

  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [ItemResolver], referenceResolvers: {} });
    const mariadb = loadTestDatabaseSettings().driver === "mariadb";
    dataSource = await new DataSource(
      mariadb
        ? {
            type: "mariadb",
            url: await createTestDatabase("projection"),
            entities: [Item],
            synchronize: true,
            timezone: "Z",
          }
        : { type: "better-sqlite3", database: ":memory:", entities: [Item], synchronize: true },
    ).initialize();
    await repo().save(rows.map((row) => repo().create(row)));
  });
  afterAll(() => dataSource.destroy());

  it("collects the fields selected on each type, through fragments and abstract types", () => {
    const fields = fieldsByType(
      schema,
      parse("query { items { __typename name ...F } } fragment F on ProjectedItem { group { id } }"),
    );
    expect(fields.get("ProjectedItem")).toEqual(new Set(["name", "group"]));
    expect(fields.get("ProjectedGroup")).toEqual(new Set(["id"]));
    expect(fields.get("Query")).toEqual(new Set(["items"]));
  });

  it("a context's selection is the one it carries", () => {
    const s = new OperationSelection();
    expect(selectionOf({ selection: s })).toBe(s);
    expect(selectionOf({})).toBeUndefined();
    expect(s.of("ProjectedItem")).toBeUndefined();
  });

  it("projects plain fields and declared getters, with the primary and always-read columns", () => {
    expect(names("{ items { name } }")).toEqual(["id", "code", "name"]);
    expect(names("{ items { name group { id } } }")).toEqual(["id", "code", "name", "groupId"]);
  });

  it("reads whole rows for a field resolver it does not know, an unknown selection or an unselected type", () => {
    expect(names("{ items { name label } }")).toBeUndefined();
    expect(projectedColumns(repo().metadata, undefined, projection)).toBeUndefined();
    expect(projectedColumns(repo().metadata, new OperationSelection(), projection)).toBeUndefined();
  });

  it("with alwaysWhenUnselected, an operation that does not select the type reads the always-read columns", () => {
    const unselected = selection("{ __typename }");
    expect(projectedColumns(repo().metadata, unselected, projection)).toBeUndefined();
    const ids = projectedColumns(repo().metadata, unselected, { ...projection, alwaysWhenUnselected: true });
    expect(ids?.map((c) => c.propertyName)).toEqual(["id", "code"]);
  });

  it("projected reads give the selected columns' values as whole-row reads do, the others undefined", async () => {
    const select = projectedColumns(repo().metadata, selection("{ items { name createdAt } }"), projection);
    const whole = await repo().find({ order: { id: "ASC" } });
    const expected = whole.map(({ id, code, name, createdAt }) => ({ id, code, name, createdAt }));
    const clean = (items: (Item | null)[]) =>
      items.map((item) => item && Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)));
    const ids = whole.map((item) => item.id);
    expect(clean(await findAligned(repo(), "id", ids, {}, select))).toEqual(expected);
    expect(clean(await readMany(repo().createQueryBuilder("item").orderBy("item.id"), select))).toEqual(expected);
    const grouped = await findGrouped(repo(), "groupId", ["g0"], undefined, {}, select);
    expect(grouped[0].map((item) => item.id).sort()).toEqual(["i0", "i2", "i4"]);
    expect(grouped[0].every((item) => item.groupId === "g0" && item.note === undefined)).toBe(true);
    expect((await findAligned(repo(), "id", ["i1"], {}, select))[0]).toBeInstanceOf(Item);
    const page = await paginate(
      repo().createQueryBuilder("item"),
      { first: 4, after: null },
      keysetOrder("item", "code"),
      select,
    );
    expect(clean(page.nodes)).toEqual(
      [...expected].sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id)).slice(0, 4),
    );
    expect(await page.totalCount).toBe(6);
  });
});

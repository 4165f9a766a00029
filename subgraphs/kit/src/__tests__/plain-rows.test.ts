import {
  Column,
  CreateDateColumn,
  DataSource,
  Entity,
  In,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { loadTestDatabaseSettings } from "../config";
import { findAligned, findGrouped } from "../data/batch";
import { readMany, readsPlainRows } from "../data/plain-rows";
import { paginate } from "../schema/pagination";
import { keysetOrder } from "../schema/keyset-order";
import { createTestDatabase } from "../testing";

/** Every kind of column the subgraphs' entities use, each with a conversion of its own on some driver. */
@Entity("plain_rows")
@Index(["code", "id"])
class PlainRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 40 })
  code: string;

  @Column({ type: "varchar", length: 36 })
  groupId: string;

  @Column({ type: "text", nullable: true })
  note: string | null;

  @Column({ type: "simple-enum", enum: ["LOW", "HIGH"] })
  level: "LOW" | "HIGH";

  // Numeric members: the drivers turn the stored text back into numbers.
  @Column({ type: "simple-enum", enum: [1, 2, 3] })
  rank: 1 | 2 | 3;

  @Column({ type: "boolean", default: false })
  active: boolean;

  @Column({ type: "int", nullable: true })
  count: number | null;

  @Column({ type: "double" })
  ratio: number;

  // Money as the subgraphs keep it: an exact decimal string whatever the driver gives back.
  @Column({
    type: "decimal",
    precision: 12,
    scale: 2,
    transformer: {
      to: (v: string) => v,
      from: (v: string | number | null) => (v === null ? null : Number(v).toFixed(2)),
    },
  })
  amount: string;

  @Column({ type: "date", nullable: true })
  day: string | null;

  @Column({ type: "simple-json", nullable: true })
  extra: { tags: string[] } | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

const rows: Partial<PlainRow>[] = Array.from({ length: 12 }, (_, i) => ({
  id: `id-${String(i).padStart(2, "0")}`,
  code: `C${i % 5}`, // ties between codes: the id orders them
  groupId: `g${i % 3}`,
  note: i % 2 ? `note ${i}` : null,
  level: i % 2 ? "HIGH" : "LOW",
  rank: ((i % 3) + 1) as 1 | 2 | 3,
  active: i % 3 === 0,
  count: i % 4 ? i : null,
  ratio: i / 7,
  amount: `${i * 100}.5${i % 10}`,
  day: i % 2 ? `2026-0${(i % 9) + 1}-1${i % 10}` : null,
  extra: i % 3 ? { tags: [`t${i}`] } : null,
}));

describe("plain-row reads give the entities TypeORM's own loading gives", () => {
  let dataSource: DataSource;
  const repo = () => dataSource.getRepository(PlainRow);

  beforeAll(async () => {
    const mariadb = loadTestDatabaseSettings().driver === "mariadb";
    dataSource = await new DataSource(
      mariadb
        ? {
            type: "mariadb",
            url: await createTestDatabase("plain_rows"),
            entities: [PlainRow],
            synchronize: true,
            timezone: "Z",
            supportBigNumbers: true,
            bigNumberStrings: true,
          }
        : { type: "better-sqlite3", database: ":memory:", entities: [PlainRow], synchronize: true },
    ).initialize();
    await repo().save(rows.map((row) => repo().create(row)));
  });
  afterAll(() => dataSource.destroy());

  it("reads such an entity as plain rows", () => {
    expect(readsPlainRows(repo().metadata)).toBe(true);
  });

  it("readMany: the same entities, of the entity's class, in the query's order", async () => {
    const query = () =>
      repo()
        .createQueryBuilder("row")
        .where("row.level = :level", { level: "HIGH" })
        .orderBy("row.code")
        .addOrderBy("row.id");
    const plain = await readMany(query());
    expect(plain).toEqual(await query().getMany());
    expect(plain).toHaveLength(6);
    expect(plain.every((row) => row instanceof PlainRow)).toBe(true);
    expect(plain.map((row) => row.id)).toEqual(["id-05", "id-01", "id-11", "id-07", "id-03", "id-09"]);
    expect(plain[1]).toEqual(
      expect.objectContaining({ amount: "100.51", active: false, rank: 2, extra: { tags: ["t1"] } }),
    );
  });

  it("readMany leaves a partial selection or a join to getMany (same result)", async () => {
    const partial = () => repo().createQueryBuilder("row").select(["row.id", "row.code"]).orderBy("row.id");
    expect(await readMany(partial())).toEqual(await partial().getMany());
    const joined = () =>
      repo()
        .createQueryBuilder("row")
        .innerJoin(PlainRow, "other", "other.groupId = row.groupId AND other.id <> row.id")
        .orderBy("row.id");
    expect(await readMany(joined())).toEqual(await joined().getMany());
  });

  it("findAligned and findGrouped: the rows findBy gives, aligned with / grouped under the keys", async () => {
    const ids = ["id-03", "missing", "id-00", "id-11"];
    const byId = new Map((await repo().findBy({ id: In(ids) })).map((row) => [row.id, row]));
    expect(await findAligned(repo(), "id", ids)).toEqual(ids.map((id) => byId.get(id) ?? null));
    const groups = ["g2", "none", "g0"];
    const grouped = await findGrouped(repo(), "groupId", groups);
    for (const [i, group] of groups.entries()) {
      const expected = await repo().findBy({ groupId: group });
      expect(grouped[i].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        expected.sort((a, b) => a.id.localeCompare(b.id)),
      );
    }
  });

  it("findAligned and findGrouped with conditions: equal to a value or In a list, as findBy gives", async () => {
    const ids = ["id-01", "id-02", "id-03", "id-05", "missing"];
    for (const where of [
      { level: "HIGH" as const },
      { code: In(["C1", "C3"]) },
      { groupId: "g0", level: "LOW" as const },
    ]) {
      const matching = new Map((await repo().findBy({ ...where, id: In(ids) })).map((row) => [row.id, row]));
      expect(await findAligned(repo(), "id", ids, where)).toEqual(ids.map((id) => matching.get(id) ?? null));
    }
    // The key column among the conditions: findBy's own semantics (the keys replace it).
    expect(await findAligned(repo(), "id", ["id-01"], { id: "id-02" })).toEqual(
      await repo().findBy({ id: In(["id-01"]) }),
    );
    const grouped = await findGrouped(repo(), "groupId", ["g1"], (row) => row.id, { level: In(["LOW"]) });
    expect(grouped[0].sort()).toEqual(
      (await repo().findBy({ groupId: "g1", level: "LOW" })).map((row) => row.id).sort(),
    );
  });

  it("reads inside a transaction see its own writes, and nothing of them after a rollback", async () => {
    const inside = await dataSource
      .transaction(async (manager) => {
        await manager.update(PlainRow, { id: "id-04" }, { note: "changed" });
        const [aligned] = await findAligned(manager.getRepository(PlainRow), "id", ["id-04"]);
        const [listed] = await readMany(
          manager.getRepository(PlainRow).createQueryBuilder("row").where("row.id = 'id-04'"),
        );
        throw Object.assign(new Error("roll back"), { seen: [aligned?.note, listed?.note] });
      })
      .catch((error: { seen?: unknown }) => error.seen);
    expect(inside).toEqual(["changed", "changed"]);
    expect((await findAligned(repo(), "id", ["id-04"]))[0]?.note).toBeNull();
  });

  it("paginate walks every row once, in (code, id) order, through pages read as plain rows", async () => {
    const order = keysetOrder<PlainRow>("row", "code");
    const seen: PlainRow[] = [];
    let after: [string | number, string] | null = null;
    for (;;) {
      const page = await paginate(repo().createQueryBuilder("row"), { first: 5, after }, order);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = order.position(page.nodes[page.nodes.length - 1]);
    }
    const all = await repo().createQueryBuilder("row").orderBy("row.code").addOrderBy("row.id").getMany();
    expect(seen).toEqual(all);
  });
});

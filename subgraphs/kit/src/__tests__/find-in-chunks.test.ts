import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { findInChunks, KEYS_PER_QUERY } from "../data/find-in-chunks";
import { NamedLock } from "../write/named-lock";
import { locksDatabase } from "./support/locks-database";

describe("findInChunks", () => {
  let dataSource: DataSource;
  const names = Array.from({ length: 40_000 }, (_, i) => `lock-${i}`);

  beforeAll(async () => {
    dataSource = await locksDatabase();
    const repository = dataSource.getRepository(NamedLock);
    for (let i = 0; i < names.length; i += 1_000) {
      const rows = names.slice(i, i + 1_000).map((name, j) => ({ name, acquisitions: String((i + j) % 2) }));
      await repository.createQueryBuilder().insert().values(rows).updateEntity(false).execute();
    }
  });
  afterAll(() => dataSource.destroy());
  afterEach(() => jest.restoreAllMocks());

  it("reads a key list longer than SQLite binds in one statement, one query per chunk", async () => {
    const repository = dataSource.getRepository(NamedLock);
    await expect(repository.findBy({ name: In(names) })).rejects.toThrow(/too many SQL variables/);
    const query = jest.spyOn(repository, "findBy");
    const rows = await findInChunks(repository, "name", [...names, "missing"]);
    expect(query).toHaveBeenCalledTimes(Math.ceil((names.length + 1) / KEYS_PER_QUERY));
    expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
  });

  it("keeps the other conditions on every chunk", async () => {
    const rows = await findInChunks(dataSource.getRepository(NamedLock), "name", names, { acquisitions: "1" });
    expect(rows).toHaveLength(names.length / 2);
    expect(rows.every((r) => Number(r.name.slice(5)) % 2 === 1)).toBe(true);
  });

  it("asks nothing for no keys", async () => {
    const repository = dataSource.getRepository(NamedLock);
    const query = jest.spyOn(repository, "findBy");
    expect(await findInChunks(repository, "name", [])).toEqual([]);
    expect(query).not.toHaveBeenCalled();
  });
});

import mysql from "mysql2/promise";
import type { DataSource } from "typeorm";
import { EntityManager } from "typeorm";
import { HistoryEntry } from "../write/history";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SubgraphConfig } from "../config";
import type { SubgraphName, Identity } from "@itsm/runtime";
import { loadSubgraphConfig, loadTestDatabaseSettings } from "../config";
import { ANONYMOUS } from "@itsm/runtime";

/** Prefix of every database the tests create, so a teardown can find them all. */
export const TEST_DATABASE_PREFIX = "itsm_test_";

/** The internal secret of this test process: what the gateway and subgraphs under test share. */
export const TEST_INTERNAL_SECRET = randomBytes(32).toString("base64url");

/** A subgraph configuration with an in-memory embedded database and no logs (tests and scripts). */
export function inMemoryConfig(name: SubgraphName): SubgraphConfig {
  return loadSubgraphConfig(name, {
    DATA_DIR: ":memory:",
    LOG_LEVEL: "silent",
    INTERNAL_AUTH_SECRET: TEST_INTERNAL_SECRET,
  });
}

/** One identity of each role, for tests (the partner acts for customers CUST-A… as given). */
export const TEST_IDENTITIES = {
  admin: { subject: "test-admin", role: "admin", customerCodes: [] },
  editor: { subject: "test-editor", role: "editor", customerCodes: [] },
  analyst: { subject: "test-analyst", role: "analyst", customerCodes: [] },
  anonymous: ANONYMOUS,
} as const satisfies Record<string, Identity>;

/** A partner identity acting for the customers with these codes. */
export function partnerIdentity(...customerCodes: string[]): Identity {
  return { subject: `test-partner-${customerCodes.join("+")}`, role: "partner", customerCodes };
}

/** Creates an empty database on the test MariaDB server and returns its URL. */
export async function createTestDatabase(label: string): Promise<string> {
  const { serverUrl } = loadTestDatabaseSettings();
  if (!serverUrl) throw new Error("ITSM_TEST_MARIADB_URL is not set");
  // Jest runs test files of one worker in one process, each with fresh modules: a counter would repeat.
  const database = `${TEST_DATABASE_PREFIX}${label}_${randomBytes(4).toString("hex")}`;
  const connection = await mysql.createConnection(serverUrl);
  try {
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  return new URL(database, serverUrl.endsWith("/") ? serverUrl : `${serverUrl}/`).toString();
}

/** Drops every database the tests created on the test MariaDB server. */
export async function dropTestDatabases(): Promise<void> {
  const { serverUrl } = loadTestDatabaseSettings();
  if (!serverUrl) return;
  const connection = await mysql.createConnection(serverUrl);
  try {
    const [rows] = await connection.query("SHOW DATABASES LIKE 'itsm\\_test\\_%'");
    for (const row of rows as Record<string, string>[]) {
      await connection.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
    }
  } finally {
    await connection.end();
  }
}

/**
 * The configuration database-backed tests run with: the in-memory embedded database, or (with
 * ITSM_TEST_DB=mariadb) a fresh MariaDB database migrated to head and loaded with the sample.
 */
export async function testConfig(name: SubgraphName): Promise<SubgraphConfig> {
  if (loadTestDatabaseSettings().driver === "sqlite") return inMemoryConfig(name);
  return loadSubgraphConfig(name, {
    [`${name.toUpperCase()}_DATABASE_URL`]: await createTestDatabase(name),
    LOG_LEVEL: "silent",
    MIGRATE_ON_START: "true",
    SEED_ON_START: "true",
    INTERNAL_AUTH_SECRET: TEST_INTERNAL_SECRET,
  });
}

/** The committed SDL of a subgraph, `schema/<name>.graphql` at the repository root. */
export function committedSdl(name: string): string {
  return readFileSync(join(__dirname, "..", "..", "..", "..", "schema", `${name}.graphql`), "utf8");
}

/** An `_entities` query for the representations given, selecting `fields` on `typename`. */
export const ENTITIES_QUERY = (typename: string, fields: string) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${fields} } } }`;

/** What `SubgraphServer.execute` answers. */
export interface ExecutionResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** The one error of a failed mutation, after checking it failed as a whole (no data). */
export function failure(result: ExecutionResult, code: string) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors ?? [];
  expect(error.extensions?.code).toBe(code);
  expect(result.data ?? null).toBeNull();
  return error;
}

/** The paths of the invalid fields of a BAD_USER_INPUT answer, in order. */
export function invalidPaths(result: ExecutionResult): string[] {
  const error = failure(result, "BAD_USER_INPUT");
  return (error.extensions?.fields as { path: string }[]).map((f) => f.path);
}

/** Every row of every table of a data source, ordered by primary key: compare before and after a failing change. */
export async function snapshotTables(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables = dataSource.entityMetadatas.map((meta) => ({
    name: meta.tableName,
    order: meta.primaryColumns.map((c) => c.databaseName).join(", "),
  }));
  const rows = await Promise.all(tables.map((t) => dataSource.query(`SELECT * FROM ${t.name} ORDER BY ${t.order}`)));
  return Object.fromEntries(tables.map((t, i) => [t.name, withoutBookkeeping(t.name, rows[i] as object[])]));
}

/**
 * Columns that change by design when nothing else does: taking a named lock always increments its
 * row's counter (so that a Galera cluster certifies it), even in a transaction that then refuses.
 */
const BOOKKEEPING: Record<string, string[]> = { locks: ["acquisitions"] };

/** `rows` of `table` without the columns that change by design (see BOOKKEEPING). */
export function withoutBookkeeping(table: string, rows: object[]): object[] {
  const columns = BOOKKEEPING[table];
  if (!columns) return rows;
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !columns.includes(column))));
}

/** The history selection the mutation tests read. */
export const HISTORY_FIELDS = "history { actor action version at changes { field from to } }";

/**
 * Makes writes to the audit trail fail (every one, or those `when` picks) until the returned spy
 * is restored, so that a mutation fails after it has written everything else.
 */
export function failHistoryWrites(when: (entry: Partial<HistoryEntry>) => boolean = () => true) {
  const insert = EntityManager.prototype.insert;
  return jest.spyOn(EntityManager.prototype, "insert").mockImplementation(function (this: EntityManager, ...args) {
    if (args[0] === HistoryEntry && when(args[1] as Partial<HistoryEntry>)) {
      return Promise.reject(new Error("disk full"));
    }
    return insert.apply(this, args);
  });
}

/**
 * Makes each change while every write to the audit trail fails: each must fail as a whole with the
 * masked INTERNAL_SERVER_ERROR after writing everything else, and leave every table as it was.
 */
export async function changesFailingLateWriteNothing(
  dataSource: DataSource,
  changes: (() => Promise<ExecutionResult>)[],
): Promise<void> {
  const before = await snapshotTables(dataSource);
  const spy = failHistoryWrites();
  try {
    for (const change of changes) {
      const historyWrites = spy.mock.calls.filter(([target]) => target === HistoryEntry).length;
      expect(failure(await change(), "INTERNAL_SERVER_ERROR").message).toBe("Internal server error");
      // It failed late: at its audit entry, after everything else was written.
      expect(spy.mock.calls.filter(([target]) => target === HistoryEntry).length).toBeGreaterThan(historyWrites);
    }
  } finally {
    spy.mockRestore();
  }
  expect(await snapshotTables(dataSource)).toEqual(before);
}

/** One entry of a record's `history` as the mutation tests read it (`HISTORY_FIELDS`). */
export interface HistoryRow {
  actor: string;
  action: string;
  version: number | null;
  at: string;
  changes: { field: string; from: string | null; to: string | null }[];
}

/** A value as the audit trail shows it: JSON text, or null when unset. */
const auditJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/**
 * The history entry a mutation test expects (compare with `toEqual`): `changes` names each field
 * with its value before and after, written as values (the entry holds them as JSON text).
 */
export function historyEntry(
  action: string,
  version: number | null,
  changes: Record<string, [from: unknown, to: unknown]>,
  actor: string = TEST_IDENTITIES.editor.subject,
) {
  return {
    actor,
    action,
    version,
    at: expect.any(String) as unknown as string,
    changes: Object.entries(changes).map(([field, [from, to]]) => ({
      field,
      from: auditJson(from),
      to: auditJson(to),
    })),
  };
}

/** The "created" entry (version 1) of a record created with these field values, in audit order. */
export function createdEntry(values: Record<string, unknown>, actor?: string) {
  const changes = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, [null, value]]));
  return historyEntry("created", 1, changes as Record<string, [unknown, unknown]>, actor);
}

/**
 * Runs a change that must fail as a whole with CONFLICT, and checks that it left every table of
 * `dataSource` as it was; returns the error for the test's own checks.
 */
export async function conflictWritingNothing(dataSource: DataSource, change: () => Promise<ExecutionResult>) {
  const before = await snapshotTables(dataSource);
  const error = failure(await change(), "CONFLICT");
  expect(await snapshotTables(dataSource)).toEqual(before);
  return error;
}

/** The message of the CONFLICT of a change made at a version the record has moved past. */
export const staleVersionMessage = (typeName: string, id: string, expected: number, current: number) =>
  `${typeName} "${id}" has changed since version ${expected} (it is at version ${current}); reload it and try again`;

export * from "./fake-subgraph";
export * from "./concurrent-changes";
export * from "./fake-claims";
export * from "./harness";
export * from "./version-conflicts";
export * from "./operation-data";
export * from "./test-server";
export * from "./unique-codes";
export * from "./invalid-input";
export * from "./updated-record";
export * from "./mutation-documents";
export * from "./claim-checks";
export * from "./projection-parity";

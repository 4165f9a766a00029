// The graph scaled out on a 3-node MariaDB Galera cluster (npm run test:cluster): cross-node races end
// with one winner and CONFLICTs, reads see writes made through another node, and a node that
// crashes under load costs only the requests in flight on it, loses no acknowledged write, and
// rejoins.
import { lockNamed } from "@itsm/kit";
import { TEST_IDENTITIES } from "@itsm/kit/testing";
import mysql from "mysql2/promise";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GraphResponse } from "../support/cluster-graph";
import { as, atPort, Graph, killNode, post, rejoinNode, signedAs, startedForSuite } from "../support/cluster-graph";
import type { Data } from "../support/writes";
import {
  expectOneOwnerUpdateWon,
  makeActivatable,
  newLiveService as createLiveService,
  succeedingCalls,
  unique,
} from "../support/writes";

const graph = startedForSuite(new Graph(), 180_000);
const EDITOR = as("editor");

const ok = succeedingCalls(graph, EDITOR);

/** A call to one replica of a subgraph (and so to one node), as the gateway makes it. */
function viaReplica(name: "catalog" | "agreements", index: number, query: string, variables?: Record<string, unknown>) {
  // Signed per call: a signed identity is short-lived, as the gateway's are.
  return post<Data>(graph.replicaUrl(name, index), query, variables, signedAs(TEST_IDENTITIES.editor));
}

const code = (response: GraphResponse<Data>) => response.errors?.[0]?.extensions?.code as string | undefined;

const newLiveService = () =>
  createLiveService(ok, "GAL_", { description: "Created by the cluster test.", owner: "Cluster team" });

/** A connection to `name`'s database on one node. */
function connectTo(name: "catalog" | "agreements", nodeIndex: number) {
  const node = graph.nodes.find((n) => n.index === nodeIndex)!;
  return mysql.createConnection(atPort(graph.databaseUrls.get(name)!, node.port));
}

const UPDATE = `mutation ($input: UpdateServiceInput!) { updateService(input: $input) { version owner } }`;

describe("a Galera cluster under the graph", () => {
  it("the named lock conflicts across nodes: of two transactions taking it on two nodes, one commits", async () => {
    const [first, second] = await Promise.all([connectTo("catalog", 1), connectTo("catalog", 2)]);
    try {
      const managerOf = (connection: mysql.Connection) =>
        ({
          connection: { options: { type: "mariadb" } },
          query: (sql: string, parameters: unknown[]) => connection.query(sql, parameters),
        }) as unknown as Parameters<typeof lockNamed>[0];
      const name = unique("cluster-test:");
      // Twice: once creating the lock row, once with the row already there (where a lock that
      // wrote nothing let both commit).
      for (let round = 0; round < 2; round++) {
        await first.query("START TRANSACTION");
        await second.query("START TRANSACTION");
        await lockNamed(managerOf(first), name);
        await lockNamed(managerOf(second), name);
        await first.query("COMMIT");
        await expect(second.query("COMMIT")).rejects.toMatchObject({ errno: 1213 });
      }
      const [rows] = await first.query("SELECT acquisitions FROM locks WHERE name = ?", [name]);
      expect(String((rows as { acquisitions: string }[])[0].acquisitions)).toBe("2");
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it("twenty updates at the same version, spread over two nodes: one wins, nineteen CONFLICT", async () => {
    const service = await newLiveService();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        viaReplica("catalog", i % 2, UPDATE, {
          input: { id: service.id, expectedVersion: service.version, owner: `Owner ${i}` },
        }),
      ),
    );
    expect(responses.map(code).filter((c) => c !== undefined && c !== "CONFLICT")).toEqual([]);
    await expectOneOwnerUpdateWon(ok, service, responses);
  });

  it("two dependency edges closing a cycle, added on two nodes at once: one is added, the other CONFLICT", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([newLiveService(), newLiveService()]);
      const link = `mutation ($input: ServiceDependencyInput!) { addServiceDependency(input: $input) { id } }`;
      const responses = await Promise.all([
        viaReplica("catalog", 0, link, { input: { serviceId: a.id, dependsOnId: b.id } }),
        viaReplica("catalog", 1, link, { input: { serviceId: b.id, dependsOnId: a.id } }),
      ]);
      expect(responses.filter((r) => !r.errors)).toHaveLength(1);
      expect(responses.filter((r) => r.errors).map(code)).toEqual(["CONFLICT"]);
    }
    // No cycle anywhere (of any length) in what the database holds.
    const connection = await connectTo("catalog", 3);
    try {
      const [rows] = await connection.query(
        "WITH RECURSIVE reach (origin, target) AS (SELECT serviceId, dependsOnId FROM service_dependencies " +
          "UNION SELECT reach.origin, d.dependsOnId FROM reach JOIN service_dependencies d ON d.serviceId = reach.target) " +
          "SELECT COUNT(*) AS cycles FROM reach WHERE origin = target",
      );
      expect(Number((rows as { cycles: number }[])[0].cycles)).toBe(0);
    } finally {
      await connection.end();
    }
  });

  it("a retirement on one node against an activation on another: never both, and no ACTIVE agreement on a RETIRED service", async () => {
    const customerId = (await ok(`{ customerByCode(code: "FINANCE") { id } }`)).customerByCode.id;
    const providerId = (await ok(`{ providerByCode(code: "CORP_IT") { id } }`)).providerByCode.id;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    for (let round = 0; round < 6; round++) {
      const service = await newLiveService();
      const draft = (
        await ok(`mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`, {
          input: {
            number: unique("SLA-GAL-"),
            title: "Agreement under a cluster race",
            description: "Created by the cluster test.",
            type: "SLA",
            effectiveFrom: day(-1),
            effectiveTo: day(365),
            providerId,
            customerIds: [customerId],
            services: [{ serviceId: service.id, description: "As agreed.", serviceHours: "24x7" }],
          },
        })
      ).createAgreement;
      await makeActivatable(ok, draft.id, service.id);
      const [activation, retirement] = await Promise.all([
        viaReplica(
          "agreements",
          round % 2,
          `mutation ($id: ID!) { activateAgreement(input: { id: $id }) { status } }`,
          { id: draft.id },
        ),
        viaReplica(
          "catalog",
          (round + 1) % 2,
          `mutation ($id: ID!, $v: Int!) { setServiceLifecycle(input: { id: $id, lifecycle: RETIRED, expectedVersion: $v }) { lifecycle } }`,
          { id: service.id, v: service.version },
        ),
      ]);
      expect([activation, retirement].filter((r) => !r.errors).length).toBe(1);
      expect([activation, retirement].filter((r) => r.errors).map(code)).toEqual(["CONFLICT"]);
    }
    const [catalog, agreements] = await Promise.all([connectTo("catalog", 2), connectTo("agreements", 3)]);
    try {
      const [retired] = await catalog.query("SELECT id FROM services WHERE lifecycle = 'RETIRED'");
      const ids = (retired as { id: string }[]).map((r) => r.id);
      const [active] = ids.length
        ? await agreements.query(
            "SELECT a.number FROM agreements a JOIN agreement_services s ON s.agreementId = a.id WHERE a.status = 'ACTIVE' AND s.serviceId IN (?)",
            [ids],
          )
        : [[]];
      expect(active).toEqual([]);
    } finally {
      await Promise.all([catalog.end(), agreements.end()]);
    }
  });

  it("reads its writes through another replica on another node at once (wsrep_sync_wait)", async () => {
    const service = await newLiveService();
    let version = service.version;
    for (let i = 0; i < 20; i++) {
      const written = await viaReplica("catalog", i % 2, UPDATE, {
        input: { id: service.id, expectedVersion: version, owner: `Reader ${i}` },
      });
      expect(written.errors).toBeUndefined();
      version = written.data!.updateService.version;
      const read = await viaReplica("catalog", (i + 1) % 2, `{ service(id: "${service.id}") { version owner } }`);
      expect(read.data!.service).toEqual({ version, owner: `Reader ${i}` });
    }
  });

  it("a node killed under load: requests keep being answered, no acknowledged write is lost, the node rejoins", async () => {
    const victim = graph.replicaNode("catalog", 1);
    const services = await Promise.all(Array.from({ length: 4 }, () => newLiveService()));
    const acknowledged: { id: string; version: number }[] = [];
    const outcomes: { at: number; kind: "read" | "write"; code?: string }[] = [];
    const started = Date.now();
    let killedAt = 0;
    const worker = async (service: { id: string; version: number }) => {
      let version = service.version;
      while (Date.now() - started < 8_000) {
        const written = await graph.query<Data>(
          UPDATE,
          { input: { id: service.id, expectedVersion: version, owner: `Load ${version}` } },
          EDITOR,
        );
        outcomes.push({ at: Date.now(), kind: "write", code: code(written) });
        if (!written.errors) {
          version = written.data!.updateService.version;
          acknowledged.push({ id: service.id, version });
        }
        const read = await graph.query<Data>(`{ service(id: "${service.id}") { version } }`, undefined, EDITOR);
        outcomes.push({ at: Date.now(), kind: "read", code: code(read) });
        // After a failed write, go on from what the database holds.
        if (read.data?.service) version = read.data.service.version;
      }
    };
    const kill = new Promise<void>((resolve) =>
      setTimeout(() => {
        killedAt = Date.now();
        killNode(victim);
        resolve();
      }, 2_000),
    );
    await Promise.all([...services.map(worker), kill]);

    // Every request got an answer; the only errors are unavailability around the crash (requests in
    // flight on the dead node) or a CONFLICT — never an internal error — and none once failed over.
    expect(outcomes.length).toBeGreaterThan(40);
    const failed = outcomes.filter((o) => o.code);
    expect(failed.filter((o) => o.code !== "SERVICE_UNAVAILABLE" && o.code !== "CONFLICT")).toEqual([]);
    expect(failed.filter((o) => o.at > killedAt + 3_000)).toEqual([]);
    expect(outcomes.filter((o) => !o.code && o.at > killedAt + 3_000).length).toBeGreaterThan(10);

    // Every acknowledged write has its history row.
    for (const service of services) {
      const history = (await ok(`{ service(id: "${service.id}") { history { action version } } }`)).service.history as {
        action: string;
        version: number;
      }[];
      const recorded = new Set(history.filter((h) => h.action === "updated").map((h) => h.version));
      const expected = acknowledged.filter((a) => a.id === service.id).map((a) => a.version);
      expect(expected.filter((v) => !recorded.has(v))).toEqual([]);
    }

    // The node comes back by an incremental state transfer and holds the writes it missed.
    rejoinNode(victim);
    const log = readFileSync(join(victim.dir, "mariadbd.log"), "utf8");
    expect(log.slice(log.lastIndexOf("Starting MariaDB"))).toMatch(/IST received|Receiving IST/);
    const connection = await connectTo("catalog", victim.index);
    try {
      await connection.query("SET SESSION wsrep_sync_wait = 1");
      const last = acknowledged[acknowledged.length - 1];
      const [rows] = await connection.query("SELECT version FROM services WHERE id = ?", [last.id]);
      expect(Number((rows as { version: number }[])[0].version)).toBeGreaterThanOrEqual(last.version);
    } finally {
      await connection.end();
    }
  }, 120_000);
});

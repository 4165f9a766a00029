import type { Identity } from "@itsm/kit";
import { INTERNAL_IDENTITY_HEADER, sampleId, verifyIdentity } from "@itsm/kit";
import { TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { sampleAgreements } from "../../sample/agreements.sample";

/** What a fake peer answers: entities as asked, GraphQL errors, or nothing (the connection drops). */
export type FakeMode = "answer" | "errors" | "drop";

export type PeerName = "catalog" | "customers";

export interface ServiceRecord {
  code: string;
  lifecycle: string;
}
export interface CustomerRecord {
  code: string;
  status: string;
}
export interface ProviderRecord {
  code: string;
}

export interface PeerRequest {
  peer: PeerName;
  /** The entity type of an `_entities` request, or `customers(codes)` for a partner's codes→ids lookup. */
  typename: string;
  /** The ids asked for (the codes, for a lookup). */
  ids: string[];
  /** Who the call was made for: the subject of its verified `x-itsm-identity` header. */
  subject: string;
}

/** The typename recorded for a `customers(filter: { codes })` lookup. */
export const CODES_LOOKUP = "customers(codes)";

/**
 * One HTTP server playing both peers of the agreements subgraph: the catalog (`_entities` of
 * Service { code lifecycle }) and the customers subgraph (Customer { code status }, Provider
 * { code }), answering from maps the tests control; unknown ids resolve to null. The customers
 * peer also answers `customers(filter: { codes })` (a partner's codes → ids), listing, like the
 * real one, only the customers a partner acts for. A call without a valid signed identity is
 * refused (401), as the real subgraphs do.
 */
export interface FakePeers {
  urls: Record<PeerName, string>;
  services: Map<string, ServiceRecord>;
  customers: Map<string, CustomerRecord>;
  providers: Map<string, ProviderRecord>;
  mode: Record<PeerName, FakeMode>;
  /** Every request received (with a valid identity), oldest first. */
  requests: PeerRequest[];
  /** Makes the service with this code known (LIVE unless told), and returns its id. */
  addService(code: string, lifecycle?: string): string;
  /** Makes the customer with this code known (ACTIVE unless told), and returns its id. */
  addCustomer(code: string, status?: string): string;
  /** Makes the provider with this code known, and returns its id. */
  addProvider(code: string): string;
  /** Back to the sample's references (as the other subgraphs' samples have them), answering normally. */
  reset(): void;
  close(): Promise<void>;
}

interface EntitiesRequest {
  query: string;
  variables: { representations?: { __typename: string; id: string }[]; codes?: string[]; first?: number };
}

/** Catalog sample services that the agreements sample does not cover, with their lifecycle. */
const OTHER_SERVICES: Record<string, string> = { DATA_WAREHOUSE: "PIPELINE", ZTNA: "PIPELINE", VPN: "LIVE" };
const RETIRED_SERVICES = ["PRINT"];
const INACTIVE_CUSTOMERS = ["STADTWERKE_RHEINTAL"];

export async function startFakePeers(): Promise<FakePeers> {
  const fake: FakePeers = {
    urls: { catalog: "", customers: "" },
    services: new Map(),
    customers: new Map(),
    providers: new Map(),
    mode: { catalog: "answer", customers: "answer" },
    requests: [],
    addService(code, lifecycle = "LIVE") {
      const id = sampleId.service(code);
      fake.services.set(id, { code, lifecycle });
      return id;
    },
    addCustomer(code, status = "ACTIVE") {
      const id = sampleId.customer(code);
      fake.customers.set(id, { code, status });
      return id;
    },
    addProvider(code) {
      const id = sampleId.provider(code);
      fake.providers.set(id, { code });
      return id;
    },
    reset() {
      fake.mode = { catalog: "answer", customers: "answer" };
      fake.services.clear();
      fake.customers.clear();
      fake.providers.clear();
      for (const agreement of sampleAgreements) {
        for (const { serviceCode } of agreement.coverage) {
          fake.addService(serviceCode, RETIRED_SERVICES.includes(serviceCode) ? "RETIRED" : "LIVE");
        }
        for (const code of agreement.customerCodes) {
          fake.addCustomer(code, INACTIVE_CUSTOMERS.includes(code) ? "INACTIVE" : "ACTIVE");
        }
        fake.addProvider(agreement.providerCode);
      }
      for (const [code, lifecycle] of Object.entries(OTHER_SERVICES)) fake.addService(code, lifecycle);
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
  fake.reset();

  const records: Record<PeerName, Record<string, Map<string, object>>> = {
    catalog: { Service: fake.services },
    customers: { Customer: fake.customers, Provider: fake.providers },
  };

  /** The customers with these codes, as the real customers subgraph lists them to the caller. */
  function customersByCode(codes: string[], caller: Identity) {
    const nodes = [...fake.customers.entries()]
      .filter(([, c]) => codes.includes(c.code))
      .filter(([, c]) => caller.role !== "partner" || caller.customerCodes.includes(c.code))
      .map(([id, c]) => ({ id, code: c.code }));
    return { data: { customers: { nodes } } };
  }

  function answer(peer: PeerName, request: EntitiesRequest, caller: Identity): unknown {
    if (fake.mode[peer] === "errors") {
      return { data: null, errors: [{ message: `The ${peer} database is unavailable; retry shortly` }] };
    }
    if (peer === "customers" && request.query.includes("customers(filter:")) {
      return customersByCode(request.variables.codes ?? [], caller);
    }
    if (!request.query.includes("_entities")) {
      return { data: null, errors: [{ message: `The fake ${peer} subgraph answers only _entities` }] };
    }
    const representations = request.variables.representations ?? [];
    return {
      data: {
        _entities: representations.map(({ __typename, id }) => {
          // Live lookups: the maps are read when the request arrives, not when the fake started.
          const map = records[peer][__typename] as Map<string, object> | undefined;
          const found = map?.get(id);
          return found ? { ...found } : null;
        }),
      },
    };
  }

  const http = createServer((req, res) => {
    const peer = (req.url ?? "").split("/")[1] as PeerName;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as EntitiesRequest;
      const header = req.headers[INTERNAL_IDENTITY_HEADER];
      let caller: Identity;
      try {
        caller = verifyIdentity(Array.isArray(header) ? header[0] : header, TEST_INTERNAL_SECRET);
      } catch (error) {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ errors: [{ message: (error as Error).message, extensions: { code: "UNAUTHENTICATED" } }] }),
        );
        return;
      }
      const representations = request.variables.representations ?? [];
      const lookup = request.query.includes("customers(filter:");
      fake.requests.push({
        peer,
        typename: lookup ? CODES_LOOKUP : (representations[0]?.__typename ?? ""),
        ids: lookup ? (request.variables.codes ?? []) : representations.map((r) => r.id),
        subject: caller.subject,
      });
      if (fake.mode[peer] === "drop") {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer(peer, request, caller)));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  fake.urls = { catalog: `${base}/catalog/graphql`, customers: `${base}/customers/graphql` };
  return fake;
}

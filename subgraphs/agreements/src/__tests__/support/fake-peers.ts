import type { Identity } from "@itsm/kit";
import { sampleId } from "@itsm/kit";
import type { FakeMode, FakeRequest } from "@itsm/kit/testing";
import { startFakeSubgraph, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import { sampleAgreements } from "../../sample/agreements.sample";

export type PeerName = "catalog" | "customers" | "operations";

export interface ServiceRecord {
  code: string;
  lifecycle: string;
  /** Every service it depends on at any depth (the catalog's `dependencyClosure`), by id. */
  dependencyClosure?: { id: string }[];
}
export interface CustomerRecord {
  code: string;
  status: string;
  /** Its contacts (for alert recipients); none unless a test sets them. */
  contacts?: { name: string; email: string; role: string }[];
}
export interface ProviderRecord {
  code: string;
  name: string;
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
 * One HTTP server playing the peers of the agreements subgraph: the catalog (`_entities` of
 * Service { code lifecycle }) and the customers subgraph (Customer { code status }, Provider
 * { code }), answering from maps the tests control; unknown ids resolve to null. The customers
 * peer also answers `customers(filter: { codes })` (a partner's codes → ids), listing, like the
 * real one, only the customers a partner acts for. Served by the kit's fake subgraph, which
 * refuses (401) a call without a valid signed identity, as the real subgraphs do. The operations
 * peer answers `serviceLevelReport(period:)` from `report`, by period label.
 */
export interface FakePeers {
  urls: Record<PeerName, string>;
  services: Map<string, ServiceRecord>;
  customers: Map<string, CustomerRecord>;
  providers: Map<string, ProviderRecord>;
  /** What the operations peer's `serviceLevelReport` answers, by period label (none by default). */
  report: Map<string, ReportRow[]>;
  /** How many report rows a page holds (cursors are row offsets); all of them by default. */
  reportPageSize: number;
  mode: Record<PeerName, FakeMode>;
  /** Every request received (with a valid identity), oldest first. */
  readonly requests: PeerRequest[];
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

/** One row of the operations peer's `serviceLevelReport`, as the alerts ask for it. */
export interface ReportRow {
  target: { id: string };
  agreement: { id: string };
  period: { label: string; from: string; to: string };
  status: "MET" | "AT_RISK" | "BREACHED" | "NO_DATA";
  achieved: number | null;
  errorBudget: { allowed: number; consumed: number; unit: string } | null;
}

interface PeerVariables {
  period?: string;
  after?: string | null;
  representations?: { __typename: string; id: string }[];
  codes?: string[];
}

/**
 * The catalog sample's direct dependencies (a subgraph does not import another, so its tests state
 * them; the e2e feasibility test checks the same verdicts against the real catalog).
 */
export const SAMPLE_DEPENDS_ON: Record<string, string[]> = {
  EMAIL: ["IDENTITY", "WAN"],
  COLLAB: ["IDENTITY", "WAN"],
  ERP: ["DB_PLATFORM", "HOSTING", "IDENTITY"],
  CRM: ["IDENTITY", "ERP"],
  SERVICE_DESK: ["IDENTITY", "EMAIL"],
  WAN: [],
  LAN_WIFI: ["WAN", "IDENTITY"],
  VPN: ["IDENTITY", "WAN"],
  HOSTING: ["WAN"],
  DB_PLATFORM: ["HOSTING", "BACKUP"],
  BACKUP: ["HOSTING"],
  IDENTITY: ["WAN"],
  ENDPOINT: ["IDENTITY", "LAN_WIFI"],
  PRINT: ["IDENTITY", "LAN_WIFI"],
  PAYROLL: ["ERP", "IDENTITY"],
  WEBSHOP: ["HOSTING", "DB_PLATFORM", "ERP"],
  DATA_WAREHOUSE: ["ERP", "CRM", "IDENTITY"],
  ZTNA: ["IDENTITY", "WAN"],
};

/** The codes a service of the sample depends on at any depth. */
export function sampleClosureOf(code: string): string[] {
  const found = new Set<string>();
  const walk = (c: string) => {
    for (const d of SAMPLE_DEPENDS_ON[c] ?? []) {
      if (found.has(d)) continue;
      found.add(d);
      walk(d);
    }
  };
  walk(code);
  return [...found];
}

/** Catalog sample services that the agreements sample does not cover, with their lifecycle. */
const OTHER_SERVICES: Record<string, string> = { DATA_WAREHOUSE: "PIPELINE", ZTNA: "PIPELINE", VPN: "LIVE" };
const RETIRED_SERVICES = ["PRINT"];
const INACTIVE_CUSTOMERS = ["STADTWERKE_RHEINTAL"];

/** Which peer a request was sent to: the fake serves them all, at `/<peer>/graphql`. */
const peerOf = (request: FakeRequest) => request.path.split("/")[1] as PeerName;
const isCodesLookup = (request: FakeRequest) => request.query.includes("customers(filter:");

/** A received request as the tests read it. */
function asPeerRequest(request: FakeRequest): PeerRequest {
  const variables = request.variables as PeerVariables;
  const lookup = isCodesLookup(request);
  return {
    peer: peerOf(request),
    typename: lookup ? CODES_LOOKUP : (variables.representations?.[0]?.__typename ?? ""),
    ids: lookup ? (variables.codes ?? []) : (variables.representations ?? []).map((r) => r.id),
    subject: request.identity.subject,
  };
}

export async function startFakePeers(): Promise<FakePeers> {
  const services = new Map<string, ServiceRecord>();
  const customers = new Map<string, CustomerRecord>();
  const providers = new Map<string, ProviderRecord>();
  const report = new Map<string, ReportRow[]>();
  const records: Record<PeerName, Record<string, Map<string, object>>> = {
    catalog: { Service: services },
    customers: { Customer: customers, Provider: providers },
    operations: {},
  };

  /** The customers with these codes, as the real customers subgraph lists them to the caller. */
  function customersByCode(codes: string[], caller: Identity) {
    const nodes = [...customers.entries()]
      .filter(([, c]) => codes.includes(c.code))
      .filter(([, c]) => caller.role !== "partner" || caller.customerCodes.includes(c.code))
      .map(([id, c]) => ({ id, code: c.code }));
    return { data: { customers: { nodes } } };
  }

  function answer(request: FakeRequest): unknown {
    const peer = peerOf(request);
    const variables = request.variables as PeerVariables;
    if (peer === "customers" && isCodesLookup(request)) return customersByCode(variables.codes ?? [], request.identity);
    if (peer === "operations" && request.query.includes("serviceLevelReport")) {
      const rows = report.get(variables.period ?? "") ?? [];
      const from = Number(variables.after ?? 0);
      const to = from + fake.reportPageSize;
      const pageInfo = { hasNextPage: to < rows.length, endCursor: to < rows.length ? String(to) : null };
      return { data: { serviceLevelReport: { nodes: rows.slice(from, to), pageInfo } } };
    }
    if (!request.query.includes("_entities")) {
      return { data: null, errors: [{ message: `The fake ${peer} subgraph answers only _entities` }] };
    }
    return {
      data: {
        // Live lookups: the maps are read when the request arrives, not when the fake started.
        _entities: (variables.representations ?? []).map(({ __typename, id }) => {
          const found = records[peer][__typename]?.get(id);
          if (found && __typename === "Service") return { id, dependencyClosure: [], ...found };
          return found ? { ...found } : null;
        }),
      },
    };
  }

  const mode: Record<PeerName, FakeMode> = { catalog: "answer", customers: "answer", operations: "answer" };
  const server = await startFakeSubgraph({
    secret: TEST_INTERNAL_SECRET,
    answer,
    mode: (request) => fake.mode[peerOf(request)],
    errorMessage: (request) => `The ${peerOf(request)} database is unavailable; retry shortly`,
  });

  const fake: FakePeers = {
    urls: {
      catalog: `${server.baseUrl}/catalog/graphql`,
      customers: `${server.baseUrl}/customers/graphql`,
      operations: `${server.baseUrl}/operations/graphql`,
    },
    services,
    customers,
    providers,
    report,
    reportPageSize: Number.MAX_SAFE_INTEGER,
    mode,
    get requests() {
      return server.requests.map(asPeerRequest);
    },
    addService(code, lifecycle = "LIVE") {
      const id = sampleId.service(code);
      const dependencyClosure = sampleClosureOf(code).map((c) => ({ id: sampleId.service(c) }));
      services.set(id, { code, lifecycle, dependencyClosure });
      return id;
    },
    addCustomer(code, status = "ACTIVE") {
      const id = sampleId.customer(code);
      customers.set(id, { code, status });
      return id;
    },
    addProvider(code) {
      const id = sampleId.provider(code);
      providers.set(id, { code, name: `Provider ${code}` });
      return id;
    },
    reset() {
      fake.mode = { catalog: "answer", customers: "answer", operations: "answer" };
      report.clear();
      fake.reportPageSize = Number.MAX_SAFE_INTEGER;
      services.clear();
      customers.clear();
      providers.clear();
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
    close: () => server.close(),
  };
  fake.reset();
  return fake;
}

import { sampleId } from "@itsm/kit";
import type { FakeMode, FakeRequest, FakeSubgraph } from "@itsm/kit/testing";
import { startFakeSubgraph, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";

import type { CatalogueAnswer } from "../../catalogue/catalogue.model";

export type PeerName = "catalog" | "customers" | "agreements";

/** What a fake peer received: the entity type asked for and its ids, or a codes lookup. */
export interface PeerCall {
  peer: PeerName;
  typename: string;
  ids: string[];
  /** Who the call was made for: the subject of its verified signed identity. */
  subject: string;
}

/**
 * One fake server playing both peers of the operations subgraph, from maps the tests control:
 * the catalog (`_entities` of Service { id } and Component { id impactedServices { id } }) and the
 * customers subgraph (`_entities` of Customer { id }, and a partner's `customers(filter: { codes })`
 * listing only the partner's own customers, as the real one does), and agreements
 * (`serviceLevelCatalogueRevision` and `serviceLevelCatalogue`, as the catalogue contract says, to
 * staff only). Unknown ids resolve to null.
 */
export interface FakePeers {
  urls: Record<PeerName, string>;
  services: Set<string>;
  /** Component id → the ids of the services its failure reaches (the catalog's impact analysis). */
  components: Map<string, string[]>;
  /** Customer id → code. */
  customers: Map<string, string>;
  /** What the agreements fake serves as `serviceLevelCatalogue` (and its revision). */
  catalogue: CatalogueAnswer;
  mode: Record<PeerName, FakeMode>;
  calls(): PeerCall[];
  reset(): void;
  close(): Promise<void>;
}

/** Sample records the fakes know: the catalog and customers samples' ids. */
export const KNOWN = {
  services: ["EMAIL", "COLLAB", "ERP", "CRM", "HOSTING", "BACKUP", "WEBSHOP", "SERVICE_DESK", "PRINT"],
  customers: ["FINANCE", "SALES", "HR", "ACME_RETAIL", "LOGISTICS"],
  /** dc-amsterdam: what the catalog sample's impact analysis says of it. */
  dataCentre: {
    key: "dc-amsterdam",
    reaches: ["BACKUP", "CRM", "DATA_WAREHOUSE", "DB_PLATFORM", "ERP", "HOSTING", "PAYROLL", "WEBSHOP"],
  },
};

interface Body {
  representations?: { __typename: string; id: string }[];
  codes?: string[];
}

export async function startFakePeers(): Promise<FakePeers> {
  const peerOf = (request: FakeRequest) => request.path.split("/")[1] as PeerName;
  const fake: FakePeers = {
    urls: { catalog: "", customers: "", agreements: "" },
    catalogue: { revision: "empty", calendars: [], targets: [] },
    services: new Set(),
    components: new Map(),
    customers: new Map(),
    mode: { catalog: "answer", customers: "answer", agreements: "answer" },
    calls: () =>
      server.requests.map((r) => {
        const body = r.variables as Body;
        const lookup = r.query.includes("customers(filter:");
        const catalogue = r.query.includes("serviceLevelCatalogueRevision")
          ? "serviceLevelCatalogueRevision"
          : r.query.includes("serviceLevelCatalogue")
            ? "serviceLevelCatalogue"
            : null;
        return {
          peer: peerOf(r),
          typename: catalogue ?? (lookup ? "customers(codes)" : (body.representations?.[0]?.__typename ?? "")),
          ids: lookup ? (body.codes ?? []) : (body.representations ?? []).map((x) => x.id),
          subject: r.identity.subject,
        };
      }),
    reset() {
      fake.mode = { catalog: "answer", customers: "answer", agreements: "answer" };
      fake.catalogue = { revision: "empty", calendars: [], targets: [] };
      server.requests.length = 0;
      fake.services = new Set(KNOWN.services.map(sampleId.service));
      fake.components = new Map([
        [sampleId.component(KNOWN.dataCentre.key), KNOWN.dataCentre.reaches.map(sampleId.service)],
      ]);
      fake.customers = new Map(KNOWN.customers.map((code) => [sampleId.customer(code), code]));
    },
    close: () => server.close(),
  };

  const entity = (typename: string, id: string): object | null => {
    if (typename === "Service") return fake.services.has(id) ? { id } : null;
    if (typename === "Customer") return fake.customers.has(id) ? { id } : null;
    const reaches = fake.components.get(id);
    return typename === "Component" && reaches ? { id, impactedServices: reaches.map((s) => ({ id: s })) } : null;
  };

  const server: FakeSubgraph = await startFakeSubgraph({
    secret: TEST_INTERNAL_SECRET,
    mode: (request) => fake.mode[peerOf(request)],
    answer(request) {
      const body = request.variables as Body;
      if (peerOf(request) === "agreements") {
        if (!["analyst", "editor", "admin"].includes(request.identity.role)) {
          return { data: null, errors: [{ message: "staff only", extensions: { code: "FORBIDDEN" } }] };
        }
        if (request.query.includes("serviceLevelCatalogueRevision")) {
          return { data: { serviceLevelCatalogueRevision: fake.catalogue.revision } };
        }
        return { data: { serviceLevelCatalogue: fake.catalogue } };
      }
      if (request.query.includes("customers(filter:")) {
        const nodes = [...fake.customers.entries()]
          .filter(([, code]) => (body.codes ?? []).includes(code))
          .filter(([, code]) => request.identity.role !== "partner" || request.identity.customerCodes.includes(code))
          .map(([id, code]) => ({ id, code }));
        return { data: { customers: { nodes } } };
      }
      return { data: { _entities: (body.representations ?? []).map((r) => entity(r.__typename, r.id)) } };
    },
  });
  fake.urls = {
    catalog: `${server.baseUrl}/catalog/graphql`,
    customers: `${server.baseUrl}/customers/graphql`,
    agreements: `${server.baseUrl}/agreements/graphql`,
  };
  fake.reset();
  return fake;
}

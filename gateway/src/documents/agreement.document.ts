import { RequestRefused } from "@itsm/runtime";
import type { IncomingMessage } from "node:http";
import { sortedBy } from "./format";
import type { DocumentOperation, GraphExecutor } from "./graph.client";
import { dataOf } from "./graph.client";

/** What an agreement document shows, as the graph answers `AgreementDocument`. */
export interface AgreementTerms {
  number: string;
  title: string;
  description: string;
  type: string;
  status: string;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  renewal: string;
  renewalTermMonths: number | null;
  noticePeriodDays: number | null;
  /** The agreements subgraph's SHA-256 of these terms: what signatures name (see the README). */
  documentSha256: string;
  /** Signatures recorded for this version (the caller's view: a partner sees its own customers'). */
  signatures: {
    party: string;
    customer: { code: string; name: string } | null;
    signedBy: string;
    signedAt: string;
    documentSha256: string;
  }[];
  versions: { version: number }[];
  provider: { code: string; name: string };
  customers: {
    code: string;
    name: string;
    contacts: { name: string; email: string; phone: string | null; role: string }[];
  }[];
  coverage: {
    service: { code: string; name: string };
    description: string;
    serviceHours: string;
    monthlyCharge: { amount: string; currency: string } | null;
    calendar: { name: string; timeZone: string };
  }[];
  targets: {
    service: { code: string; name: string };
    metric: string;
    comparator: string;
    value: number;
    unit: string;
    priority: string | null;
    period: string;
    compliancePercent: number | null;
    description: string;
  }[];
  responsibilities: { party: string; category: string; description: string }[];
  underpinnedBy: { number: string; title: string; type: string; version: number; provider: { name: string } }[];
}

export const AGREEMENT_DOCUMENT: DocumentOperation = {
  name: "AgreementDocument",
  body: `query AgreementDocument($number: String!, $version: Int) {
  agreementByNumber(number: $number, version: $version) {
    number
    title
    description
    type
    status
    version
    effectiveFrom
    effectiveTo
    renewal
    renewalTermMonths
    noticePeriodDays
    documentSha256
    signatures { party customer { code name } signedBy signedAt documentSha256 }
    versions { version }
    provider { code name }
    customers { code name contacts { name email phone role } }
    coverage {
      service { code name }
      description
      serviceHours
      monthlyCharge { amount currency }
      calendar { name timeZone }
    }
    targets {
      service { code name }
      metric
      comparator
      value
      unit
      priority
      period
      compliancePercent
      description
    }
    responsibilities { party category description }
    underpinnedBy { number title type version provider { name } }
  }
}`,
};

/** The same terms in one order whatever order the graph lists them in: the document depends on content only. */
export function canonicalTerms(terms: AgreementTerms): AgreementTerms {
  return {
    ...terms,
    versions: sortedBy(terms.versions, (v) => v.version),
    customers: sortedBy(terms.customers, (c) => c.code).map((c) => ({
      ...c,
      contacts: sortedBy(
        c.contacts,
        (x) => x.role,
        (x) => x.name,
        (x) => x.email,
      ),
    })),
    coverage: sortedBy(terms.coverage, (c) => c.service.code),
    targets: sortedBy(
      terms.targets,
      (t) => t.service.code,
      (t) => t.metric,
      (t) => t.priority ?? "",
      (t) => t.period,
      (t) => t.description,
    ),
    responsibilities: sortedBy(
      terms.responsibilities,
      // The provider's duties first, as agreements are usually written.
      (r) => (r.party === "PROVIDER" ? 0 : 1),
      (r) => r.category,
      (r) => r.description,
    ),
    underpinnedBy: sortedBy(terms.underpinnedBy, (u) => u.number),
    signatures: sortedBy(
      terms.signatures,
      (s) => s.signedAt,
      (s) => s.party,
      (s) => s.customer?.code ?? "",
    ),
  };
}

/**
 * The agreement's terms for a document: `version` when given, else the latest version the caller
 * may see (the graph's default is the version in force, so a newer draft costs a second request).
 */
export async function fetchAgreementTerms(
  execute: GraphExecutor,
  req: IncomingMessage,
  number: string,
  version: number | undefined,
): Promise<AgreementTerms> {
  const what = `the document of agreement ${number}`;
  const fetchVersion = async (v: number | undefined) => {
    const data = dataOf(await execute(req, AGREEMENT_DOCUMENT, { number, version: v ?? null }), what);
    const terms = data.agreementByNumber as AgreementTerms | null;
    if (!terms) throw new RequestRefused(404, "NOT_FOUND", `No agreement has the number ${number}`);
    return terms;
  };
  const terms = await fetchVersion(version);
  if (version !== undefined) return canonicalTerms(terms);
  const latest = Math.max(terms.version, ...terms.versions.map((v) => v.version));
  return canonicalTerms(latest === terms.version ? terms : await fetchVersion(latest));
}

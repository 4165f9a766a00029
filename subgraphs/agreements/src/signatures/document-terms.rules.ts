import { createHash } from "node:crypto";

/**
 * The rows of one agreement version that make up its agreed terms, as this subgraph stores them:
 * parties and services by id (their names belong to other subgraphs and may be renamed), the
 * rest as written in the agreement.
 */
export interface DocumentTermsRows {
  agreement: {
    number: string;
    title: string;
    description: string;
    type: string;
    version: number;
    effectiveFrom: string;
    effectiveTo: string | null;
    providerId: string;
    renewal: string;
    renewalTermMonths: number | null;
    noticePeriodDays: number | null;
  };
  customerIds: readonly string[];
  coverage: readonly {
    serviceId: string;
    description: string;
    serviceHours: string;
    monthlyChargeAmount: string | null;
    monthlyChargeCurrency: string | null;
    calendar: { code: string; name: string; timeZone: string };
  }[];
  targets: readonly {
    serviceId: string;
    metric: string;
    comparator: string;
    value: number;
    unit: string;
    priority: string | null;
    compliancePercent: number | null;
    period: string;
    description: string;
  }[];
  responsibilities: readonly { party: string; category: string; description: string }[];
  underpinnedBy: readonly { number: string; version: number; title: string; type: string; providerId: string }[];
}

/** Names the definition below; a change to it is a new format, so old hashes stay explainable. */
export const TERMS_FORMAT = "itsm-agreement-terms/1";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Compares rows by a list of keys, in order (code-unit order for strings, as RFC 8785 sorts keys). */
function byKeys<T>(...keys: ((item: T) => string | number)[]) {
  return (a: T, b: T): number => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

/**
 * The terms in one canonical shape: every list in a fixed order (whatever order the database
 * returns rows in), money as an exact decimal string, absent values as null.
 */
export function canonicalTerms(rows: DocumentTermsRows): Json {
  const a = rows.agreement;
  return {
    format: TERMS_FORMAT,
    number: a.number,
    title: a.title,
    description: a.description,
    type: a.type,
    version: a.version,
    effectiveFrom: a.effectiveFrom,
    effectiveTo: a.effectiveTo,
    renewal: { kind: a.renewal, termMonths: a.renewalTermMonths, noticePeriodDays: a.noticePeriodDays },
    provider: { id: a.providerId },
    customers: [...new Set(rows.customerIds)].sort().map((id) => ({ id })),
    coverage: [...rows.coverage].sort(byKeys((c) => c.serviceId)).map((c) => ({
      service: { id: c.serviceId },
      description: c.description,
      serviceHours: c.serviceHours,
      monthlyCharge:
        c.monthlyChargeAmount === null ? null : { amount: c.monthlyChargeAmount, currency: c.monthlyChargeCurrency },
      calendar: { code: c.calendar.code, name: c.calendar.name, timeZone: c.calendar.timeZone },
    })),
    targets: [...rows.targets]
      .sort(
        byKeys(
          (t) => t.serviceId,
          (t) => t.metric,
          (t) => t.priority ?? "",
          (t) => t.period,
          (t) => t.comparator,
          (t) => t.value,
          (t) => t.unit,
          (t) => t.compliancePercent ?? -1,
          (t) => t.description,
        ),
      )
      .map((t) => ({
        service: { id: t.serviceId },
        metric: t.metric,
        comparator: t.comparator,
        value: t.value,
        unit: t.unit,
        priority: t.priority,
        compliancePercent: t.compliancePercent,
        period: t.period,
        description: t.description,
      })),
    responsibilities: [...rows.responsibilities]
      .sort(
        byKeys(
          (r) => r.party,
          (r) => r.category,
          (r) => r.description,
        ),
      )
      .map((r) => ({ party: r.party, category: r.category, description: r.description })),
    underpinnedBy: [...rows.underpinnedBy]
      .sort(
        byKeys(
          (u) => u.number,
          (u) => u.version,
        ),
      )
      .map((u) => ({
        number: u.number,
        version: u.version,
        title: u.title,
        type: u.type,
        provider: { id: u.providerId },
      })),
  };
}

/**
 * JSON in the RFC 8785 (JCS) canonical form for the values terms hold: object keys sorted by
 * UTF-16 code units, no whitespace, strings and finite numbers as ECMAScript's JSON.stringify
 * writes them (which is what JCS prescribes).
 */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError("terms hold only finite numbers");
  return JSON.stringify(value);
}

/** The SHA-256 (lower-case hex) of the UTF-8 bytes of the terms' canonical JSON: `Agreement.documentSha256`. */
export function documentSha256(rows: DocumentTermsRows): string {
  return createHash("sha256")
    .update(canonicalJson(canonicalTerms(rows)), "utf8")
    .digest("hex");
}

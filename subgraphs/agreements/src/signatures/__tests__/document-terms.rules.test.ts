import { createHash } from "node:crypto";
import type { DocumentTermsRows } from "../document-terms.rules";
import { AVAILABILITY_TARGET_TERMS } from "@itsm/runtime/testing";
import { canonicalJson, canonicalTerms, documentSha256, TERMS_FORMAT } from "../document-terms.rules";

const calendar = { code: "24X7-CET", name: "Around the clock", timeZone: "Europe/Berlin" };

function terms(): DocumentTermsRows {
  return {
    agreement: {
      number: "SLA-2026-042",
      title: "Łódź plant — e-mail and collaboration",
      description: "Services for the plant in Łódź; contact Jörg Müller, café opening hours.",
      type: "SLA",
      version: 2,
      effectiveFrom: "2026-01-01",
      effectiveTo: "2026-12-31",
      providerId: "provider-1",
      renewal: "TACIT",
      renewalTermMonths: 12,
      noticePeriodDays: 90,
    },
    customerIds: ["customer-b", "customer-a"],
    coverage: [
      {
        serviceId: "service-2",
        description: "Mail",
        serviceHours: "24x7",
        monthlyChargeAmount: "1200.50",
        monthlyChargeCurrency: "EUR",
        calendar,
      },
      {
        serviceId: "service-1",
        description: "Teams",
        serviceHours: "Mon–Fri 08:00–18:00",
        monthlyChargeAmount: null,
        monthlyChargeCurrency: null,
        calendar,
      },
    ],
    targets: [
      {
        serviceId: "service-2",
        metric: "RESPONSE_TIME",
        comparator: "AT_MOST",
        value: 15,
        unit: "MINUTES",
        priority: "P1",
        compliancePercent: 95,
        period: "MONTH",
        description: "Answered within 15 minutes",
      },
      {
        serviceId: "service-1",
        ...AVAILABILITY_TARGET_TERMS,
        period: "MONTH",
        description: "Available",
      },
    ],
    responsibilities: [
      { party: "PROVIDER", category: "SUPPORT", description: "Runs the service desk." },
      { party: "CUSTOMER", category: "SUPPORT", description: "Reports incidents." },
    ],
    underpinnedBy: [{ number: "OLA-2026-001", version: 1, title: "Network", type: "OLA", providerId: "provider-2" }],
  };
}

/** Every leaf of the rows, as a path and a way to change it. */
function mutations(): [string, (rows: DocumentTermsRows) => void][] {
  return [
    ["number", (r) => (r.agreement.number = "SLA-2026-043")],
    ["title", (r) => (r.agreement.title += ".")],
    ["description", (r) => (r.agreement.description = r.agreement.description.replace("ö", "o"))],
    ["type", (r) => (r.agreement.type = "OLA")],
    ["version", (r) => (r.agreement.version = 3)],
    ["effectiveFrom", (r) => (r.agreement.effectiveFrom = "2026-01-02")],
    ["effectiveTo", (r) => (r.agreement.effectiveTo = null)],
    ["providerId", (r) => (r.agreement.providerId = "provider-9")],
    ["renewal", (r) => (r.agreement.renewal = "EXPRESS")],
    ["renewalTermMonths", (r) => (r.agreement.renewalTermMonths = 24)],
    ["noticePeriodDays", (r) => (r.agreement.noticePeriodDays = 60)],
    ["a customer added", (r) => (r.customerIds = [...r.customerIds, "customer-c"])],
    ["a customer removed", (r) => (r.customerIds = ["customer-a"])],
    ["coverage service", (r) => (r.coverage[0].serviceId = "service-3")],
    ["coverage description", (r) => (r.coverage[0].description = "Mail and calendars")],
    ["service hours", (r) => (r.coverage[1].serviceHours = "Mon–Sat 08:00–18:00")],
    ["charge amount", (r) => (r.coverage[0].monthlyChargeAmount = "1200.51")],
    ["charge currency", (r) => (r.coverage[0].monthlyChargeCurrency = "PLN")],
    [
      "charge added",
      (r) => Object.assign(r.coverage[1], { monthlyChargeAmount: "0.00", monthlyChargeCurrency: "EUR" }),
    ],
    ["calendar", (r) => (r.coverage[0].calendar = { ...calendar, timeZone: "Europe/Warsaw" })],
    ["calendar name", (r) => (r.coverage[0].calendar = { ...calendar, name: "24/7" })],
    ["target value", (r) => (r.targets[1].value = 99.95)],
    ["target metric", (r) => (r.targets[0].metric = "RESOLUTION_TIME")],
    ["target comparator", (r) => (r.targets[0].comparator = "AT_LEAST")],
    ["target unit", (r) => (r.targets[0].unit = "HOURS")],
    ["target priority", (r) => (r.targets[0].priority = "P2")],
    ["target compliance", (r) => (r.targets[0].compliancePercent = 90)],
    ["target period", (r) => (r.targets[0].period = "QUARTER")],
    ["target description", (r) => (r.targets[0].description += "!")],
    ["target service", (r) => (r.targets[0].serviceId = "service-1")],
    ["a target removed", (r) => (r.targets = r.targets.slice(1))],
    ["responsibility party", (r) => (r.responsibilities[1].party = "PROVIDER")],
    ["responsibility category", (r) => (r.responsibilities[0].category = "SECURITY")],
    ["responsibility text", (r) => (r.responsibilities[0].description = "Runs the desk.")],
    ["an underpinning removed", (r) => (r.underpinnedBy = [])],
    ["underpinning version", (r) => (r.underpinnedBy[0].version = 2)],
    ["underpinning title", (r) => (r.underpinnedBy[0].title = "LAN")],
  ];
}

describe("the canonical terms and their SHA-256", () => {
  it("is the SHA-256 of the UTF-8 bytes of the canonical JSON, with sorted keys and no whitespace", () => {
    const rows = terms();
    const json = canonicalJson(canonicalTerms(rows));
    expect(documentSha256(rows)).toBe(createHash("sha256").update(Buffer.from(json, "utf8")).digest("hex"));
    expect(documentSha256(rows)).toMatch(/^[0-9a-f]{64}$/);
    expect(json.startsWith('{"coverage":[{"calendar":{"code":"24X7-CET"')).toBe(true);
    expect(json).toContain(`"format":"${TERMS_FORMAT}"`);
    expect(json).toContain('"customers":[{"id":"customer-a"},{"id":"customer-b"}]');
    expect(json).toContain('"monthlyCharge":{"amount":"1200.50","currency":"EUR"}');
    expect(json).toContain("Łódź");
    expect(json).not.toMatch(/\s"|":\s|,\s"/);
    expect(JSON.parse(json)).toEqual(canonicalTerms(rows));
  });

  it("does not depend on the order the rows come in", () => {
    const rows = terms();
    const reordered: DocumentTermsRows = {
      ...rows,
      customerIds: [...rows.customerIds].reverse(),
      coverage: [...rows.coverage].reverse(),
      targets: [...rows.targets].reverse(),
      responsibilities: [...rows.responsibilities].reverse(),
      underpinnedBy: [...rows.underpinnedBy].reverse(),
    };
    expect(documentSha256(reordered)).toBe(documentSha256(rows));
    expect(documentSha256(terms())).toBe(documentSha256(rows));
  });

  it.each(mutations())("changes with the %s", (_, mutate) => {
    const rows = terms();
    mutate(rows);
    expect(documentSha256(rows)).not.toBe(documentSha256(terms()));
  });

  it("gives each change its own hash", () => {
    const hashes = mutations().map(([, mutate]) => {
      const rows = terms();
      mutate(rows);
      return documentSha256(rows);
    });
    expect(new Set([...hashes, documentSha256(terms())]).size).toBe(hashes.length + 1);
  });

  it("keys sorted by code unit, as RFC 8785 does; numbers as ECMAScript writes them", () => {
    expect(canonicalJson({ b: 1, a: [0.1, 99.9, 1e21, -0], Z: 'é\u2028"' })).toBe(
      '{"Z":"é\u2028\\"","a":[0.1,99.9,1e+21,0],"b":1}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
  });
});

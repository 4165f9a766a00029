import type { Content, TableCell } from "pdfmake/interfaces";
import type { AgreementTerms } from "./agreement.document";
import { groupBy, partyName, renewalText, signatureOf, signedText, totalCharges } from "./agreement.html";
import { label, money, percent, promise } from "./format";
import { COLORS, fields, pdfTable, renderPdf } from "./pdf";

function titlePage(terms: AgreementTerms, termsSha256: string): Content[] {
  const contacts = (customer: AgreementTerms["customers"][number]): Content =>
    customer.contacts.length
      ? {
          ul: customer.contacts.map((c) => `${label(c.role)}: ${c.name}, ${c.email}${c.phone ? `, ${c.phone}` : ""}`),
          fontSize: 8.5,
        }
      : { text: "No contact recorded.", style: "note" };
  return [
    { text: `${label(terms.type).toUpperCase()} · ${terms.number} · VERSION ${terms.version}`, style: "kind" },
    { text: terms.title, style: "title" },
    fields([
      ["Number", terms.number],
      ["Version", String(terms.version)],
      ["Type", label(terms.type)],
      ["Status", { text: label(terms.status), bold: true }],
      ["Effective from", terms.effectiveFrom],
      ["Effective to", terms.effectiveTo ?? "until terminated"],
      ["Renewal", renewalText(terms)],
      ["SHA-256 of the terms", { text: termsSha256, style: "hash" }],
    ]),
    { text: terms.description, margin: [0, 0, 0, 8] },
    { text: "Parties", style: "h2" },
    { text: `Provider: ${terms.provider.name} (${terms.provider.code})`, bold: true },
    { text: "Contacts are kept by each party and not part of the agreed terms.", style: "note", margin: [0, 2, 0, 4] },
    ...terms.customers.flatMap((c): Content[] => [
      { text: `Customer: ${c.name} (${c.code})`, bold: true, margin: [0, 6, 0, 2] },
      contacts(c),
    ]),
  ];
}

function services(terms: AgreementTerms): Content[] {
  const rows: TableCell[][] = terms.coverage.map((c) => [
    { text: [{ text: c.service.code, bold: true }, `\n${c.service.name}`] },
    c.description,
    c.serviceHours,
    `${c.calendar.name}\n(${c.calendar.timeZone})`,
    { text: money(c.monthlyCharge), alignment: "right" },
  ]);
  return [
    { text: "1. Services, service hours and charges", style: "h2", pageBreak: "before" },
    pdfTable(["Service", "As agreed", "Service hours", "Calendar", "Monthly charge"], rows, [80, "*", 95, 70, 62]),
    { text: `Total monthly charges: ${totalCharges(terms.coverage).join(" + ") || "none"}` },
  ];
}

function targets(terms: AgreementTerms): Content[] {
  const groups = groupBy(terms.targets, (t) => t.service.code).flatMap(([code, list]): Content[] => [
    { text: `${code} — ${list[0].service.name}`, style: "h3" },
    pdfTable(
      ["Metric", "Priority", "Target", "Compliance", "Period", "Description"],
      list.map((t) => [
        label(t.metric),
        t.priority ?? "—",
        { text: promise(t.comparator, t.value, t.unit), alignment: "right" },
        { text: percent(t.compliancePercent), alignment: "right" },
        label(t.period),
        t.description,
      ]),
      [78, 38, 52, 50, 40, "*"],
    ),
  ]);
  return [
    { text: "2. Service level targets", style: "h2" },
    ...(groups.length ? groups : ["No service level target is set."]),
  ];
}

function responsibilities(terms: AgreementTerms): Content[] {
  const parties = groupBy(terms.responsibilities, (r) => r.party).flatMap(([party, list]): Content[] => [
    { text: `${label(party)}: ${partyName(terms, party)}`, style: "h3" },
    ...groupBy(list, (r) => r.category).flatMap(([category, items]): Content[] => [
      { text: label(category), style: "h4" },
      { ul: items.map((r) => r.description) },
    ]),
  ]);
  return [
    { text: "3. Responsibilities", style: "h2" },
    ...(parties.length ? parties : ["No responsibility is recorded."]),
  ];
}

function underpinning(terms: AgreementTerms): Content[] {
  return [
    { text: "4. Underpinning agreements", style: "h2" },
    terms.underpinnedBy.length
      ? pdfTable(
          ["Number", "Title", "Type", "Version", "Provider"],
          terms.underpinnedBy.map((u) => [u.number, u.title, label(u.type), String(u.version), u.provider.name]),
          [70, "*", 70, 40, 100],
        )
      : "No underpinning agreement is recorded for this agreement.",
  ];
}

function signatures(terms: AgreementTerms, termsSha256: string): Content[] {
  const line = (caption: string): Content[] => [
    {
      canvas: [{ type: "line", x1: 0, y1: 22, x2: 220, y2: 22, lineWidth: 0.6, lineColor: COLORS.ink }],
    },
    { text: caption, style: "note", margin: [0, 1, 0, 4] },
  ];
  const box = (role: string, name: string, signature: ReturnType<typeof signatureOf>): Content => ({
    stack: [
      { text: role, bold: true },
      { text: name, margin: [0, 0, 0, 4] },
      ...(signature
        ? [{ text: signedText(signature), bold: true, color: "#1b7a3a", margin: [0, 0, 0, 2] } as Content]
        : []),
      ...line("Name"),
      ...line("Position"),
      ...line("Date"),
      ...line("Signature"),
    ],
    margin: [0, 6, 0, 10],
  });
  const boxes = [
    box("For the provider", terms.provider.name, signatureOf(terms, "PROVIDER")),
    ...terms.customers.map((c) => box("For the customer", c.name, signatureOf(terms, "CUSTOMER", c.code))),
  ];
  const rows: Content[] = [];
  for (let i = 0; i < boxes.length; i += 2)
    rows.push({ columns: [boxes[i], boxes[i + 1] ?? { text: "" }], columnGap: 24 });
  return [
    { text: "5. Signatures", style: "h2", pageBreak: "before" },
    { text: "The parties agree to the terms above, identified by the SHA-256 shown with this document." },
    // The hash again where a signer reads last.
    { text: ["SHA-256 of the terms: ", { text: termsSha256, style: "hash" }], margin: [0, 2, 0, 8] },
    { stack: rows, unbreakable: true },
  ];
}

/** The agreement's PDF: title page with status and contacts, then the terms as in the HTML, each page footed with the hash. */
export function renderAgreementPdf(terms: AgreementTerms, termsSha256: string): Promise<Buffer> {
  return renderPdf(
    [
      ...titlePage(terms, termsSha256),
      ...services(terms),
      ...targets(terms),
      ...responsibilities(terms),
      ...underpinning(terms),
      ...signatures(terms, termsSha256),
    ],
    {
      title: `${terms.number} v${terms.version} — ${terms.title}`,
      author: terms.provider.name,
      subject: `${label(terms.type)} ${terms.number}, version ${terms.version}`,
      date: terms.effectiveFrom,
      footer: `${terms.number} v${terms.version} · SHA-256 ${termsSha256.slice(0, 16)}…`,
    },
  );
}

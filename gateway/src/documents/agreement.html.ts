import type { AgreementTerms } from "./agreement.document";
import { label, money, percent, promise } from "./format";
import { esc, page, table, td } from "./html";

type Target = AgreementTerms["targets"][number];
type Responsibility = AgreementTerms["responsibilities"][number];

/** Items grouped by a key, groups in the order their first item comes. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

/** Monthly charges added up per currency (decimal strings, added in cents: never a float). */
export function totalCharges(coverage: AgreementTerms["coverage"]): string[] {
  const cents = new Map<string, bigint>();
  for (const { monthlyCharge } of coverage) {
    if (!monthlyCharge) continue;
    const [whole, fraction = ""] = monthlyCharge.amount.split(".");
    const value = BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2)) * (whole.startsWith("-") ? -1n : 1n);
    cents.set(monthlyCharge.currency, (cents.get(monthlyCharge.currency) ?? 0n) + value);
  }
  return [...cents].map(([currency, total]) => {
    const sign = total < 0n ? "-" : "";
    const abs = total < 0n ? -total : total;
    return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")} ${currency}`;
  });
}

/** Who a party of the agreement is, by name. */
export function partyName(terms: AgreementTerms, party: string): string {
  return party === "PROVIDER" ? terms.provider.name : terms.customers.map((c) => c.name).join(", ") || "The customer";
}

/** The renewal terms in words: `Renews tacitly by 12 months; notice 90 days before the end`. */
export function renewalText(terms: AgreementTerms): string {
  const notice = terms.noticePeriodDays === null ? "" : `; notice ${terms.noticePeriodDays} days before the end`;
  const term = terms.renewalTermMonths === null ? "" : ` by ${terms.renewalTermMonths} months`;
  if (terms.renewal === "TACIT") return `Renews tacitly${term}${notice}`;
  if (terms.renewal === "EXPRESS") return `Renewed by express agreement${term}${notice}`;
  return "No renewal: ends on its last day";
}

type Signature = AgreementTerms["signatures"][number];

/** The signature recorded for a party (the provider, or a customer by code) of exactly these terms, if any. */
export function signatureOf(terms: AgreementTerms, party: string, customerCode?: string): Signature | undefined {
  return terms.signatures.find(
    (s) =>
      s.party === party &&
      s.documentSha256 === terms.documentSha256 &&
      (s.customer?.code ?? undefined) === customerCode,
  );
}

/** How a recorded signature reads: who, and on which day (UTC). */
export function signedText(signature: Signature): string {
  return `Signed by ${signature.signedBy} on ${signature.signedAt.slice(0, 10)}`;
}

function targetRows(targets: Target[]): string[][] {
  return targets.map((t) => [
    td(label(t.metric)),
    td(t.priority ?? "—"),
    td(promise(t.comparator, t.value, t.unit), true),
    td(percent(t.compliancePercent), true),
    td(label(t.period)),
    td(t.description),
  ]);
}

function responsibilitiesOf(terms: AgreementTerms, party: string, items: Responsibility[]): string {
  const byCategory = groupBy(items, (r) => r.category)
    .map(
      ([category, list]) =>
        `<h4>${esc(label(category))}</h4>\n<ul>\n${list.map((r) => `<li>${esc(r.description)}</li>`).join("\n")}\n</ul>`,
    )
    .join("\n");
  return `<h3>${esc(label(party))}: ${esc(partyName(terms, party))}</h3>\n${byCategory}`;
}

function signatureBox(role: string, name: string, signature: Signature | undefined): string {
  const field = (caption: string) => `<div class="line"></div><div class="caption">${esc(caption)}</div>`;
  const signed = signature ? `<p class="signed">${esc(signedText(signature))}</p>\n` : "";
  return `<div class="signature">
<p><strong>${esc(role)}</strong><br>${esc(name)}</p>
${signed}${field("Name")}
${field("Position")}
${field("Date")}
${field("Signature")}
</div>`;
}

/**
 * The agreed terms as one `<article id="terms">` element: everything in it comes from the
 * agreement version (the names of its parties and services from their owners); the status and
 * the parties' contacts are shown outside it. The SHA-256 shown is the agreements subgraph's
 * `documentSha256` of the same version's terms, not a hash of this markup.
 */
export function agreementTermsHtml(terms: AgreementTerms): string {
  const parties = [
    [td("Provider"), td(terms.provider.name), td(terms.provider.code)],
    ...terms.customers.map((c) => [td("Customer"), td(c.name), td(c.code)]),
  ];
  const coverage = terms.coverage.map((c) => [
    td(`${c.service.code} — ${c.service.name}`),
    td(c.description),
    td(c.serviceHours),
    td(`${c.calendar.name} (${c.calendar.timeZone})`),
    td(money(c.monthlyCharge), true),
  ]);
  const totals = totalCharges(terms.coverage);
  const targets = groupBy(terms.targets, (t) => t.service.code)
    .map(
      ([code, list]) =>
        `<h3>${esc(code)} — ${esc(list[0].service.name)}</h3>\n` +
        table(["Metric", "Priority", "Target", "Compliance", "Period", "Description"], targetRows(list)),
    )
    .join("\n");
  const responsibilities = groupBy(terms.responsibilities, (r) => r.party)
    .map(([party, list]) => responsibilitiesOf(terms, party, list))
    .join("\n");
  const underpinning = terms.underpinnedBy.length
    ? table(
        ["Number", "Title", "Type", "Version", "Provider"],
        terms.underpinnedBy.map((u) => [
          td(u.number),
          td(u.title),
          td(label(u.type)),
          td(u.version, true),
          td(u.provider.name),
        ]),
      )
    : `<p>No underpinning agreement is recorded for this agreement.</p>`;
  const signatures = [
    signatureBox("For the provider", terms.provider.name, signatureOf(terms, "PROVIDER")),
    ...terms.customers.map((c) => signatureBox("For the customer", c.name, signatureOf(terms, "CUSTOMER", c.code))),
  ].join("\n");
  return `<article id="terms">
<section class="title-page">
<h1>${esc(terms.title)}</h1>
<dl>
<dt>Number</dt><dd>${esc(terms.number)}</dd>
<dt>Version</dt><dd>${esc(terms.version)}</dd>
<dt>Type</dt><dd>${esc(label(terms.type))}</dd>
<dt>Effective from</dt><dd>${esc(terms.effectiveFrom)}</dd>
<dt>Effective to</dt><dd>${esc(terms.effectiveTo ?? "until terminated")}</dd>
<dt>Renewal</dt><dd>${esc(renewalText(terms))}</dd>
</dl>
<p>${esc(terms.description)}</p>
<h2>Parties</h2>
${table(["Role", "Name", "Code"], parties)}
</section>
<section>
<h2>1. Services, service hours and charges</h2>
${table(["Service", "As agreed", "Service hours", "Calendar", "Monthly charge"], coverage)}
<p>Total monthly charges: ${esc(totals.join(" + ") || "none")}</p>
</section>
<section>
<h2>2. Service level targets</h2>
${targets || "<p>No service level target is set.</p>"}
</section>
<section>
<h2>3. Responsibilities</h2>
${responsibilities || "<p>No responsibility is recorded.</p>"}
</section>
<section>
<h2>4. Underpinning agreements</h2>
${underpinning}
</section>
<section>
<h2>5. Signatures</h2>
<p>The parties agree to the terms above, identified by the SHA-256 shown with this document.</p>
<div class="signatures">
${signatures}
</div>
</section>
</article>`;
}

function contactsHtml(terms: AgreementTerms): string {
  const rows = terms.customers.flatMap((c) =>
    c.contacts.map((x) => [td(c.name), td(label(x.role)), td(x.name), td(x.email), td(x.phone ?? "—")]),
  );
  return rows.length
    ? table(["Party", "Role", "Name", "Email", "Phone"], rows)
    : "<p>No contact is recorded for the customers.</p>";
}

/** A rendered agreement: the page, and the SHA-256 of its terms (`Agreement.documentSha256`). */
export interface RenderedAgreement {
  html: string;
  termsSha256: string;
}

/** The agreement's HTML document: header (status, hash), the terms, then the parties' contacts. */
export function renderAgreementHtml(terms: AgreementTerms): RenderedAgreement {
  const article = agreementTermsHtml(terms);
  const termsSha256 = terms.documentSha256;
  const body = `<header class="document">
<p class="kind">${esc(label(terms.type))} ${esc(terms.number)} · version ${esc(terms.version)}</p>
<dl>
<dt>Status</dt><dd class="status">${esc(label(terms.status))}</dd>
<dt>SHA-256 of the terms</dt><dd><code class="hash" id="terms-sha256">${termsSha256}</code></dd>
</dl>
</header>
${article}
<section class="contacts">
<h2>Contacts of the parties</h2>
<p class="note">Kept by each party and not part of the agreed terms.</p>
${contactsHtml(terms)}
</section>
<footer class="note">
<p>The SHA-256 identifies the agreed terms of this version: it is <code>Agreement.documentSha256</code>, the hash of the canonical JSON of the version's terms as the agreements service stores them (parties and services by their ids), and what a signature names. Status, contacts and signatures are not part of it. The PDF of the same version shows the same hash.</p>
</footer>`;
  return { html: page(`${terms.number} v${terms.version} — ${terms.title}`, body), termsSha256 };
}

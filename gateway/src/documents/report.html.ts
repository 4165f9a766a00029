import { groupBy } from "./agreement.html";
import { label, number, percent, promise, quantity } from "./format";
import { esc, page, sha256, table, td } from "./html";
import type { ServiceLevelReport, TargetPerformance } from "./report.document";

/**
 * An achieved value, or a dash when nothing was measured: for a target held for a share of cases
 * (compliancePercent, e.g. 95 % of P1 tickets within 15 min) the share that met it, else a value
 * in the target's unit.
 */
export function achieved(p: TargetPerformance): string {
  if (p.achieved === null) return "—";
  return quantity(p.achieved, p.target.compliancePercent === null ? p.target.unit : "PERCENT");
}

/** An error budget as `consumed of allowed (remaining left)` in its unit, or a dash. */
export function budget(p: TargetPerformance): string {
  const b = p.errorBudget;
  if (!b || b.allowed === null) return "—";
  const unit = (v: number | null) => (v === null ? "—" : quantity(v, b.unit));
  return `${unit(b.consumed)} of ${unit(b.allowed)} (${unit(b.remaining)} left)`;
}

/** How many targets have each status, in the order MET, AT_RISK, BREACHED, NO_DATA. */
export function statusCounts(report: ServiceLevelReport): [string, number][] {
  return (["MET", "AT_RISK", "BREACHED", "NO_DATA"] as const).map((s) => [
    s,
    report.performance.filter((p) => p.status === s).length,
  ]);
}

function reportArticle(report: ServiceLevelReport): string {
  const periodLabel = report.performance[0]?.period.label ?? report.period;
  const sections = groupBy(report.performance, (p) => p.target.service.code)
    .map(
      ([code, rows]) =>
        `<h3>${esc(code)} — ${esc(rows[0].target.service.name)}</h3>\n` +
        table(
          ["Metric", "Priority", "Target", "Compliance", "Achieved", "Status", "Error budget", "Breaches", "Sample"],
          rows.map((p) => [
            td(label(p.target.metric)),
            td(p.target.priority ?? "—"),
            td(promise(p.target.comparator, p.target.value, p.target.unit), true),
            td(percent(p.target.compliancePercent), true),
            td(achieved(p), true),
            `<td class="status ${esc(p.status)}">${esc(label(p.status))}</td>`,
            td(budget(p)),
            td(p.breaches === null ? "—" : number(p.breaches), true),
            td(p.sampleSize === null ? "—" : number(p.sampleSize), true),
          ]),
        ),
    )
    .join("\n");
  const summary = statusCounts(report)
    .map(([status, count]) => `<dt>${esc(label(status))}</dt><dd>${count}</dd>`)
    .join("");
  return `<article id="report">
<h1>Service level report: ${esc(report.title)}</h1>
<dl>
<dt>Agreement</dt><dd>${esc(report.number)} (version ${esc(report.version)}, ${esc(label(report.status))})</dd>
<dt>Period</dt><dd>${esc(periodLabel)}</dd>
<dt>Provider</dt><dd>${esc(report.provider.name)}</dd>
<dt>Customers</dt><dd>${esc(report.customers.map((c) => c.name).join(", ") || "—")}</dd>
${summary}
</dl>
<h2>Targets</h2>
${sections || "<p>The agreement has no target measured in this period.</p>"}
</article>`;
}

/** The report's HTML document, and the SHA-256 of its `<article id="report">` element. */
export function renderReportHtml(report: ServiceLevelReport): { html: string; contentSha256: string } {
  const article = reportArticle(report);
  const contentSha256 = sha256(article);
  const body = `<header class="document">
<p class="kind">Service level report · ${esc(report.number)} · ${esc(report.period)}</p>
<dl><dt>SHA-256 of the report</dt><dd><code class="hash">${contentSha256}</code></dd></dl>
</header>
${article}
<footer class="note"><p>Values as measured by the graph when the document was requested; a running period's figures still change.</p></footer>`;
  return { html: page(`${report.number} service level report ${report.period}`, body), contentSha256 };
}

import type { Content } from "pdfmake/interfaces";
import { groupBy } from "./agreement.html";
import { label, number, percent, promise } from "./format";
import { fields, pdfTable, renderPdf } from "./pdf";
import type { ServiceLevelReport } from "./report.document";
import { periodStart } from "./report.document";
import { achieved, budget, statusCounts } from "./report.html";

const STATUS_COLORS: Record<string, string> = {
  MET: "#1b7a3a",
  AT_RISK: "#a86400",
  BREACHED: "#b3261e",
  NO_DATA: "#5a6272",
};

/** The report's PDF: the same content as its HTML, landscape for the wide tables. */
export function renderReportPdf(report: ServiceLevelReport, contentSha256: string): Promise<Buffer> {
  const periodLabel = report.performance[0]?.period.label ?? report.period;
  const services = groupBy(report.performance, (p) => p.target.service.code).flatMap(([code, rows]): Content[] => [
    { text: `${code} — ${rows[0].target.service.name}`, style: "h3" },
    pdfTable(
      ["Metric", "Priority", "Target", "Compliance", "Achieved", "Status", "Error budget", "Breaches", "Sample"],
      rows.map((p) => [
        label(p.target.metric),
        p.target.priority ?? "—",
        { text: promise(p.target.comparator, p.target.value, p.target.unit), alignment: "right" },
        { text: percent(p.target.compliancePercent), alignment: "right" },
        { text: achieved(p), alignment: "right" },
        { text: label(p.status), bold: true, color: STATUS_COLORS[p.status] },
        budget(p),
        { text: p.breaches === null ? "—" : number(p.breaches), alignment: "right" },
        { text: p.sampleSize === null ? "—" : number(p.sampleSize), alignment: "right" },
      ]),
      [90, 40, 62, 56, 62, 55, "*", 44, 40],
    ),
  ]);
  const content: Content[] = [
    { text: `SERVICE LEVEL REPORT · ${report.number} · ${report.period}`, style: "kind" },
    { text: report.title, style: "title" },
    fields([
      ["Agreement", `${report.number} (version ${report.version}, ${label(report.status)})`],
      ["Period", periodLabel],
      ["Provider", report.provider.name],
      ["Customers", report.customers.map((c) => c.name).join(", ") || "—"],
      ...statusCounts(report).map(([status, count]): [string, Content] => [label(status), String(count)]),
      ["SHA-256 of the report", { text: contentSha256, style: "hash" }],
    ]),
    { text: "Targets", style: "h2" },
    ...(services.length ? services : ["The agreement has no target measured in this period."]),
  ];
  return renderPdf(content, {
    title: `${report.number} service level report ${report.period}`,
    author: report.provider.name,
    subject: `Service level report for ${report.number}, ${periodLabel}`,
    date: periodStart(report.period),
    footer: `${report.number} · ${report.period} · SHA-256 ${contentSha256.slice(0, 16)}…`,
    pageOrientation: "landscape",
  });
}

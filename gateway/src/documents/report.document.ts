import { RequestRefused } from "@itsm/runtime";
import type { IncomingMessage } from "node:http";
import { sortedBy } from "./format";
import type { DocumentOperation, GraphExecutor } from "./graph.client";
import { dataOf } from "./graph.client";

/** One target's performance in the period, as `Agreement.performance` answers it. */
export interface TargetPerformance {
  target: {
    id: string;
    metric: string;
    comparator: string;
    value: number;
    unit: string;
    priority: string | null;
    compliancePercent: number | null;
    service: { code: string; name: string };
  };
  period: { label: string; from: string; to: string };
  achieved: number | null;
  status: "MET" | "AT_RISK" | "BREACHED" | "NO_DATA";
  sampleSize: number | null;
  breaches: number | null;
  errorBudget: { allowed: number | null; consumed: number | null; remaining: number | null; unit: string } | null;
}

/** What a service level report shows: the agreement (version in force) and its targets' performance. */
export interface ServiceLevelReport {
  number: string;
  title: string;
  type: string;
  status: string;
  version: number;
  provider: { name: string };
  customers: { code: string; name: string }[];
  /** The period asked for (`2026-11`, `2026-Q4`). */
  period: string;
  performance: TargetPerformance[];
}

export const SERVICE_LEVEL_REPORT: DocumentOperation = {
  name: "ServiceLevelReportDocument",
  body: `query ServiceLevelReportDocument($number: String!, $period: String!) {
  agreementByNumber(number: $number) {
    number
    title
    type
    status
    version
    provider { name }
    customers { code name }
    performance(period: $period) {
      target {
        id
        metric
        comparator
        value
        unit
        priority
        compliancePercent
        service { code name }
      }
      period { label from to }
      achieved
      status
      sampleSize
      breaches
      errorBudget { allowed consumed remaining unit }
    }
  }
}`,
};

/** The report's data for an agreement and period, rows in one order (service, metric, priority). */
export async function fetchReport(
  execute: GraphExecutor,
  req: IncomingMessage,
  number: string,
  period: string,
): Promise<ServiceLevelReport> {
  const what = `the service level report of ${number} for ${period}`;
  const data = dataOf(await execute(req, SERVICE_LEVEL_REPORT, { number, period }), what);
  const agreement = data.agreementByNumber as
    | (Omit<ServiceLevelReport, "period" | "performance"> & {
        performance: TargetPerformance[] | null;
      })
    | null;
  if (!agreement) throw new RequestRefused(404, "NOT_FOUND", `No agreement has the number ${number}`);
  return {
    ...agreement,
    customers: sortedBy(agreement.customers, (c) => c.code),
    period,
    performance: sortedBy(
      agreement.performance ?? [],
      (p) => p.target.service.code,
      (p) => p.target.metric,
      (p) => p.target.priority ?? "",
      (p) => p.target.id,
    ),
  };
}

/** The first day of a period (`2026-11` → `2026-11-01`, `2026-Q4` → `2026-10-01`): the report PDF's fixed date. */
export function periodStart(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
  return `${period}-01`;
}

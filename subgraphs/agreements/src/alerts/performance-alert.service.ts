import type { Identity, SubgraphClient } from "@itsm/kit";
import type { MeasurementPeriod } from "../targets/target.enums";
import type { TargetFigures } from "./performance-alert.rules";
import { BUDGET_ALERT_SHARE } from "./performance-alert.rules";

const REPORT = `query ($period: String!, $after: String) {
  serviceLevelReport(period: $period, first: 100, after: $after) {
    nodes { target { id } agreement { id } period { label from to } status achieved errorBudget { allowed consumed unit } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ReportAnswer {
  serviceLevelReport: {
    nodes: {
      target: { id: string };
      agreement: { id: string };
      period: TargetFigures["period"];
      status: TargetFigures["status"];
      achieved: number | null;
      errorBudget: TargetFigures["errorBudget"];
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}

/**
 * Whether no row after this one can raise an alert. The report comes worst first (BREACHED,
 * AT_RISK, MET, NO_DATA; then most error budget consumed): once a MET or NO_DATA row has used less
 * than BUDGET_ALERT_SHARE of its budget, every later row has used less too or has no budget (NO_DATA).
 */
function pastAlerts(node: { status: TargetFigures["status"]; errorBudget: TargetFigures["errorBudget"] }): boolean {
  if (node.status === "BREACHED" || node.status === "AT_RISK") return false;
  const budget = node.errorBudget;
  if (!budget || budget.consumed <= 0) return true;
  return budget.allowed > 0 && budget.consumed / budget.allowed < BUDGET_ALERT_SHARE;
}

/**
 * The current period's figures of the targets that may raise an alert, asked of the operations
 * subgraph as the caller (so it applies the same scope): one report per period kind in use, page by
 * page, worst first, until the rows can no longer raise one (at scale a month holds 100,000 targets:
 * reading them all every scheduler run would keep operations busy for nothing).
 * SERVICE_UNAVAILABLE (from the client) when operations cannot answer.
 */
export class PerformanceFiguresService {
  constructor(private readonly operations: SubgraphClient) {}

  async current(labels: Map<MeasurementPeriod, string>, caller: Identity): Promise<Map<string, TargetFigures[]>> {
    const byLabel = new Map<string, TargetFigures[]>();
    for (const label of new Set(labels.values())) {
      const figures: TargetFigures[] = [];
      let after: string | null = null;
      do {
        const answer: ReportAnswer = await this.operations.execute<ReportAnswer>(
          REPORT,
          { period: label, after },
          caller,
        );
        const page = answer.serviceLevelReport;
        if (!page) break;
        for (const node of page.nodes) {
          figures.push({
            targetId: node.target.id,
            agreementId: node.agreement.id,
            period: node.period,
            status: node.status,
            achieved: node.achieved,
            errorBudget: node.errorBudget,
          });
        }
        const last = page.nodes.at(-1);
        after = page.pageInfo.hasNextPage && last && !pastAlerts(last) ? page.pageInfo.endCursor : null;
      } while (after);
      byLabel.set(label, figures);
    }
    return byLabel;
  }
}

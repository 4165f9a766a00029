import type { Identity, SubgraphClient } from "@itsm/kit";
import type { MeasurementPeriod } from "../targets/target.enums";
import type { TargetFigures } from "./performance-alert.rules";

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
 * The current period's figures of every target, asked of the operations subgraph as the caller
 * (so it applies the same scope): one report per period kind in use, page by page.
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
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      byLabel.set(label, figures);
    }
    return byLabel;
  }
}

// The README's realistic questions, offered in the explorer as ready-to-run examples. Keep them in
// step with README.md ("The query every change keeps working" and "More questions the graph
// answers"); the end-to-end test runs every one of them against the sample graph.

// The trusted document partners run for the same question: the example is that file, not a copy.
import CUSTOMER_ACTIVE_AGREEMENTS from "../trusted-documents/customer-active-agreements.graphql";

export interface Example {
  /** Short label shown in the Examples panel. */
  title: string;
  /** What the question answers, in one sentence. */
  description: string;
  query: string;
  /** The variables JSON to start with (computed when the example is opened), if the query has any. */
  variables?: () => string;
}

/** `YYYY-MM-DD` of the local calendar day `days` after `from` (a GraphQL `LocalDate`). */
export function localDateInDays(days: number, from: Date = new Date()): string {
  const day = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The label of the month `offset` months from `from`'s (0 this month, -1 last month), e.g. "2026-11". */
export function monthLabel(offset: number, from: Date = new Date()): string {
  const month = new Date(from.getFullYear(), from.getMonth() + offset, 1);
  return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, "0")}`;
}

/** A target's terms, as the service level examples show them: a fragment each of them spreads. */
const TARGET_TERMS = `
fragment TargetTerms on ServiceLevelTarget {
  metric
  comparator
  value
  unit
  priority
}
`;

/** A row of the service level report: whose target, its terms, what it achieved and how often it broke. */
const REPORT_ROW = `
fragment ReportRow on TargetPerformance {
  agreement {
    number
    title
  }
  service {
    code
    name
  }
  target {
    ...TargetTerms
  }
  achieved
  breaches
}
${TARGET_TERMS}`;

export const DESIGN_EXAMPLE: Example = {
  title: "Services with their agreements",
  description:
    "The query every change keeps working: each service with its agreements, provider, customers, targets and responsibilities.",
  query: `# The query every change keeps working
query ServicesWithAgreements {
  services(first: 20) {
    nodes {
      code
      name
      agreements {
        number
        type
        status
        provider {
          name
        }
        customers {
          name
        }
        targets {
          metric
          comparator
          value
          unit
        }
        responsibilities {
          party
          description
        }
      }
    }
  }
}
`,
};

export const EXAMPLES: readonly Example[] = [
  DESIGN_EXAMPLE,
  {
    title: "A customer's active agreements",
    description:
      "A customer's ($code, here ACME_RETAIL) active agreements, with the services they cover and their targets.",
    query: CUSTOMER_ACTIVE_AGREEMENTS,
    variables: () => JSON.stringify({ code: "ACME_RETAIL" }, null, 2),
  },
  {
    title: "Agreements expiring within 90 days",
    description: "Active agreements that end before $before (today + 90 days; change it in Variables).",
    query: `# Agreements expiring within 90 days (pass today + 90 days)
query AgreementsExpiringSoon($before: LocalDate!) {
  agreements(filter: { status: [ACTIVE], expiringBefore: $before }) {
    totalCount
    nodes {
      number
      effectiveTo
      provider {
        name
      }
      customers {
        name
      }
      services {
        code
      }
    }
  }
}
`,
    variables: () => JSON.stringify({ before: localDateInDays(90) }, null, 2),
  },
  {
    title: "LIVE services no active SLA covers",
    description: "Every LIVE service with its active SLAs: those whose list comes back empty are uncovered.",
    query: `# LIVE services no ACTIVE SLA covers: those whose list comes back empty
query LiveServicesWithoutActiveSla {
  services(first: 100, filter: { lifecycle: [LIVE] }) {
    nodes {
      code
      agreements(status: [ACTIVE], type: [SLA]) {
        number
      }
    }
  }
}
`,
  },
  {
    title: "What underpins an SLA",
    description: "The OLAs and underpinning contracts behind SLA-2026-003, with their providers and targets.",
    query: `# The OLAs and underpinning contracts behind an SLA
query SlaUnderpinnings {
  agreementByNumber(number: "SLA-2026-003") {
    title
    underpinnedBy {
      number
      type
      provider {
        name
      }
      targets {
        service {
          code
        }
        ...TargetTerms
      }
    }
  }
}
${TARGET_TERMS}`,
  },
  {
    title: "Impact analysis of a component",
    description: "Every service depending, at any depth, on a component in Frankfurt.",
    query: `# Impact analysis: every service depending, at any depth, on a component
query ComponentImpact {
  components(filter: { search: "Frankfurt" }) {
    nodes {
      name
      impactedServices {
        code
        criticality
      }
    }
  }
}
`,
  },
  {
    title: "A provider's agreements and contacts",
    description: "CORP_IT's agreements with their customers and the customers' contacts.",
    query: `# A provider's agreements with their customers and contacts
query ProviderAgreementsAndContacts {
  providerByCode(code: "CORP_IT") {
    name
    agreements {
      number
      status
      customers {
        name
        contacts {
          name
          role
          email
        }
      }
    }
  }
}
`,
  },
  {
    title: "Targets breached last month",
    description:
      "Every service level target breached last month ($period), worst first, with what it allowed and what went wrong.",
    query: `# Targets breached last month, worst first (pass last month as YYYY-MM)
query BreachedLastMonth($period: String!) {
  serviceLevelReport(period: $period, filter: { status: BREACHED }, first: 50) {
    totalCount
    nodes {
      ...ReportRow
      errorBudget {
        allowed
        consumed
        unit
      }
    }
  }
}
${REPORT_ROW}`,
    variables: () => JSON.stringify({ period: monthLabel(-1) }, null, 2),
  },
  {
    title: "Error budget left this month",
    description:
      "This month's targets ($period) with their error budget so far and where it is heading at the current rate.",
    query: `# Error budget left this month: worst first, with a forecast to the month's end
query ErrorBudgetThisMonth($period: String!) {
  serviceLevelReport(period: $period, first: 50) {
    nodes {
      agreement {
        number
      }
      service {
        code
      }
      target {
        metric
        value
        unit
        priority
      }
      status
      errorBudget {
        allowed
        consumed
        remaining
        unit
      }
      forecast {
        projectedRemaining
        exhausts
      }
    }
  }
}
`,
    variables: () => JSON.stringify({ period: monthLabel(0) }, null, 2),
  },
  {
    title: "A partner's own service levels",
    description:
      "Run with a partner token (npm run token -- --role partner --customer ACME_RETAIL): only its own SLAs, figures from its own tickets only.",
    query: `# A partner's own report: send a partner token (npm run token -- --role partner --customer ACME_RETAIL)
query MyServiceLevels($period: String!) {
  serviceLevelReport(period: $period, filter: { agreementType: SLA }, first: 50) {
    totalCount
    nodes {
      ...ReportRow
      status
      sampleSize
    }
  }
}
${REPORT_ROW}`,
    variables: () => JSON.stringify({ period: monthLabel(-1) }, null, 2),
  },
  {
    title: "Cost against performance",
    description:
      "Each LIVE service's cost against what its ACTIVE SLAs charge, next to the availability and target statuses it achieved last month.",
    query: `# Cost against performance: what a service costs, what it is charged, what it achieved
query CostAgainstPerformance($period: String!) {
  services(first: 50, filter: { lifecycle: [LIVE] }) {
    nodes {
      code
      name
      costRecovery {
        cost {
          amount
          currency
        }
        charged {
          amount
          currency
        }
        ratio
      }
      performance(period: $period) {
        availability
        targets {
          target {
            metric
            value
            unit
          }
          status
        }
      }
    }
  }
}
`,
    variables: () => JSON.stringify({ period: monthLabel(-1) }, null, 2),
  },
];

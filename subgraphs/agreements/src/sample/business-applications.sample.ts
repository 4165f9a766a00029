// Internal SLAs for Northwind's business applications: CRM and order processing, ERP, payroll (by the Shared Services Centre).
import { cover, customer, forService, provider, sla, priorityLadder, target } from "./agreements.builders";

export const salesCrmAndOrders = sla(
  {
    number: "SLA-2026-002",
    title: "Sales & Marketing — CRM and Order Processing SLA",
    description:
      "Customer-level SLA in a multi-level structure: the corporate terms of SLA-2025-012 and the email terms of SLA-2026-001 apply to Sales & Marketing, and this agreement adds CRM and SAP sales order processing commitments for the sales force.",
    status: "ACTIVE",
    from: -120,
    to: 610,
    provider: "CORP_IT",
    customers: ["SALES"],
  },
  {
    coverage: [
      cover(
        "CRM",
        "Mon–Fri 06:00–22:00 CET excluding public holidays",
        "24900.00",
        "Salesforce Sales Cloud for 640 sales users, including the SAP integration for customer master data, prices and order status.",
      ),
      cover(
        "ERP",
        "Mon–Fri 06:00–22:00 CET excluding public holidays",
        "8600.00",
        "Sales order entry, pricing, credit checks and delivery status in SAP S/4HANA for the German and Benelux sales organisations.",
      ),
    ],
    targets: [
      forService(
        "CRM",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "CRM, including the SAP integration, is available in at least 99.9% of the agreed service hours each month.",
        ),
        priorityLadder("HIGH", "RESPONSE_TIME", {
          P1: "A P1 CRM incident, such as sales users unable to log in, is picked up within 15 minutes.",
          P2: "A P2 CRM incident, such as quotes failing to generate, is picked up within 30 minutes.",
          P3: "A P3 CRM incident affecting a single user is picked up within one hour.",
          P4: "A P4 CRM question or report request is picked up within four hours.",
        }),
        priorityLadder("HIGH", "RESOLUTION_TIME", {
          P1: "P1 CRM incidents are resolved within four service hours.",
          P2: "P2 CRM incidents are resolved within eight service hours.",
          P3: "P3 CRM incidents are resolved within 24 service hours.",
          P4: "P4 CRM incidents are resolved within 72 service hours.",
        }),
      ),
      forService(
        "ERP",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "SAP sales order processing is available in at least 99.9% of the agreed service hours each month.",
        ),
        target("RESOLUTION_TIME", "<=", 4, "h", "A P1 incident blocking order entry is resolved within four hours.", {
          priority: "P1",
        }),
      ),
    ],
    responsibilities: [
      provider(
        "SUPPORT",
        "Provide a named CRM application manager who attends the monthly sales operations meeting and owns the problem backlog.",
      ),
      provider(
        "CHANGE_MANAGEMENT",
        "Deploy CRM and SAP sales releases outside the last five working days of each quarter, when the sales force closes deals.",
      ),
      customer(
        "COMPLIANCE",
        "Keep customer contact data in CRM accurate and delete personal data of inactive leads after 24 months, in line with GDPR.",
      ),
      customer(
        "CHANGE_MANAGEMENT",
        "Prioritise and approve CRM change requests through the Sales Operations product owner.",
      ),
      customer(
        "SECURITY",
        "Request removal of CRM licences and access for leavers within one working day of their last day.",
      ),
    ],
  },
);

export const erp = sla(
  {
    number: "SLA-2025-006",
    title: "SAP S/4HANA ERP SLA",
    description:
      "Service-based SLA for the SAP S/4HANA platform used around the clock by Group Finance, the warehouses and the plants, with a change success commitment that protects the month-end close.",
    status: "ACTIVE",
    from: -400,
    to: 330,
    provider: "CORP_IT",
    customers: ["FINANCE", "LOGISTICS", "MANUFACTURING"],
  },
  {
    coverage: [
      cover(
        "ERP",
        "24x7 except the maintenance window on the first Sunday of each month 00:00–06:00 CET",
        "61500.00",
        "SAP S/4HANA production system P01 with finance, controlling, purchasing, inventory management and production planning, including SAP Basis operations and second-line application support.",
      ),
    ],
    targets: [
      forService(
        "ERP",
        target(
          "AVAILABILITY",
          ">=",
          99.95,
          "%",
          "SAP is available in at least 99.95% of each month outside the monthly maintenance window.",
        ),
        priorityLadder("CRITICAL", "RESPONSE_TIME", {
          P1: "A P1 SAP incident, such as a plant unable to post goods movements, is picked up within 10 minutes.",
          P2: "A P2 SAP incident affecting one process or department is picked up within 20 minutes.",
          P3: "A P3 SAP incident affecting a single user is picked up within 45 minutes.",
          P4: "A P4 SAP question or minor fault is picked up within three hours.",
        }),
        priorityLadder("CRITICAL", "RESOLUTION_TIME", {
          P1: "P1 SAP incidents are resolved, or a workaround is in place, within two hours.",
          P2: "P2 SAP incidents are resolved within six hours.",
          P3: "P3 SAP incidents are resolved within 16 hours.",
          P4: "P4 SAP incidents are resolved within 48 hours.",
        }),
        target(
          "CHANGE_SUCCESS_RATE",
          ">=",
          95,
          "%",
          "At least 95% of changes to the SAP production system go live without causing an incident.",
          { period: "QUARTER" },
        ),
      ),
    ],
    responsibilities: [
      provider(
        "CHANGE_MANAGEMENT",
        "Freeze non-emergency SAP changes during the last two and the first three working days of each month.",
      ),
      provider(
        "DATA_PROTECTION",
        "Replicate the SAP HANA database to Amsterdam continuously and run a failover test with the business units twice a year.",
      ),
      provider(
        "MONITORING",
        "Monitor SAP background jobs, interfaces and response times 24x7 and alert the plant control rooms to any P1 incident within 15 minutes.",
      ),
      customer(
        "SUPPORT",
        "Provide trained key users for each SAP module who triage issues before raising incidents with the service desk.",
      ),
      customer(
        "COMPLIANCE",
        "Review and recertify the SAP roles of their staff every six months for the internal control system.",
      ),
      customer(
        "CHANGE_MANAGEMENT",
        "Test and sign off changes in the quality system within the agreed five-day test window.",
      ),
    ],
  },
);

export const payroll = sla(
  {
    number: "SLA-2024-009",
    title: "Payroll Processing SLA",
    description:
      "Open-ended SLA between the Shared Services Centre, Human Resources and Group Finance for payroll in Germany, the Netherlands and Poland, reviewed every year after the year-end run.",
    status: "ACTIVE",
    from: -610,
    to: null,
    provider: "SSC",
    customers: ["HR", "FINANCE"],
  },
  {
    coverage: [
      cover(
        "PAYROLL",
        "Mon–Fri 07:00–19:00 CET excluding public holidays",
        "22400.00",
        "Monthly payroll runs, payslip distribution, statutory filings and year-end reporting for about 4,300 employees in three countries.",
      ),
    ],
    targets: [
      forService(
        "PAYROLL",
        target(
          "AVAILABILITY",
          ">=",
          99.5,
          "%",
          "The payroll system is available in at least 99.5% of the agreed service hours each month.",
        ),
        target(
          "RESPONSE_TIME",
          "<=",
          30,
          "min",
          "An incident that puts a payroll run at risk is picked up by a payroll specialist within 30 minutes.",
          { priority: "P1" },
        ),
        priorityLadder("HIGH", "RESOLUTION_TIME", {
          P1: "P1 payroll incidents are resolved within four service hours.",
          P3: "Individual pay queries are answered and corrected within 24 service hours.",
        }),
        target(
          "CUSTOMER_SATISFACTION",
          ">=",
          4,
          "score",
          "The annual HR service survey rates payroll at least 4.0 on a scale of 1 to 5.",
          { period: "YEAR" },
        ),
      ),
    ],
    responsibilities: [
      provider(
        "SERVICE_DELIVERY",
        "Complete each monthly payroll run and send payment files to the bank by the third-last working day of the month.",
      ),
      provider(
        "COMPLIANCE",
        "File statutory payroll reports with the tax and social security authorities of each country by their legal deadlines.",
      ),
      customer(
        "SERVICE_DELIVERY",
        "Submit approved starters, leavers and pay changes by the payroll cut-off on the tenth working day of the month.",
      ),
      customer(
        "FINANCIAL",
        "Approve the payroll journal and fund the payroll bank account two working days before the payment date.",
      ),
    ],
  },
);

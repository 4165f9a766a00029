// Operational level agreements between internal groups; each underpins SLAs.
import { cover, customer, forService, ladder, ola, provider, target } from "./agreements.builders";

export const networkOperationsOla = ola(
  {
    number: "OLA-2025-003",
    title: "OLA: Network Operations → Service Desk",
    description:
      "Operational level agreement in which Network Operations commits to the service desk to support the WAN and the office network behind the workplace and infrastructure SLAs.",
    status: "ACTIVE",
    from: -300,
    to: null,
    provider: "CORP_IT",
    // SAP depends on the WAN (through hosting and sign-in): its SLA rests on this OLA too.
    underpins: ["SLA-2025-012", "SLA-2026-003", "SLA-2025-006"],
  },
  {
    coverage: [
      cover(
        "WAN",
        "24x7",
        null,
        "Second- and third-line support for the MPLS WAN, internet breakout and data centre firewalls, including management of NetCo.",
      ),
      cover(
        "LAN_WIFI",
        "24x7",
        null,
        "Second-line support for campus switches and Wi-Fi, including on-site dispatch for hardware faults.",
      ),
    ],
    targets: [
      forService(
        "WAN",
        target(
          "AVAILABILITY",
          ">=",
          99.95,
          "%",
          "Every site is connected to both data centres in at least 99.95% of each month.",
        ),
        target(
          "RESPONSE_TIME",
          "<=",
          10,
          "min",
          "A P1 network ticket assigned by the service desk is acknowledged by the on-call engineer within 10 minutes.",
          { priority: "P1" },
        ),
        target(
          "RESOLUTION_TIME",
          "<=",
          4,
          "h",
          "A site cut off from the data centres is reconnected, if necessary over 4G backup, within four hours.",
          { priority: "P1" },
        ),
      ),
      forService(
        "LAN_WIFI",
        target(
          "AVAILABILITY",
          ">=",
          99.7,
          "%",
          "Each site's wired and wireless network is available in at least 99.7% of each month.",
        ),
        target(
          "RESOLUTION_TIME",
          "<=",
          6,
          "h",
          "A failed switch or access point affecting part of a site is replaced within six hours.",
          { priority: "P2" },
        ),
      ),
    ],
    responsibilities: [
      provider(
        "SUPPORT",
        "Keep an on-call network engineer available 24x7 and accept P1 tickets assigned by the service desk without re-triage.",
      ),
      provider(
        "CHANGE_MANAGEMENT",
        "Submit network changes to the change advisory board at least five working days in advance, except emergency changes.",
      ),
      provider(
        "SERVICE_DELIVERY",
        "Manage NetCo under its underpinning contract, raising supplier tickets and escalations on the desk's behalf.",
      ),
      customer(
        "SUPPORT",
        "Log network incidents with the site, affected users and business impact, and assign them to the Network Operations queue within 10 minutes.",
      ),
      customer(
        "COMMUNICATION",
        "Pass on business requests for new sites, site moves and closures at least eight weeks before the required date.",
      ),
    ],
  },
);

export const infrastructureAndDatabaseOla = ola(
  {
    number: "OLA-2025-008",
    title: "OLA: Infrastructure & Database Engineering → Application Management",
    description:
      "Operational level agreement between the infrastructure and database teams and the application management teams for the hosting, database, backup and directory services behind SAP, the webshop, the workplace and business-unit applications.",
    status: "ACTIVE",
    from: -200,
    to: 530,
    provider: "CORP_IT",
    underpins: ["SLA-2025-006", "SLA-2024-007", "SLA-2026-003", "SLA-2025-012"],
  },
  {
    coverage: [
      cover("HOSTING", "24x7", null, "Virtual servers, storage and data centre operations in Frankfurt and Amsterdam."),
      cover(
        "DB_PLATFORM",
        "24x7",
        null,
        "Operation, patching, replication and tuning of the PostgreSQL, Oracle and SAP HANA databases.",
      ),
      cover(
        "BACKUP",
        "24x7",
        null,
        "Backup operation, backup monitoring and restores requested by the application teams.",
      ),
      cover(
        "IDENTITY",
        "24x7",
        null,
        "Operation of the directory, single sign-on and multi-factor authentication servers in both data centres.",
      ),
    ],
    targets: [
      forService(
        "HOSTING",
        target(
          "AVAILABILITY",
          ">=",
          99.98,
          "%",
          "The virtualisation and storage platform is available in at least 99.98% of each month.",
        ),
        target(
          "RESOLUTION_TIME",
          "<=",
          2,
          "h",
          "P1 platform incidents are resolved, or workloads failed over to Amsterdam, within two hours.",
          { priority: "P1" },
        ),
      ),
      forService(
        "DB_PLATFORM",
        target(
          "AVAILABILITY",
          ">=",
          99.98,
          "%",
          "Production databases accept connections in at least 99.98% of each month.",
        ),
        ladder("RESOLUTION_TIME", "<=", "h", {
          P1: [2, "P1 database incidents are resolved within two hours."],
          P2: [4, "P2 database incidents, such as replication lag or slow queries, are resolved within four hours."],
        }),
        target(
          "RECOVERY_POINT_OBJECTIVE",
          "<=",
          15,
          "min",
          "Database replication and log backups limit data loss after a disaster to 15 minutes.",
          { period: "YEAR" },
        ),
      ),
      forService(
        "BACKUP",
        target(
          "RECOVERY_POINT_OBJECTIVE",
          "<=",
          24,
          "h",
          "Every protected server has a successful backup no older than 24 hours.",
          { period: "YEAR" },
        ),
        target(
          "RECOVERY_TIME_OBJECTIVE",
          "<=",
          4,
          "h",
          "A production server is restored from backup within four hours of the restore request.",
          { period: "YEAR" },
        ),
      ),
      forService(
        "IDENTITY",
        target(
          "AVAILABILITY",
          ">=",
          99.99,
          "%",
          "Sign-in and multi-factor authentication servers answer in at least 99.99% of each month.",
        ),
        target("RESOLUTION_TIME", "<=", 1, "h", "A P1 sign-in outage is resolved within one hour.", {
          priority: "P1",
        }),
      ),
      // Added after the first targets, so that their ids (agreement number and position) stay the same.
      forService(
        "BACKUP",
        target(
          "AVAILABILITY",
          ">=",
          99.95,
          "%",
          "The backup platform accepts backup and restore jobs in at least 99.95% of each month.",
        ),
      ),
    ],
    responsibilities: [
      provider(
        "MONITORING",
        "Monitor capacity, replication lag and backup job results daily and raise an incident for every failed backup of a production system.",
      ),
      provider(
        "DATA_PROTECTION",
        "Test restores of a sample of production databases every month and record the results in ServiceNow.",
      ),
      provider("SECURITY", "Apply critical database and hypervisor security patches within 14 days of release."),
      customer(
        "CHANGE_MANAGEMENT",
        "Request new servers and databases through the service catalogue at least ten working days before they are needed.",
      ),
      customer(
        "SERVICE_DELIVERY",
        "Share expected growth in data volumes and transactions at the quarterly capacity review.",
      ),
    ],
  },
);

export const firstLineSupportOla = ola(
  {
    number: "OLA-2025-010",
    title: "OLA: SSC First-Line Support → Corporate IT Service Management",
    description:
      "Operational level agreement under which the Shared Services Centre in Kraków runs the first-line service desk on behalf of Corporate IT for the business units and Acme Retail.",
    status: "ACTIVE",
    from: -250,
    to: 480,
    provider: "SSC",
    underpins: ["SLA-2025-012", "SLA-2024-007"],
  },
  {
    coverage: [
      cover(
        "SERVICE_DESK",
        "Mon–Sat 07:00–20:00 CET excluding public holidays",
        null,
        "First-line call, chat and portal handling, incident logging and triage, password resets and standard requests in four languages.",
      ),
    ],
    targets: [
      forService(
        "SERVICE_DESK",
        ladder("RESPONSE_TIME", "<=", "min", {
          P1: [10, "P1 contacts are logged and acknowledged within 10 minutes."],
          P2: [20, "P2 contacts are logged and acknowledged within 20 minutes."],
          P3: [45, "P3 contacts are logged and acknowledged within 45 minutes."],
          P4: [180, "P4 contacts and standard requests are acknowledged within three hours."],
        }),
        target(
          "FIRST_CONTACT_RESOLUTION",
          ">=",
          75,
          "%",
          "At least 75% of contacts are resolved at first line without assignment to another group.",
        ),
        target(
          "CUSTOMER_SATISFACTION",
          ">=",
          4.4,
          "score",
          "Surveys on tickets closed at first line average at least 4.4 on a scale of 1 to 5 each quarter.",
          { period: "QUARTER" },
        ),
      ),
    ],
    responsibilities: [
      provider(
        "SUPPORT",
        "Log every contact in ServiceNow with category, priority and business impact, and assign tickets that cannot be resolved to the correct second-line group.",
      ),
      provider(
        "COMMUNICATION",
        "Escalate every P1 incident by phone to the Corporate IT duty manager within 10 minutes.",
      ),
      provider(
        "REPORTING",
        "Report contact volumes, first-contact resolution and satisfaction scores weekly to Corporate IT service management.",
      ),
      customer(
        "SUPPORT",
        "Keep knowledge articles and assignment rules in ServiceNow current so that first-line agents can resolve standard issues.",
      ),
      customer(
        "CHANGE_MANAGEMENT",
        "Brief the SSC team leads on major releases at least five working days before go-live.",
      ),
      customer("FINANCIAL", "Pay the SSC's monthly cross-charge at the agreed price per handled contact."),
    ],
  },
);

// SLAs with external customers: one in force, one being negotiated, one expired.
import { cover, customer, forService, provider, sla, priorityLadder, target } from "./agreements.builders";

export const acmeRetailManagedServices = sla(
  {
    number: "SLA-2024-007",
    title: "Acme Retail GmbH — Managed Services SLA",
    description:
      "Customer-based SLA bundling the B2B webshop, service desk, managed workplace devices and email for Acme Retail's stores and Munich head office. Version 2 added managed devices for the head office; renewal negotiations are under way.",
    status: "ACTIVE",
    from: -320,
    to: 45,
    provider: "CORP_IT",
    customers: ["ACME_RETAIL"],
  },
  {
    coverage: [
      cover(
        "WEBSHOP",
        "24x7 except the agreed maintenance window Sun 02:00–05:00 CET",
        "12800.00",
        "Store ordering through the B2B webshop and the order API used by Acme's merchandise management system, for all 85 stores.",
      ),
      cover(
        "SERVICE_DESK",
        "Mon–Sat 07:00–20:00 CET excluding Bavarian public holidays",
        "4350.00",
        "Service desk in German by phone, portal and email for Acme head office staff and store managers.",
      ),
      cover(
        "ENDPOINT",
        "Mon–Fri 08:00–18:00 CET excluding Bavarian public holidays",
        "6720.00",
        "Provisioning, patching and next-business-day replacement of 120 laptops at the Munich head office.",
      ),
      cover(
        "EMAIL",
        "24x7",
        "1875.00",
        "Exchange Online mailboxes for 140 Acme head office users in Acme's own mail domain.",
      ),
    ],
    targets: [
      forService(
        "WEBSHOP",
        target(
          "AVAILABILITY",
          ">=",
          99.95,
          "%",
          "The webshop and order API are available in at least 99.95% of each month outside the agreed maintenance window.",
        ),
        priorityLadder("CRITICAL", "RESPONSE_TIME", {
          P1: "A P1 incident that stops stores from ordering is picked up within 10 minutes, day or night.",
          P2: "A P2 webshop incident, such as failing order confirmations, is picked up within 20 minutes.",
          P3: "A P3 webshop incident affecting a single store is picked up within 45 minutes.",
          P4: "A P4 webshop question or cosmetic fault is picked up within three hours.",
        }),
        priorityLadder("CRITICAL", "RESOLUTION_TIME", {
          P1: "Ordering is restored within two hours of a P1 incident being logged.",
          P2: "P2 webshop incidents are resolved within six hours.",
          P3: "P3 webshop incidents are resolved within 16 hours.",
          P4: "P4 webshop incidents are resolved within 48 hours.",
        }),
      ),
      forService(
        "SERVICE_DESK",
        priorityLadder("HIGH", "RESPONSE_TIME", {
          P1: "P1 tickets raised by Acme are acknowledged by an agent within 15 minutes.",
          P2: "P2 tickets raised by Acme are acknowledged by an agent within 30 minutes.",
        }),
        target(
          "FIRST_CONTACT_RESOLUTION",
          ">=",
          70,
          "%",
          "At least 70% of Acme's calls and chats are resolved by the first agent without escalation.",
        ),
        target(
          "CUSTOMER_SATISFACTION",
          ">=",
          4.2,
          "score",
          "Closed-ticket surveys from Acme users average at least 4.2 on a scale of 1 to 5 each quarter.",
          { period: "QUARTER" },
        ),
      ),
      forService(
        "ENDPOINT",
        priorityLadder("MEDIUM", "RESOLUTION_TIME", {
          P2: "A laptop fault that stops a user working is fixed, or the device replaced, within 16 service hours.",
          P3: "Device faults with a workaround are resolved within 40 service hours.",
        }),
      ),
      forService(
        "EMAIL",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "Acme mailboxes can send and receive email in at least 99.9% of each month.",
        ),
      ),
    ],
    responsibilities: [
      provider(
        "SERVICE_DELIVERY",
        "Keep webshop prices and stock levels synchronised with SAP at least every 15 minutes.",
      ),
      provider(
        "COMMUNICATION",
        "Announce maintenance outside the agreed window at least ten working days in advance to Acme's service desk contact.",
      ),
      provider(
        "FINANCIAL",
        "Credit 5% of the monthly webshop charge for each full 0.1 percentage point by which availability falls short of target.",
      ),
      customer(
        "SUPPORT",
        "Route store incidents through Acme's central IT coordinator rather than through individual store staff.",
      ),
      customer(
        "FINANCIAL",
        "Pay monthly invoices within 30 days and report billing disputes within 14 days of the invoice date.",
      ),
      customer(
        "CHANGE_MANAGEMENT",
        "Announce promotions expected to more than double normal order volume at least four weeks in advance.",
      ),
    ],
  },
);

export const vanDijkOutletServicesDraft = sla(
  {
    number: "SLA-2026-004",
    title: "Van Dijk Franchise — Outlet Services SLA (draft)",
    description:
      "Draft customer SLA for the franchise partner's 23 outlets covering webshop ordering, service desk and email; terms are still under negotiation and may change before signature.",
    status: "DRAFT",
    from: 45,
    to: 775,
    provider: "CORP_IT",
    customers: ["VANDIJK_FRANCHISE"],
  },
  {
    coverage: [
      cover(
        "WEBSHOP",
        "24x7 except the agreed maintenance window Sun 02:00–05:00 CET",
        "7400.00",
        "Outlet ordering through the B2B webshop with franchise price lists and consolidated monthly invoicing.",
      ),
      cover(
        "SERVICE_DESK",
        "Mon–Sat 08:00–20:00 CET excluding Dutch public holidays",
        "2650.00",
        "Service desk in Dutch and English for outlet managers, by phone and portal.",
      ),
      cover("EMAIL", "24x7", "810.00", "Exchange Online mailboxes for 60 outlet and office users."),
    ],
    targets: [
      forService(
        "WEBSHOP",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "The webshop is available to outlets in at least 99.9% of each month outside the maintenance window.",
        ),
        target(
          "RESOLUTION_TIME",
          "<=",
          4,
          "h",
          "A P1 incident that stops outlets from ordering is resolved within four hours.",
          { priority: "P1" },
        ),
      ),
      forService(
        "SERVICE_DESK",
        priorityLadder("HIGH", "RESPONSE_TIME", {
          P1: "P1 tickets from outlets are acknowledged within 15 minutes during service hours.",
          P2: "P2 tickets from outlets are acknowledged within 30 minutes during service hours.",
        }),
      ),
      forService(
        "EMAIL",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "Outlet mailboxes can send and receive email in at least 99.9% of each month.",
        ),
      ),
    ],
    responsibilities: [
      provider("SUPPORT", "Provide Dutch-speaking service desk agents throughout the agreed service hours."),
      provider(
        "SERVICE_DELIVERY",
        "Set up franchise price lists and outlet accounts in the webshop before the service start date.",
      ),
      customer(
        "FINANCIAL",
        "Pay the one-off onboarding fee before go-live and monthly charges within 30 days of invoice.",
      ),
      customer(
        "COMPLIANCE",
        "Ensure outlet staff accept the Northwind acceptable use policy before their accounts are issued.",
      ),
    ],
  },
);

export const stadtwerkeManagedPrintExpired = sla(
  {
    number: "SLA-2023-005",
    title: "Stadtwerke Rheintal — Managed Print and Desktop SLA",
    description:
      "Customer SLA for printing and desktop support at the utility's headquarters and two depots; it expired and was not renewed after the customer moved to the municipal IT cooperative.",
    status: "EXPIRED",
    from: -1150,
    to: -60,
    provider: "CORP_IT",
    customers: ["STADTWERKE_RHEINTAL"],
  },
  {
    coverage: [
      cover(
        "PRINT",
        "Mon–Fri 07:00–17:00 CET excluding public holidays in Rhineland-Palatinate",
        "1980.00",
        "Server-based printing on 24 leased multifunction devices, including toner supply and on-site repair.",
      ),
      cover(
        "ENDPOINT",
        "Mon–Fri 07:00–17:00 CET excluding public holidays in Rhineland-Palatinate",
        "9450.00",
        "Desktop support, patching and hardware replacement for 210 workstations.",
      ),
    ],
    targets: [
      forService(
        "PRINT",
        target(
          "AVAILABILITY",
          ">=",
          98.5,
          "%",
          "Print servers and devices are available in at least 98.5% of the agreed service hours each month.",
        ),
        target(
          "RESOLUTION_TIME",
          "<=",
          24,
          "h",
          "A faulty multifunction device is repaired or swapped within 24 service hours.",
          { priority: "P3" },
        ),
      ),
      forService(
        "ENDPOINT",
        priorityLadder("HIGH", "RESOLUTION_TIME", {
          P2: "A workstation fault that stops a user working is resolved within eight service hours.",
          P3: "Workstation faults with a workaround are resolved within 24 service hours.",
        }),
      ),
    ],
    responsibilities: [
      provider(
        "SERVICE_DELIVERY",
        "Replace toner and consumables before devices run out, based on remote meter readings.",
      ),
      provider(
        "REPORTING",
        "Report print volumes per cost centre each month for the customer's internal cost allocation.",
      ),
      customer("FINANCIAL", "Pay the agreed price per printed page on top of the monthly device charge."),
      customer(
        "COMPLIANCE",
        "Apply the public-sector records retention rules to scanned documents stored on the utility's file shares.",
      ),
    ],
  },
);

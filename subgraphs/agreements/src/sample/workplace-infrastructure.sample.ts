// Internal SLAs for Northwind's business units: email and collaboration, the digital workplace, infrastructure.
import { cover, customer, forService, provider, sla, priorityLadder, target } from "./agreements.builders";

export const emailAndCollaboration = sla(
  {
    number: "SLA-2026-001",
    title: "Email & Collaboration SLA",
    description:
      "Service-based SLA covering corporate email and Teams/SharePoint collaboration on identical terms for all five Northwind business units; charges are allocated by mailbox count.",
    status: "ACTIVE",
    from: -150,
    to: 560,
    provider: "CORP_IT",
    customers: ["FINANCE", "SALES", "HR", "LOGISTICS", "MANUFACTURING"],
  },
  {
    coverage: [
      cover(
        "EMAIL",
        "24x7",
        "18450.00",
        "Exchange Online mailboxes of up to 100 GB, shared mailboxes, distribution lists and spam and malware filtering for all employees of the five business units.",
      ),
      cover(
        "COLLAB",
        "24x7",
        "12600.00",
        "Teams chat and meetings, SharePoint team sites and 1 TB of OneDrive storage per user, with new teams created through the self-service portal.",
      ),
    ],
    targets: [
      forService(
        "EMAIL",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "Email can be sent and received in at least 99.9% of each month, excluding announced Microsoft maintenance.",
        ),
        priorityLadder("HIGH", "RESPONSE_TIME", {
          P1: "A P1 email incident, such as a whole site unable to send or receive, is picked up within 15 minutes.",
          P2: "A P2 email incident affecting a team or an executive is picked up within 30 minutes.",
          P3: "A P3 email incident affecting a single user is picked up within one hour.",
          P4: "A P4 email fault or how-to question is picked up within four hours.",
        }),
        priorityLadder("HIGH", "RESOLUTION_TIME", {
          P1: "Mail flow is restored within four hours of a P1 incident being logged.",
          P2: "P2 email incidents are resolved within eight hours.",
          P3: "P3 email incidents are resolved within 24 hours.",
          P4: "P4 email incidents are resolved within 72 hours.",
        }),
      ),
      forService(
        "COLLAB",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "Teams and SharePoint Online are usable in at least 99.9% of each month.",
        ),
        priorityLadder("MEDIUM", "RESOLUTION_TIME", {
          P1: "A P1 incident stopping meetings or file access for a site is resolved within eight hours.",
          P2: "A P2 collaboration incident affecting a team is resolved within 16 hours.",
        }),
      ),
    ],
    responsibilities: [
      provider(
        "MONITORING",
        "Monitor mail flow and Microsoft 365 service health 24x7 and notify the business units' escalation contacts of P1 incidents within 15 minutes.",
      ),
      provider(
        "REPORTING",
        "Deliver a monthly service level report covering availability, incident volumes and breaches by the fifth working day of the following month.",
      ),
      provider(
        "DATA_PROTECTION",
        "Retain deleted mailbox items for 30 days and restore individual mailboxes or sites on request within two working days.",
      ),
      customer(
        "SUPPORT",
        "Report incidents through the service desk portal or hotline, stating the business impact and the number of users affected.",
      ),
      customer(
        "SECURITY",
        "Ensure employees complete the annual phishing-awareness training and report suspicious email with the Report Message button.",
      ),
      customer(
        "COMMUNICATION",
        "Nominate a business owner per business unit and keep contact details current in the customer record.",
      ),
    ],
  },
);

export const digitalWorkplace = sla(
  {
    number: "SLA-2025-012",
    title: "Digital Workplace SLA",
    description:
      "Corporate-level SLA for the services every employee uses — service desk, workplace devices, accounts and access, and the office network — setting the common terms that the business-unit SLAs build on.",
    status: "ACTIVE",
    from: -250,
    to: null,
    provider: "CORP_IT",
    customers: ["FINANCE", "SALES", "HR", "LOGISTICS", "MANUFACTURING"],
  },
  {
    coverage: [
      cover(
        "SERVICE_DESK",
        "Mon–Fri 07:00–19:00 CET excluding public holidays; P1 hotline 24x7",
        "41200.00",
        "Service desk by portal, phone and chat in German, English, Dutch and Polish, with first-line support delivered by the Shared Services Centre.",
      ),
      cover(
        "ENDPOINT",
        "Mon–Fri 07:00–19:00 CET excluding public holidays",
        "58900.00",
        "Standard laptops, desktops and mobile devices with software deployment, patching, repair and replacement.",
      ),
      cover(
        "IDENTITY",
        "24x7",
        null,
        "User accounts, password resets, multi-factor authentication and access requests for employees and contractors.",
      ),
      cover(
        "LAN_WIFI",
        "24x7",
        "14900.00",
        "Wired and wireless network in all offices, plants and warehouses, including guest Wi-Fi.",
      ),
    ],
    targets: [
      forService(
        "SERVICE_DESK",
        priorityLadder("HIGH", "RESPONSE_TIME", {
          P1: "P1 tickets are acknowledged by an agent within 15 minutes, around the clock through the P1 hotline.",
          P2: "P2 tickets are acknowledged by an agent within 30 minutes during service hours.",
          P3: "P3 tickets are acknowledged by an agent within one hour during service hours.",
          P4: "P4 tickets and standard requests are acknowledged within four service hours.",
        }),
        target(
          "FIRST_CONTACT_RESOLUTION",
          ">=",
          70,
          "%",
          "At least 70% of calls and chats are resolved by the first agent without escalation.",
        ),
        target(
          "CUSTOMER_SATISFACTION",
          ">=",
          4.2,
          "score",
          "Closed-ticket surveys average at least 4.2 on a scale of 1 to 5 each quarter.",
          { period: "QUARTER" },
        ),
      ),
      forService(
        "ENDPOINT",
        priorityLadder("MEDIUM", "RESOLUTION_TIME", {
          P1: "A device fault stopping a site or a critical role, such as a plant supervisor, is resolved within eight hours.",
          P2: "A device fault that stops a user working is fixed, or the device swapped, within 16 service hours.",
          P3: "Device faults with a workaround are resolved within 40 service hours.",
          P4: "Minor device faults and software installation requests are completed within 120 service hours.",
        }),
      ),
      forService(
        "IDENTITY",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "Sign-in and multi-factor authentication work in at least 99.9% of each month.",
        ),
        target("RESOLUTION_TIME", "<=", 2, "h", "A P1 sign-in outage is resolved within two hours.", {
          priority: "P1",
        }),
      ),
      forService(
        "LAN_WIFI",
        target(
          "AVAILABILITY",
          ">=",
          99.5,
          "%",
          "Each site's wired and wireless network is available in at least 99.5% of each month.",
        ),
        target(
          "RESOLUTION_TIME",
          "<=",
          8,
          "h",
          "A failed switch or Wi-Fi outage affecting part of a site is resolved within eight hours.",
          { priority: "P2" },
        ),
      ),
    ],
    responsibilities: [
      provider(
        "SUPPORT",
        "Staff the service desk for the agreed hours and run a 24x7 P1 hotline backed by an on-call duty manager.",
      ),
      provider(
        "SECURITY",
        "Apply critical security patches to managed devices within 14 days of release and report patch compliance monthly.",
      ),
      provider(
        "REPORTING",
        "Deliver a monthly service level report by the fifth working day and hold a quarterly service review with each business owner.",
      ),
      customer("SUPPORT", "Report incidents through the service desk portal or hotline, stating the business impact."),
      customer(
        "SECURITY",
        "Approve access requests for their staff within two working days and make sure HR records leavers before their last day.",
      ),
      customer("COMMUNICATION", "Nominate a business owner and keep contact details current."),
    ],
  },
);

export const infrastructureLogisticsManufacturing = sla(
  {
    number: "SLA-2026-003",
    title: "Infrastructure Services SLA — Logistics & Manufacturing",
    description:
      "SLA for the hosting, backup and site connectivity behind the applications Logistics and Manufacturing own themselves, such as the warehouse management system and the plant execution systems.",
    status: "ACTIVE",
    from: -110,
    to: 620,
    provider: "CORP_IT",
    customers: ["LOGISTICS", "MANUFACTURING"],
  },
  {
    coverage: [
      cover(
        "HOSTING",
        "24x7",
        null,
        "Virtual servers and storage in Frankfurt for the warehouse management, transport planning and plant execution systems, with failover capacity in Amsterdam.",
      ),
      cover(
        "BACKUP",
        "24x7",
        null,
        "Nightly backup of the business units' servers with 35-day retention and restores on request.",
      ),
      cover("WAN", "24x7", null, "MPLS connectivity with 4G backup for the 14 warehouses and the three plants."),
    ],
    targets: [
      forService(
        "HOSTING",
        target("AVAILABILITY", ">=", 99.9, "%", "Hosted servers are available in at least 99.9% of each month."),
        priorityLadder("CRITICAL", "RESOLUTION_TIME", {
          P1: "A P1 hosting incident stopping a warehouse or plant system is resolved within two hours.",
          P2: "A P2 hosting incident degrading a business-unit system is resolved within six hours.",
        }),
      ),
      forService(
        "BACKUP",
        target(
          "RECOVERY_POINT_OBJECTIVE",
          "<=",
          24,
          "h",
          "No more than 24 hours of data are lost when a server is restored from backup.",
          { period: "YEAR" },
        ),
        target(
          "RECOVERY_TIME_OBJECTIVE",
          "<=",
          8,
          "h",
          "A lost production server is restored from backup and running again within eight hours.",
          { period: "YEAR" },
        ),
      ),
      forService(
        "WAN",
        target(
          "AVAILABILITY",
          ">=",
          99.9,
          "%",
          "Each warehouse and plant is connected to the data centres in at least 99.9% of each month.",
        ),
        target(
          "RESOLUTION_TIME",
          "<=",
          4,
          "h",
          "A site cut off from the data centres has its connection restored within four hours.",
          { priority: "P1" },
        ),
      ),
    ],
    responsibilities: [
      provider(
        "DATA_PROTECTION",
        "Run a full disaster recovery test of the warehouse management system with Logistics once a year and share the results.",
      ),
      provider(
        "MONITORING",
        "Monitor servers, storage and site links 24x7 and notify the Logistics Control Tower or the plant control room of P1 incidents within 15 minutes.",
      ),
      provider(
        "CHANGE_MANAGEMENT",
        "Schedule infrastructure maintenance affecting warehouses outside the peak season from mid-November to the end of December.",
      ),
      customer(
        "SERVICE_DELIVERY",
        "Keep the applications they own on vendor-supported versions and apply application patches within the agreed timescales.",
      ),
      customer(
        "DATA_PROTECTION",
        "Tell Corporate IT which servers hold business-critical data and request changes to the backup scope in writing.",
      ),
      customer(
        "COMMUNICATION",
        "Keep the 24x7 escalation contacts of the Logistics Control Tower and the plant control rooms current.",
      ),
    ],
  },
);

// Underpinning contracts with NetCo, the WAN supplier: the one in force and the terminated one it replaced.
import { contract, cover, customer, forService, provider, priorityLadder, target } from "./agreements.builders";

export const netcoBridgingContract = contract(
  {
    number: "UC-2026-001",
    title: "NetCo Managed WAN — Bridging Contract",
    description:
      "Underpinning contract with NetCo for the managed MPLS WAN, internet access and on-site network hardware replacement; a short bridging contract that runs while the WAN re-tender is completed.",
    status: "ACTIVE",
    from: -110,
    to: 72,
    provider: "NETCO",
    // Behind Network Operations' OLA, which manages NetCo for the desk: contract → OLA → SLAs.
    underpins: ["OLA-2025-003"],
  },
  {
    coverage: [
      cover(
        "WAN",
        "24x7",
        "28600.00",
        "Managed MPLS and internet access for 42 sites and both data centres, with 4G backup routers and a 24x7 network operations centre.",
      ),
      cover(
        "LAN_WIFI",
        "Mon–Sat 07:00–20:00 CET",
        "3100.00",
        "On-site replacement of failed campus switches and Wi-Fi access points from NetCo's regional spares depots.",
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
          "Each site's primary or backup connection is up in at least 99.95% of each month.",
        ),
        target(
          "RESPONSE_TIME",
          "<=",
          10,
          "min",
          "NetCo's network operations centre acknowledges a P1 ticket within 10 minutes.",
          { priority: "P1" },
        ),
        priorityLadder("HIGH", "RESOLUTION_TIME", {
          P1: "A site outage is fixed, including on-site router replacement where needed, within four hours.",
          P2: "Degraded site connectivity, such as running on 4G backup, is fixed within eight hours.",
        }),
      ),
      forService(
        "LAN_WIFI",
        target(
          "RESOLUTION_TIME",
          "<=",
          6,
          "h",
          "A failed campus switch or access point is replaced on site within six hours, Monday to Saturday 07:00–20:00.",
          { priority: "P2" },
        ),
      ),
    ],
    responsibilities: [
      provider(
        "SERVICE_DELIVERY",
        "Replace failed site routers and switches on site within the contracted resolution times, using spares held in NetCo's depots.",
      ),
      provider(
        "REPORTING",
        "Provide a monthly report of availability per site and of all incidents, with a root-cause analysis for every P1.",
      ),
      provider(
        "SECURITY",
        "Maintain ISO/IEC 27001 certification and notify Northwind of security incidents affecting its network within 24 hours.",
      ),
      customer(
        "SUPPORT",
        "Raise tickets through NetCo's portal or hotline and arrange site access for NetCo engineers on arrival.",
      ),
      customer("FINANCIAL", "Pay NetCo invoices within 45 days and raise disputes within 30 days of the invoice date."),
      customer(
        "CHANGE_MANAGEMENT",
        "Order new circuits and bandwidth changes at least 60 days before they are needed.",
      ),
    ],
  },
);

export const netcoFrameworkContract = contract(
  {
    number: "UC-2024-002",
    title: "NetCo Managed WAN — 2024 Framework Contract",
    description:
      "Original three-year WAN contract with NetCo, terminated early by mutual agreement after repeated availability breaches and replaced by the bridging contract UC-2026-001.",
    status: "TERMINATED",
    from: -520,
    to: -110,
    provider: "NETCO",
    underpins: ["OLA-2025-003"],
  },
  {
    coverage: [
      cover("WAN", "24x7", "26900.00", "Managed MPLS and internet access for 40 sites and both data centres."),
    ],
    targets: [
      forService(
        "WAN",
        target("AVAILABILITY", ">=", 99.9, "%", "Each site's connection is up in at least 99.9% of each month."),
        target("RESOLUTION_TIME", "<=", 6, "h", "A site outage is fixed within six hours.", { priority: "P1" }),
      ),
    ],
    responsibilities: [
      provider(
        "SERVICE_DELIVERY",
        "Operate the MPLS network and the site routers, including configuration backups and firmware updates.",
      ),
      provider(
        "FINANCIAL",
        "Credit 10% of the monthly site charge for every month in which a site misses its availability target.",
      ),
      customer(
        "SUPPORT",
        "Raise tickets through NetCo's portal or hotline, giving the site code and observed symptoms.",
      ),
      customer(
        "COMMUNICATION",
        "Name a supplier manager in Network Operations who chairs the monthly service review with NetCo.",
      ),
    ],
  },
);

// The services of the sample catalogue of Northwind Group, in the order they are seeded: 18 services
// (15 live, 2 pipeline, 1 retired), most of them customer-facing.
import { Criticality, ServiceLifecycle, ServiceType } from "../it-services/service.enums";
import type { SampleService } from "./catalog.sample-types";

/** A sample service as written below: customer-facing and LIVE unless it says otherwise. */
interface ServiceRow {
  name: string;
  description: string;
  category: string;
  type?: keyof typeof ServiceType;
  lifecycle?: keyof typeof ServiceLifecycle;
  criticality: keyof typeof Criticality;
  owner: string;
  /** Amount and currency, e.g. "18450.00 EUR". */
  monthlyCost: string;
  /** Component keys. */
  components: string[];
  /** Service codes. */
  dependsOn: string[];
}

function service(code: string, row: ServiceRow): SampleService {
  const [amount, currency] = row.monthlyCost.split(" ");
  return {
    code,
    name: row.name,
    description: row.description,
    category: row.category,
    type: ServiceType[row.type ?? "CUSTOMER_FACING"],
    lifecycle: ServiceLifecycle[row.lifecycle ?? "LIVE"],
    criticality: Criticality[row.criticality],
    owner: row.owner,
    monthlyCost: { amount, currency },
    components: row.components,
    dependsOn: row.dependsOn,
  };
}

export const sampleServices: SampleService[] = [
  service("EMAIL", {
    name: "Corporate Email",
    description:
      "Mailboxes, shared mailboxes, distribution lists and calendars for all employees on Exchange Online, with spam and malware filtering.",
    category: "Communication & Collaboration",
    criticality: "HIGH",
    owner: "Messaging Team",
    monthlyCost: "18450.00 EUR",
    components: ["exchange-online"],
    dependsOn: ["IDENTITY", "WAN"],
  }),
  service("COLLAB", {
    name: "Teams & SharePoint Collaboration",
    description:
      "Chat, online meetings, team sites and personal file storage in Microsoft Teams, SharePoint Online and OneDrive.",
    category: "Communication & Collaboration",
    criticality: "MEDIUM",
    owner: "Modern Workplace Team",
    monthlyCost: "12600.00 EUR",
    components: ["m365-collab"],
    dependsOn: ["IDENTITY", "WAN"],
  }),
  service("ERP", {
    name: "Enterprise Resource Planning (SAP S/4HANA)",
    description:
      "Finance, controlling, purchasing, sales order processing, production planning and inventory management on SAP S/4HANA.",
    category: "Business Applications",
    criticality: "CRITICAL",
    owner: "SAP Competence Centre",
    monthlyCost: "96500.00 EUR",
    components: ["sap-s4hana", "sap-hana-db"],
    dependsOn: ["DB_PLATFORM", "HOSTING", "IDENTITY"],
  }),
  service("CRM", {
    name: "Customer Relationship Management",
    description:
      "Account, opportunity and quote management for the sales force in Salesforce Sales Cloud, integrated with SAP for prices and order status.",
    category: "Business Applications",
    criticality: "HIGH",
    owner: "Sales Applications Team",
    monthlyCost: "27300.00 USD",
    components: ["salesforce-org"],
    dependsOn: ["IDENTITY", "ERP"],
  }),
  service("SERVICE_DESK", {
    name: "IT Service Desk",
    description:
      "Single point of contact for incidents and service requests by portal, phone and chat, in German, English, Dutch and Polish.",
    category: "End-User Services",
    criticality: "HIGH",
    owner: "Julia Hartmann (Service Desk Manager)",
    monthlyCost: "41200.00 EUR",
    components: ["servicenow-instance"],
    dependsOn: ["IDENTITY", "EMAIL"],
  }),
  service("WAN", {
    name: "Wide Area Network",
    description:
      "MPLS and internet connectivity linking every Northwind site to both data centres and to the internet, including the central firewalls.",
    category: "Network",
    type: "SUPPORTING",
    criticality: "CRITICAL",
    owner: "Network Operations",
    monthlyCost: "33800.00 EUR",
    components: ["mpls-wan", "edge-firewalls"],
    dependsOn: [],
  }),
  service("LAN_WIFI", {
    name: "Office Network & Wi-Fi",
    description:
      "Wired and wireless network access in offices, plants and warehouses, including guest Wi-Fi for visitors and contractors.",
    category: "Network",
    criticality: "HIGH",
    owner: "Network Operations",
    monthlyCost: "14900.00 EUR",
    components: ["campus-lan"],
    dependsOn: ["WAN", "IDENTITY"],
  }),
  service("VPN", {
    name: "Remote Access VPN",
    description:
      "Secure remote access to internal applications for employees and approved contractors working off-site; provided on a best-effort basis until zero-trust access replaces it.",
    category: "Network",
    criticality: "MEDIUM",
    owner: "Network Security Team",
    monthlyCost: "6750.00 EUR",
    components: ["vpn-gateways", "edge-firewalls"],
    dependsOn: ["IDENTITY", "WAN"],
  }),
  service("HOSTING", {
    name: "Server Hosting",
    description:
      "Virtual servers, block storage and data centre capacity in Frankfurt and Amsterdam for Northwind applications, including the application environments owned by business units.",
    category: "Hosting & Infrastructure",
    type: "SUPPORTING",
    criticality: "CRITICAL",
    owner: "Infrastructure & Hosting Team",
    monthlyCost: "78400.00 EUR",
    components: ["dc-frankfurt", "dc-amsterdam", "vmware-cluster", "san-storage", "dc-core-switches"],
    dependsOn: ["WAN"],
  }),
  service("DB_PLATFORM", {
    name: "Database Platform",
    description:
      "Managed PostgreSQL, Oracle and SAP HANA databases with patching, performance tuning and replication, consumed by application teams.",
    category: "Hosting & Infrastructure",
    type: "SUPPORTING",
    criticality: "HIGH",
    owner: "Database Engineering",
    monthlyCost: "36200.00 EUR",
    components: ["postgresql-cluster", "oracle-cluster", "sap-hana-db", "san-storage"],
    dependsOn: ["HOSTING", "BACKUP"],
  }),
  service("BACKUP", {
    name: "Backup & Restore",
    description:
      "Nightly backup of servers, databases and Microsoft 365 data with an immutable copy in Amsterdam, and restores on request.",
    category: "Data Protection",
    type: "SUPPORTING",
    criticality: "HIGH",
    owner: "Infrastructure & Hosting Team",
    monthlyCost: "15300.00 EUR",
    components: ["veeam-backup", "backup-repository", "dc-amsterdam"],
    dependsOn: ["HOSTING"],
  }),
  service("IDENTITY", {
    name: "Identity & Access Management",
    description:
      "User accounts, single sign-on, multi-factor authentication and access rights for employees, contractors and service accounts.",
    category: "Identity & Security",
    type: "SUPPORTING",
    criticality: "CRITICAL",
    owner: "Identity & Access Management Team",
    monthlyCost: "11850.00 EUR",
    components: ["entra-id", "active-directory"],
    dependsOn: ["WAN"],
  }),
  service("ENDPOINT", {
    name: "Managed Workplace Devices",
    description:
      "Provision, patching, repair and replacement of laptops, desktops and mobile devices, including standard software and cloud printing.",
    category: "End-User Services",
    criticality: "MEDIUM",
    owner: "Modern Workplace Team",
    monthlyCost: "58900.00 EUR",
    components: ["laptop-fleet", "intune"],
    dependsOn: ["IDENTITY", "LAN_WIFI"],
  }),
  service("PRINT", {
    name: "Managed Print",
    description:
      "Server-based printing, scanning and copying on leased multifunction devices; retired after printing moved to cloud print under Managed Workplace Devices.",
    category: "End-User Services",
    lifecycle: "RETIRED",
    criticality: "LOW",
    owner: "Modern Workplace Team",
    monthlyCost: "7420.00 EUR",
    components: ["print-fleet"],
    dependsOn: ["IDENTITY", "LAN_WIFI"],
  }),
  service("PAYROLL", {
    name: "Payroll Processing",
    description:
      "Monthly payroll runs, payslips, statutory reporting and year-end processing for employees in Germany, the Netherlands and Poland.",
    category: "Business Applications",
    criticality: "HIGH",
    owner: "Petra Nowak (Head of Payroll, Shared Services Centre)",
    monthlyCost: "22400.00 EUR",
    components: ["sap-s4hana", "payroll-data"],
    dependsOn: ["ERP", "IDENTITY"],
  }),
  service("WEBSHOP", {
    name: "B2B Webshop",
    description:
      "Online ordering, order tracking and invoice download for retail partners and trade customers, with orders flowing into SAP in near real time.",
    category: "Business Applications",
    criticality: "CRITICAL",
    owner: "Digital Commerce Team",
    monthlyCost: "31750.00 EUR",
    components: ["webshop-platform", "load-balancers", "postgresql-cluster"],
    dependsOn: ["HOSTING", "DB_PLATFORM", "ERP"],
  }),
  service("DATA_WAREHOUSE", {
    name: "Data Warehouse & Analytics",
    description:
      "New cloud data platform consolidating sales, finance and logistics reporting; in build, with the first finance dashboards in user acceptance testing.",
    category: "Data & Analytics",
    lifecycle: "PIPELINE",
    criticality: "MEDIUM",
    owner: "Dr. Lukas Brandt (Head of Data & Analytics)",
    monthlyCost: "9600.00 USD",
    components: ["dwh-snowflake"],
    dependsOn: ["ERP", "CRM", "IDENTITY"],
  }),
  service("ZTNA", {
    name: "Zero Trust Network Access",
    description:
      "Identity-based access to internal applications from any location without a full network tunnel; in pilot and planned to replace the remote-access VPN.",
    category: "Identity & Security",
    lifecycle: "PIPELINE",
    criticality: "MEDIUM",
    owner: "Network Security Team",
    monthlyCost: "8900.00 EUR",
    components: ["ztna-broker"],
    dependsOn: ["IDENTITY", "WAN"],
  }),
];

// Sample IT service catalogue of Northwind Group: 18 services (15 live, 2 pipeline, 1 retired) and their components.
import { ComponentKind } from "../components/component.enums";
import { Criticality, ServiceLifecycle, ServiceType } from "../it-services/service.enums";
import type { SampleComponent, SampleService } from "./catalog.sample-types";

export const sampleComponents: SampleComponent[] = [
  {
    key: "dc-frankfurt",
    name: "Data centre Frankfurt (DC-Frankfurt)",
    kind: ComponentKind.FACILITY,
    description:
      "Primary Tier III colocation data centre in Frankfurt-Sossenheim with two cages, N+1 cooling and dual power feeds; houses production compute, storage and the core network.",
  },
  {
    key: "dc-amsterdam",
    name: "Data centre Amsterdam (DC-Amsterdam)",
    kind: ComponentKind.FACILITY,
    description:
      "Secondary data centre in Schiphol-Rijk used for disaster recovery, the immutable backup copy and the Benelux WAN hub.",
  },
  {
    key: "vmware-cluster",
    name: "VMware vSphere cluster FRA-PROD-01",
    kind: ComponentKind.HARDWARE,
    description:
      "Sixteen Dell PowerEdge R760 hosts running VMware vSphere 8, stretched across both data centres; runs about 900 production virtual machines.",
  },
  {
    key: "san-storage",
    name: "Pure Storage FlashArray SAN",
    kind: ComponentKind.HARDWARE,
    description:
      "Two Pure Storage FlashArray//X70 arrays with synchronous replication between Frankfurt and Amsterdam, providing 410 TB usable for virtual machines and databases.",
  },
  {
    key: "backup-repository",
    name: "Immutable backup repository",
    kind: ComponentKind.HARDWARE,
    description:
      "Hardened Linux repository servers with 1.2 PB of immutable storage in Amsterdam, plus a monthly copy to an offline cloud archive tier.",
  },
  {
    key: "laptop-fleet",
    name: "Managed laptop and desktop fleet",
    kind: ComponentKind.HARDWARE,
    description:
      "About 3,400 Lenovo ThinkPad laptops and 600 shop-floor desktops on a four-year lease with staged hardware refresh.",
  },
  {
    key: "print-fleet",
    name: "Print servers and multifunction printers",
    kind: ComponentKind.HARDWARE,
    description:
      "Two Windows print servers and 180 leased multifunction devices; decommissioned after printing moved to cloud print on managed devices.",
  },
  {
    key: "dc-core-switches",
    name: "Data centre core switches",
    kind: ComponentKind.NETWORK,
    description:
      "Pair of Cisco Nexus 9000 spine switches in each data centre with 100 GbE uplinks to the compute and storage fabric.",
  },
  {
    key: "mpls-wan",
    name: "MPLS WAN",
    kind: ComponentKind.NETWORK,
    description:
      "NetCo-managed MPLS network connecting 42 offices, plants and warehouses in six countries to both data centres, with 4G backup on every site router.",
  },
  {
    key: "edge-firewalls",
    name: "Internet edge firewalls",
    kind: ComponentKind.NETWORK,
    description:
      "Palo Alto PA-5400 firewall clusters in both data centres handling internet breakout, partner tunnels and remote-access termination.",
  },
  {
    key: "campus-lan",
    name: "Campus LAN and Wi-Fi",
    kind: ComponentKind.NETWORK,
    description:
      "Aruba access switches and about 1,100 Wi-Fi 6 access points across offices, plants and warehouses, with 802.1X authentication.",
  },
  {
    key: "vpn-gateways",
    name: "Remote-access VPN gateways",
    kind: ComponentKind.NETWORK,
    description: "GlobalProtect portal and gateways on the edge firewalls, licensed for 2,500 concurrent users.",
  },
  {
    key: "load-balancers",
    name: "Load balancers and web application firewall",
    kind: ComponentKind.NETWORK,
    description:
      "F5 BIG-IP pair in front of the webshop and partner APIs providing TLS termination, WAF policies and bot protection.",
  },
  {
    key: "exchange-online",
    name: "Exchange Online tenant",
    kind: ComponentKind.SOFTWARE,
    description:
      "Exchange Online mailboxes for about 4,100 users in the Northwind Microsoft 365 tenant, with Defender for Office 365 filtering and a hybrid relay for application mail.",
  },
  {
    key: "m365-collab",
    name: "Microsoft Teams and SharePoint Online",
    kind: ComponentKind.SOFTWARE,
    description:
      "Teams, SharePoint Online and OneDrive in the Northwind Microsoft 365 tenant, including about 2,300 teams and the intranet sites.",
  },
  {
    key: "entra-id",
    name: "Microsoft Entra ID",
    kind: ComponentKind.SOFTWARE,
    description:
      "Cloud identity provider for single sign-on, conditional access and multi-factor authentication to Microsoft 365, Salesforce, ServiceNow and SAP Fiori.",
  },
  {
    key: "active-directory",
    name: "Active Directory Domain Services",
    kind: ComponentKind.SOFTWARE,
    description:
      "On-premises forest corp.northwind.example with six physical domain controllers in both data centres and the regional hubs, synchronised to Entra ID.",
  },
  {
    key: "sap-s4hana",
    name: "SAP S/4HANA production system P01",
    kind: ComponentKind.SOFTWARE,
    description:
      "SAP S/4HANA production instance running finance, controlling, purchasing, sales and distribution, production planning and HCM payroll.",
  },
  {
    key: "sap-hana-db",
    name: "SAP HANA database",
    kind: ComponentKind.DATA,
    description: "Scale-up SAP HANA 2.0 database of 6 TB behind S/4HANA, with system replication to Amsterdam.",
  },
  {
    key: "salesforce-org",
    name: "Salesforce Sales Cloud org",
    kind: ComponentKind.SOFTWARE,
    description:
      "Salesforce Sales Cloud Enterprise org used by 640 sales users, integrated with SAP for customer master data, prices and order status.",
  },
  {
    key: "webshop-platform",
    name: "B2B webshop platform",
    kind: ComponentKind.SOFTWARE,
    description:
      "Shopware 6 storefront and order API on the Frankfurt Kubernetes cluster, serving retail partners and trade customers.",
  },
  {
    key: "servicenow-instance",
    name: "ServiceNow ITSM instance",
    kind: ComponentKind.SOFTWARE,
    description:
      "ServiceNow production instance with the self-service portal, incident and request management, the CMDB and the telephony integration.",
  },
  {
    key: "intune",
    name: "Microsoft Intune",
    kind: ComponentKind.SOFTWARE,
    description:
      "Endpoint management for laptops and mobile devices: Autopilot provisioning, compliance policies, patching and application deployment.",
  },
  {
    key: "veeam-backup",
    name: "Veeam Backup & Replication",
    kind: ComponentKind.SOFTWARE,
    description:
      "Veeam Backup & Replication 12 with proxies in both data centres, protecting virtual machines, file shares and Microsoft 365 data.",
  },
  {
    key: "ztna-broker",
    name: "Zero-trust access broker",
    kind: ComponentKind.SOFTWARE,
    description: "Zscaler Private Access tenant in pilot with 150 users; intended to replace the remote-access VPN.",
  },
  {
    key: "postgresql-cluster",
    name: "PostgreSQL cluster",
    kind: ComponentKind.DATA,
    description:
      "Patroni-managed PostgreSQL 16 clusters hosting the webshop, the integration middleware and about 40 departmental databases.",
  },
  {
    key: "oracle-cluster",
    name: "Oracle database cluster",
    kind: ComponentKind.DATA,
    description: "Two-node Oracle 19c RAC hosting the warehouse management system and the legacy treasury database.",
  },
  {
    key: "payroll-data",
    name: "Payroll master and results data",
    kind: ComponentKind.DATA,
    description:
      "Employee master data, pay results and statutory reporting data for about 4,300 employees in Germany, the Netherlands and Poland.",
  },
  {
    key: "dwh-snowflake",
    name: "Snowflake data warehouse account",
    kind: ComponentKind.DATA,
    description:
      "Snowflake account in the EU Frankfurt region being set up for the new Northwind Data Platform, with raw, curated and reporting layers.",
  },
];

export const sampleServices: SampleService[] = [
  {
    code: "EMAIL",
    name: "Corporate Email",
    description:
      "Mailboxes, shared mailboxes, distribution lists and calendars for all employees on Exchange Online, with spam and malware filtering.",
    category: "Communication & Collaboration",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.HIGH,
    owner: "Messaging Team",
    monthlyCost: { amount: "18450.00", currency: "EUR" },
    components: ["exchange-online"],
    dependsOn: ["IDENTITY", "WAN"],
  },
  {
    code: "COLLAB",
    name: "Teams & SharePoint Collaboration",
    description:
      "Chat, online meetings, team sites and personal file storage in Microsoft Teams, SharePoint Online and OneDrive.",
    category: "Communication & Collaboration",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.MEDIUM,
    owner: "Modern Workplace Team",
    monthlyCost: { amount: "12600.00", currency: "EUR" },
    components: ["m365-collab"],
    dependsOn: ["IDENTITY", "WAN"],
  },
  {
    code: "ERP",
    name: "Enterprise Resource Planning (SAP S/4HANA)",
    description:
      "Finance, controlling, purchasing, sales order processing, production planning and inventory management on SAP S/4HANA.",
    category: "Business Applications",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.CRITICAL,
    owner: "SAP Competence Centre",
    monthlyCost: { amount: "96500.00", currency: "EUR" },
    components: ["sap-s4hana", "sap-hana-db"],
    dependsOn: ["DB_PLATFORM", "HOSTING", "IDENTITY"],
  },
  {
    code: "CRM",
    name: "Customer Relationship Management",
    description:
      "Account, opportunity and quote management for the sales force in Salesforce Sales Cloud, integrated with SAP for prices and order status.",
    category: "Business Applications",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.HIGH,
    owner: "Sales Applications Team",
    monthlyCost: { amount: "27300.00", currency: "USD" },
    components: ["salesforce-org"],
    dependsOn: ["IDENTITY", "ERP"],
  },
  {
    code: "SERVICE_DESK",
    name: "IT Service Desk",
    description:
      "Single point of contact for incidents and service requests by portal, phone and chat, in German, English, Dutch and Polish.",
    category: "End-User Services",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.HIGH,
    owner: "Julia Hartmann (Service Desk Manager)",
    monthlyCost: { amount: "41200.00", currency: "EUR" },
    components: ["servicenow-instance"],
    dependsOn: ["IDENTITY", "EMAIL"],
  },
  {
    code: "WAN",
    name: "Wide Area Network",
    description:
      "MPLS and internet connectivity linking every Northwind site to both data centres and to the internet, including the central firewalls.",
    category: "Network",
    type: ServiceType.SUPPORTING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.CRITICAL,
    owner: "Network Operations",
    monthlyCost: { amount: "33800.00", currency: "EUR" },
    components: ["mpls-wan", "edge-firewalls"],
    dependsOn: [],
  },
  {
    code: "LAN_WIFI",
    name: "Office Network & Wi-Fi",
    description:
      "Wired and wireless network access in offices, plants and warehouses, including guest Wi-Fi for visitors and contractors.",
    category: "Network",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.HIGH,
    owner: "Network Operations",
    monthlyCost: { amount: "14900.00", currency: "EUR" },
    components: ["campus-lan"],
    dependsOn: ["WAN", "IDENTITY"],
  },
  {
    code: "VPN",
    name: "Remote Access VPN",
    description:
      "Secure remote access to internal applications for employees and approved contractors working off-site; provided on a best-effort basis until zero-trust access replaces it.",
    category: "Network",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.MEDIUM,
    owner: "Network Security Team",
    monthlyCost: { amount: "6750.00", currency: "EUR" },
    components: ["vpn-gateways", "edge-firewalls"],
    dependsOn: ["IDENTITY", "WAN"],
  },
  {
    code: "HOSTING",
    name: "Server Hosting",
    description:
      "Virtual servers, block storage and data centre capacity in Frankfurt and Amsterdam for Northwind applications, including the application environments owned by business units.",
    category: "Hosting & Infrastructure",
    type: ServiceType.SUPPORTING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.CRITICAL,
    owner: "Infrastructure & Hosting Team",
    monthlyCost: { amount: "78400.00", currency: "EUR" },
    components: ["dc-frankfurt", "dc-amsterdam", "vmware-cluster", "san-storage", "dc-core-switches"],
    dependsOn: ["WAN"],
  },
  {
    code: "DB_PLATFORM",
    name: "Database Platform",
    description:
      "Managed PostgreSQL, Oracle and SAP HANA databases with patching, performance tuning and replication, consumed by application teams.",
    category: "Hosting & Infrastructure",
    type: ServiceType.SUPPORTING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.HIGH,
    owner: "Database Engineering",
    monthlyCost: { amount: "36200.00", currency: "EUR" },
    components: ["postgresql-cluster", "oracle-cluster", "sap-hana-db", "san-storage"],
    dependsOn: ["HOSTING", "BACKUP"],
  },
  {
    code: "BACKUP",
    name: "Backup & Restore",
    description:
      "Nightly backup of servers, databases and Microsoft 365 data with an immutable copy in Amsterdam, and restores on request.",
    category: "Data Protection",
    type: ServiceType.SUPPORTING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.HIGH,
    owner: "Infrastructure & Hosting Team",
    monthlyCost: { amount: "15300.00", currency: "EUR" },
    components: ["veeam-backup", "backup-repository", "dc-amsterdam"],
    dependsOn: ["HOSTING"],
  },
  {
    code: "IDENTITY",
    name: "Identity & Access Management",
    description:
      "User accounts, single sign-on, multi-factor authentication and access rights for employees, contractors and service accounts.",
    category: "Identity & Security",
    type: ServiceType.SUPPORTING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.CRITICAL,
    owner: "Identity & Access Management Team",
    monthlyCost: { amount: "11850.00", currency: "EUR" },
    components: ["entra-id", "active-directory"],
    dependsOn: ["WAN"],
  },
  {
    code: "ENDPOINT",
    name: "Managed Workplace Devices",
    description:
      "Provision, patching, repair and replacement of laptops, desktops and mobile devices, including standard software and cloud printing.",
    category: "End-User Services",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.MEDIUM,
    owner: "Modern Workplace Team",
    monthlyCost: { amount: "58900.00", currency: "EUR" },
    components: ["laptop-fleet", "intune"],
    dependsOn: ["IDENTITY", "LAN_WIFI"],
  },
  {
    code: "PRINT",
    name: "Managed Print",
    description:
      "Server-based printing, scanning and copying on leased multifunction devices; retired after printing moved to cloud print under Managed Workplace Devices.",
    category: "End-User Services",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.RETIRED,
    criticality: Criticality.LOW,
    owner: "Modern Workplace Team",
    monthlyCost: { amount: "7420.00", currency: "EUR" },
    components: ["print-fleet"],
    dependsOn: ["IDENTITY", "LAN_WIFI"],
  },
  {
    code: "PAYROLL",
    name: "Payroll Processing",
    description:
      "Monthly payroll runs, payslips, statutory reporting and year-end processing for employees in Germany, the Netherlands and Poland.",
    category: "Business Applications",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.HIGH,
    owner: "Petra Nowak (Head of Payroll, Shared Services Centre)",
    monthlyCost: { amount: "22400.00", currency: "EUR" },
    components: ["sap-s4hana", "payroll-data"],
    dependsOn: ["ERP", "IDENTITY"],
  },
  {
    code: "WEBSHOP",
    name: "B2B Webshop",
    description:
      "Online ordering, order tracking and invoice download for retail partners and trade customers, with orders flowing into SAP in near real time.",
    category: "Business Applications",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.LIVE,
    criticality: Criticality.CRITICAL,
    owner: "Digital Commerce Team",
    monthlyCost: { amount: "31750.00", currency: "EUR" },
    components: ["webshop-platform", "load-balancers", "postgresql-cluster"],
    dependsOn: ["HOSTING", "DB_PLATFORM", "ERP"],
  },
  {
    code: "DATA_WAREHOUSE",
    name: "Data Warehouse & Analytics",
    description:
      "New cloud data platform consolidating sales, finance and logistics reporting; in build, with the first finance dashboards in user acceptance testing.",
    category: "Data & Analytics",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.PIPELINE,
    criticality: Criticality.MEDIUM,
    owner: "Dr. Lukas Brandt (Head of Data & Analytics)",
    monthlyCost: { amount: "9600.00", currency: "USD" },
    components: ["dwh-snowflake"],
    dependsOn: ["ERP", "CRM", "IDENTITY"],
  },
  {
    code: "ZTNA",
    name: "Zero Trust Network Access",
    description:
      "Identity-based access to internal applications from any location without a full network tunnel; in pilot and planned to replace the remote-access VPN.",
    category: "Identity & Security",
    type: ServiceType.CUSTOMER_FACING,
    lifecycle: ServiceLifecycle.PIPELINE,
    criticality: Criticality.MEDIUM,
    owner: "Network Security Team",
    monthlyCost: { amount: "8900.00", currency: "EUR" },
    components: ["ztna-broker"],
    dependsOn: ["IDENTITY", "WAN"],
  },
];

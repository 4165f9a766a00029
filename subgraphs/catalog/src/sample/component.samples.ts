// The components of the sample catalogue of Northwind Group, in the order they are seeded.
import { ComponentKind } from "../components/component.enums";
import type { SampleComponent } from "./catalog.sample-types";

/** One sample component: its key (how services refer to it), kind, name and description. */
function component(key: string, kind: keyof typeof ComponentKind, name: string, description: string): SampleComponent {
  return { key, name, kind: ComponentKind[kind], description };
}

export const sampleComponents: SampleComponent[] = [
  component(
    "dc-frankfurt",
    "FACILITY",
    "Data centre Frankfurt (DC-Frankfurt)",
    "Primary Tier III colocation data centre in Frankfurt-Sossenheim with two cages, N+1 cooling and dual power feeds; houses production compute, storage and the core network.",
  ),
  component(
    "dc-amsterdam",
    "FACILITY",
    "Data centre Amsterdam (DC-Amsterdam)",
    "Secondary data centre in Schiphol-Rijk used for disaster recovery, the immutable backup copy and the Benelux WAN hub.",
  ),
  component(
    "vmware-cluster",
    "HARDWARE",
    "VMware vSphere cluster FRA-PROD-01",
    "Sixteen Dell PowerEdge R760 hosts running VMware vSphere 8, stretched across both data centres; runs about 900 production virtual machines.",
  ),
  component(
    "san-storage",
    "HARDWARE",
    "Pure Storage FlashArray SAN",
    "Two Pure Storage FlashArray//X70 arrays with synchronous replication between Frankfurt and Amsterdam, providing 410 TB usable for virtual machines and databases.",
  ),
  component(
    "backup-repository",
    "HARDWARE",
    "Immutable backup repository",
    "Hardened Linux repository servers with 1.2 PB of immutable storage in Amsterdam, plus a monthly copy to an offline cloud archive tier.",
  ),
  component(
    "laptop-fleet",
    "HARDWARE",
    "Managed laptop and desktop fleet",
    "About 3,400 Lenovo ThinkPad laptops and 600 shop-floor desktops on a four-year lease with staged hardware refresh.",
  ),
  component(
    "print-fleet",
    "HARDWARE",
    "Print servers and multifunction printers",
    "Two Windows print servers and 180 leased multifunction devices; decommissioned after printing moved to cloud print on managed devices.",
  ),
  component(
    "dc-core-switches",
    "NETWORK",
    "Data centre core switches",
    "Pair of Cisco Nexus 9000 spine switches in each data centre with 100 GbE uplinks to the compute and storage fabric.",
  ),
  component(
    "mpls-wan",
    "NETWORK",
    "MPLS WAN",
    "NetCo-managed MPLS network connecting 42 offices, plants and warehouses in six countries to both data centres, with 4G backup on every site router.",
  ),
  component(
    "edge-firewalls",
    "NETWORK",
    "Internet edge firewalls",
    "Palo Alto PA-5400 firewall clusters in both data centres handling internet breakout, partner tunnels and remote-access termination.",
  ),
  component(
    "campus-lan",
    "NETWORK",
    "Campus LAN and Wi-Fi",
    "Aruba access switches and about 1,100 Wi-Fi 6 access points across offices, plants and warehouses, with 802.1X authentication.",
  ),
  component(
    "vpn-gateways",
    "NETWORK",
    "Remote-access VPN gateways",
    "GlobalProtect portal and gateways on the edge firewalls, licensed for 2,500 concurrent users.",
  ),
  component(
    "load-balancers",
    "NETWORK",
    "Load balancers and web application firewall",
    "F5 BIG-IP pair in front of the webshop and partner APIs providing TLS termination, WAF policies and bot protection.",
  ),
  component(
    "exchange-online",
    "SOFTWARE",
    "Exchange Online tenant",
    "Exchange Online mailboxes for about 4,100 users in the Northwind Microsoft 365 tenant, with Defender for Office 365 filtering and a hybrid relay for application mail.",
  ),
  component(
    "m365-collab",
    "SOFTWARE",
    "Microsoft Teams and SharePoint Online",
    "Teams, SharePoint Online and OneDrive in the Northwind Microsoft 365 tenant, including about 2,300 teams and the intranet sites.",
  ),
  component(
    "entra-id",
    "SOFTWARE",
    "Microsoft Entra ID",
    "Cloud identity provider for single sign-on, conditional access and multi-factor authentication to Microsoft 365, Salesforce, ServiceNow and SAP Fiori.",
  ),
  component(
    "active-directory",
    "SOFTWARE",
    "Active Directory Domain Services",
    "On-premises forest corp.northwind.example with six physical domain controllers in both data centres and the regional hubs, synchronised to Entra ID.",
  ),
  component(
    "sap-s4hana",
    "SOFTWARE",
    "SAP S/4HANA production system P01",
    "SAP S/4HANA production instance running finance, controlling, purchasing, sales and distribution, production planning and HCM payroll.",
  ),
  component(
    "sap-hana-db",
    "DATA",
    "SAP HANA database",
    "Scale-up SAP HANA 2.0 database of 6 TB behind S/4HANA, with system replication to Amsterdam.",
  ),
  component(
    "salesforce-org",
    "SOFTWARE",
    "Salesforce Sales Cloud org",
    "Salesforce Sales Cloud Enterprise org used by 640 sales users, integrated with SAP for customer master data, prices and order status.",
  ),
  component(
    "webshop-platform",
    "SOFTWARE",
    "B2B webshop platform",
    "Shopware 6 storefront and order API on the Frankfurt Kubernetes cluster, serving retail partners and trade customers.",
  ),
  component(
    "servicenow-instance",
    "SOFTWARE",
    "ServiceNow ITSM instance",
    "ServiceNow production instance with the self-service portal, incident and request management, the CMDB and the telephony integration.",
  ),
  component(
    "intune",
    "SOFTWARE",
    "Microsoft Intune",
    "Endpoint management for laptops and mobile devices: Autopilot provisioning, compliance policies, patching and application deployment.",
  ),
  component(
    "veeam-backup",
    "SOFTWARE",
    "Veeam Backup & Replication",
    "Veeam Backup & Replication 12 with proxies in both data centres, protecting virtual machines, file shares and Microsoft 365 data.",
  ),
  component(
    "ztna-broker",
    "SOFTWARE",
    "Zero-trust access broker",
    "Zscaler Private Access tenant in pilot with 150 users; intended to replace the remote-access VPN.",
  ),
  component(
    "postgresql-cluster",
    "DATA",
    "PostgreSQL cluster",
    "Patroni-managed PostgreSQL 16 clusters hosting the webshop, the integration middleware and about 40 departmental databases.",
  ),
  component(
    "oracle-cluster",
    "DATA",
    "Oracle database cluster",
    "Two-node Oracle 19c RAC hosting the warehouse management system and the legacy treasury database.",
  ),
  component(
    "payroll-data",
    "DATA",
    "Payroll master and results data",
    "Employee master data, pay results and statutory reporting data for about 4,300 employees in Germany, the Netherlands and Poland.",
  ),
  component(
    "dwh-snowflake",
    "DATA",
    "Snowflake data warehouse account",
    "Snowflake account in the EU Frankfurt region being set up for the new Northwind Data Platform, with raw, curated and reporting layers.",
  ),
];

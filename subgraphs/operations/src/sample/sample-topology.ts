// The catalog sample's services as far as outages need them (subgraphs/catalog/src/sample): the
// components each is made of and the services it depends on. The seed cannot ask the catalog, so a
// component outage's impact is computed here the way the catalog's impact analysis computes it.

/** Per service code: its components (by key) and the service codes it depends on. */
export const CATALOG_TOPOLOGY: Record<string, { components: string[]; dependsOn: string[] }> = {
  EMAIL: { components: ["exchange-online"], dependsOn: ["IDENTITY", "WAN"] },
  COLLAB: { components: ["m365-collab"], dependsOn: ["IDENTITY", "WAN"] },
  ERP: { components: ["sap-s4hana", "sap-hana-db"], dependsOn: ["DB_PLATFORM", "HOSTING", "IDENTITY"] },
  CRM: { components: ["salesforce-org"], dependsOn: ["IDENTITY", "ERP"] },
  SERVICE_DESK: { components: ["servicenow-instance"], dependsOn: ["IDENTITY", "EMAIL"] },
  WAN: { components: ["mpls-wan", "edge-firewalls"], dependsOn: [] },
  LAN_WIFI: { components: ["campus-lan"], dependsOn: ["WAN", "IDENTITY"] },
  VPN: { components: ["vpn-gateways", "edge-firewalls"], dependsOn: ["IDENTITY", "WAN"] },
  HOSTING: {
    components: ["dc-frankfurt", "dc-amsterdam", "vmware-cluster", "san-storage", "dc-core-switches"],
    dependsOn: ["WAN"],
  },
  DB_PLATFORM: {
    components: ["postgresql-cluster", "oracle-cluster", "sap-hana-db", "san-storage"],
    dependsOn: ["HOSTING", "BACKUP"],
  },
  BACKUP: { components: ["veeam-backup", "backup-repository", "dc-amsterdam"], dependsOn: ["HOSTING"] },
  IDENTITY: { components: ["entra-id", "active-directory"], dependsOn: ["WAN"] },
  ENDPOINT: { components: ["laptop-fleet", "intune"], dependsOn: ["IDENTITY", "LAN_WIFI"] },
  PRINT: { components: ["print-fleet"], dependsOn: ["IDENTITY", "LAN_WIFI"] },
  PAYROLL: { components: ["sap-s4hana", "payroll-data"], dependsOn: ["ERP", "IDENTITY"] },
  WEBSHOP: {
    components: ["webshop-platform", "load-balancers", "postgresql-cluster"],
    dependsOn: ["HOSTING", "DB_PLATFORM", "ERP"],
  },
  DATA_WAREHOUSE: { components: ["dwh-snowflake"], dependsOn: ["ERP", "CRM", "IDENTITY"] },
  ZTNA: { components: ["ztna-broker"], dependsOn: ["IDENTITY", "WAN"] },
};

/** The catalog sample's data centres (FACILITY components). */
export const DATA_CENTRES = ["dc-frankfurt", "dc-amsterdam"];

/** Codes of the services a component's failure reaches: those made of it, then every service depending on them. */
export function impactedServiceCodes(componentKey: string): string[] {
  const reached = new Set(
    Object.entries(CATALOG_TOPOLOGY)
      .filter(([, s]) => s.components.includes(componentKey))
      .map(([code]) => code),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const [code, s] of Object.entries(CATALOG_TOPOLOGY)) {
      if (!reached.has(code) && s.dependsOn.some((d) => reached.has(d))) {
        reached.add(code);
        grew = true;
      }
    }
  }
  return [...reached].sort();
}

/** The data centre whose failure reaches the most services (ties: the one more services are made of directly). */
export function mostSharedDataCentre(): string {
  const direct = (key: string) => Object.values(CATALOG_TOPOLOGY).filter((s) => s.components.includes(key)).length;
  return [...DATA_CENTRES].sort(
    (a, b) =>
      impactedServiceCodes(b).length - impactedServiceCodes(a).length || direct(b) - direct(a) || a.localeCompare(b),
  )[0];
}

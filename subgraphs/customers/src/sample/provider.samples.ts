// The service providers of the sample: Northwind's own IT, its shared-services centre and an external network supplier.
import { ProviderKind } from "../providers/provider.enums";
import type { SampleProvider } from "./customers.sample-types";

function provider(code: string, kind: keyof typeof ProviderKind, name: string, description: string): SampleProvider {
  return { code, name, kind: ProviderKind[kind], description };
}

export const sampleProviders: SampleProvider[] = [
  provider(
    "CORP_IT",
    "INTERNAL",
    "Northwind Corporate IT",
    "Group IT department in Frankfurt running infrastructure, business applications and end-user services for all business units and selected external partners.",
  ),
  provider(
    "SSC",
    "SHARED_SERVICES",
    "Northwind Shared Services Centre",
    "Shared services centre in Kraków providing payroll, accounts payable and first-line IT support to every Northwind business unit.",
  ),
  provider(
    "NETCO",
    "EXTERNAL",
    "NetCo Managed Services B.V.",
    "Managed network provider based in Utrecht, contracted for the MPLS WAN, internet access and on-site replacement of network hardware.",
  ),
];

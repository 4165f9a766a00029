// Sample customers and providers of Northwind Group IT: five business units, three external companies, three providers.
import { ContactRole } from "../contacts/contact.enums";
import { CustomerKind, CustomerStatus } from "../customers/customer.enums";
import { ProviderKind } from "../providers/provider.enums";
import type { SampleCustomer, SampleProvider } from "./customers.sample-types";

export const sampleCustomers: SampleCustomer[] = [
  {
    code: "FINANCE",
    name: "Group Finance & Controlling",
    kind: CustomerKind.INTERNAL,
    status: CustomerStatus.ACTIVE,
    description:
      "Group accounting, controlling, treasury and tax for all Northwind legal entities; heavy SAP user with peak load during the month-end close.",
    contacts: [
      {
        name: "Sabine Krüger",
        email: "sabine.krueger@northwind.example",
        role: ContactRole.BUSINESS_OWNER,
        phone: "+49 69 2048 1100",
      },
      {
        name: "Anja Schröder",
        email: "anja.schroeder@northwind.example",
        role: ContactRole.ESCALATION,
        phone: "+49 69 2048 1105",
      },
      {
        name: "Markus Lehmann",
        email: "markus.lehmann@northwind.example",
        role: ContactRole.BILLING,
        phone: "+49 69 2048 1132",
      },
    ],
  },
  {
    code: "SALES",
    name: "Sales & Marketing",
    kind: CustomerKind.INTERNAL,
    status: CustomerStatus.ACTIVE,
    description:
      "Field and inside sales, key account management and marketing for Germany and the Benelux; relies on CRM and mobile working.",
    contacts: [
      {
        name: "Oliver Schmitt",
        email: "oliver.schmitt@northwind.example",
        role: ContactRole.BUSINESS_OWNER,
        phone: "+49 69 2048 2200",
      },
      {
        name: "Nadine Fischer",
        email: "nadine.fischer@northwind.example",
        role: ContactRole.TECHNICAL,
        phone: "+49 69 2048 2241",
      },
      {
        name: "Jan de Vries",
        email: "jan.devries@northwind.example",
        role: ContactRole.SERVICE_DESK,
        phone: "+31 20 794 3310",
      },
    ],
  },
  {
    code: "HR",
    name: "Human Resources",
    kind: CustomerKind.INTERNAL,
    status: CustomerStatus.ACTIVE,
    description:
      "Recruiting, employee administration, learning and labour relations for about 4,300 employees; owns the payroll relationship with the Shared Services Centre.",
    contacts: [
      {
        name: "Claudia Becker",
        email: "claudia.becker@northwind.example",
        role: ContactRole.BUSINESS_OWNER,
        phone: "+49 69 2048 3100",
      },
      {
        name: "Mehmet Yilmaz",
        email: "mehmet.yilmaz@northwind.example",
        role: ContactRole.SERVICE_DESK,
        phone: "+49 69 2048 3127",
      },
    ],
  },
  {
    code: "LOGISTICS",
    name: "Logistics & Distribution",
    kind: CustomerKind.INTERNAL,
    status: CustomerStatus.ACTIVE,
    description:
      "Fourteen warehouses and the transport planning centre in Venlo; runs its own warehouse management system on Corporate IT hosting around the clock.",
    contacts: [
      {
        name: "Pieter Janssen",
        email: "pieter.janssen@northwind.example",
        role: ContactRole.BUSINESS_OWNER,
        phone: "+31 77 320 4400",
      },
      {
        name: "Stefan Wolf",
        email: "stefan.wolf@northwind.example",
        role: ContactRole.TECHNICAL,
        phone: "+31 77 320 4452",
      },
      {
        name: "Logistics Control Tower",
        email: "control.tower@northwind.example",
        role: ContactRole.ESCALATION,
        phone: "+31 77 320 4499",
      },
    ],
  },
  {
    code: "MANUFACTURING",
    name: "Manufacturing Operations",
    kind: CustomerKind.INTERNAL,
    status: CustomerStatus.ACTIVE,
    description:
      "Three production plants in Kassel, Wrocław and Tilburg working in three shifts; depends on SAP production planning and the plant execution systems.",
    contacts: [
      {
        name: "Frank Hoffmann",
        email: "frank.hoffmann@northwind.example",
        role: ContactRole.BUSINESS_OWNER,
        phone: "+49 561 7730 100",
      },
      {
        name: "Katarzyna Zielińska",
        email: "katarzyna.zielinska@northwind.example",
        role: ContactRole.TECHNICAL,
        phone: "+48 71 880 2315",
      },
      {
        name: "Plant Control Room Kassel",
        email: "control.room.kassel@northwind.example",
        role: ContactRole.ESCALATION,
        phone: "+49 561 7730 199",
      },
      {
        name: "Monika Braun",
        email: "monika.braun@northwind.example",
        role: ContactRole.BILLING,
        phone: "+49 561 7730 140",
      },
    ],
  },
  {
    code: "ACME_RETAIL",
    name: "Acme Retail GmbH",
    kind: CustomerKind.EXTERNAL,
    status: CustomerStatus.ACTIVE,
    description:
      "Regional retail chain with 85 stores in southern Germany that orders through the B2B webshop and buys managed workplace and service desk for its Munich head office.",
    contacts: [
      {
        name: "Daniel Koch",
        email: "daniel.koch@acme-retail.example",
        role: ContactRole.BUSINESS_OWNER,
        phone: "+49 89 4512 7700",
      },
      {
        name: "Lisa Maier",
        email: "lisa.maier@acme-retail.example",
        role: ContactRole.SERVICE_DESK,
        phone: "+49 89 4512 7731",
      },
      {
        name: "Robert Huber",
        email: "robert.huber@acme-retail.example",
        role: ContactRole.ESCALATION,
        phone: "+49 89 4512 7702",
      },
      {
        name: "Acme Accounts Payable",
        email: "accounts.payable@acme-retail.example",
        role: ContactRole.BILLING,
      },
    ],
  },
  {
    code: "STADTWERKE_RHEINTAL",
    name: "Stadtwerke Rheintal AöR",
    kind: CustomerKind.EXTERNAL,
    status: CustomerStatus.INACTIVE,
    description:
      "Municipal utility and public-law institution that outsourced printing and desktop support to Northwind until its contract expired; now served by the municipal IT cooperative.",
    contacts: [
      {
        name: "Jürgen Schulz",
        email: "juergen.schulz@stadtwerke-rheintal.example",
        role: ContactRole.BUSINESS_OWNER,
        phone: "+49 621 3390 210",
      },
      {
        name: "Ingrid Wagner",
        email: "ingrid.wagner@stadtwerke-rheintal.example",
        role: ContactRole.BILLING,
        phone: "+49 621 3390 245",
      },
    ],
  },
  {
    code: "VANDIJK_FRANCHISE",
    name: "Van Dijk Franchise B.V.",
    kind: CustomerKind.EXTERNAL,
    status: CustomerStatus.ACTIVE,
    description:
      "Franchise partner operating 23 Northwind-branded outlets in the Netherlands and Belgium; webshop and service desk onboarding is under negotiation.",
    contacts: [
      {
        name: "Eva van Dijk",
        email: "eva.vandijk@vandijk-franchise.example",
        role: ContactRole.BUSINESS_OWNER,
        phone: "+31 30 256 8800",
      },
      {
        name: "Thijs Bakker",
        email: "thijs.bakker@vandijk-franchise.example",
        role: ContactRole.TECHNICAL,
        phone: "+31 30 256 8824",
      },
      {
        name: "Sanne Visser",
        email: "sanne.visser@vandijk-franchise.example",
        role: ContactRole.BILLING,
        phone: "+31 30 256 8810",
      },
    ],
  },
];

export const sampleProviders: SampleProvider[] = [
  {
    code: "CORP_IT",
    name: "Northwind Corporate IT",
    kind: ProviderKind.INTERNAL,
    description:
      "Group IT department in Frankfurt running infrastructure, business applications and end-user services for all business units and selected external partners.",
  },
  {
    code: "SSC",
    name: "Northwind Shared Services Centre",
    kind: ProviderKind.SHARED_SERVICES,
    description:
      "Shared services centre in Kraków providing payroll, accounts payable and first-line IT support to every Northwind business unit.",
  },
  {
    code: "NETCO",
    name: "NetCo Managed Services B.V.",
    kind: ProviderKind.EXTERNAL,
    description:
      "Managed network provider based in Utrecht, contracted for the MPLS WAN, internet access and on-site replacement of network hardware.",
  },
];

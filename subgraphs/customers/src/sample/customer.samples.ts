// The customers of the sample: five business units of Northwind Group and three external companies, in seeding order.
import { ContactRole } from "../contacts/contact.enums";
import { CustomerKind, CustomerStatus } from "../customers/customer.enums";
import type { SampleContact, SampleCustomer } from "./customers.sample-types";

/** A sample customer as written below: ACTIVE unless it says otherwise. */
interface CustomerRow {
  name: string;
  kind: keyof typeof CustomerKind;
  status?: keyof typeof CustomerStatus;
  description: string;
  contacts: SampleContact[];
}

function customer(code: string, row: CustomerRow): SampleCustomer {
  const { name, kind, status = "ACTIVE", description, contacts } = row;
  return { code, name, kind: CustomerKind[kind], status: CustomerStatus[status], description, contacts };
}

/** One contact: the role first, then who; the phone only where known. */
function contact(role: keyof typeof ContactRole, name: string, email: string, phone?: string): SampleContact {
  const person = { name, email, role: ContactRole[role] };
  return phone === undefined ? person : { ...person, phone };
}

export const sampleCustomers: SampleCustomer[] = [
  customer("FINANCE", {
    name: "Group Finance & Controlling",
    kind: "INTERNAL",
    description:
      "Group accounting, controlling, treasury and tax for all Northwind legal entities; heavy SAP user with peak load during the month-end close.",
    contacts: [
      contact("BUSINESS_OWNER", "Sabine Krüger", "sabine.krueger@northwind.example", "+49 69 2048 1100"),
      contact("ESCALATION", "Anja Schröder", "anja.schroeder@northwind.example", "+49 69 2048 1105"),
      contact("BILLING", "Markus Lehmann", "markus.lehmann@northwind.example", "+49 69 2048 1132"),
    ],
  }),
  customer("SALES", {
    name: "Sales & Marketing",
    kind: "INTERNAL",
    description:
      "Field and inside sales, key account management and marketing for Germany and the Benelux; relies on CRM and mobile working.",
    contacts: [
      contact("BUSINESS_OWNER", "Oliver Schmitt", "oliver.schmitt@northwind.example", "+49 69 2048 2200"),
      contact("TECHNICAL", "Nadine Fischer", "nadine.fischer@northwind.example", "+49 69 2048 2241"),
      contact("SERVICE_DESK", "Jan de Vries", "jan.devries@northwind.example", "+31 20 794 3310"),
    ],
  }),
  customer("HR", {
    name: "Human Resources",
    kind: "INTERNAL",
    description:
      "Recruiting, employee administration, learning and labour relations for about 4,300 employees; owns the payroll relationship with the Shared Services Centre.",
    contacts: [
      contact("BUSINESS_OWNER", "Claudia Becker", "claudia.becker@northwind.example", "+49 69 2048 3100"),
      contact("SERVICE_DESK", "Mehmet Yilmaz", "mehmet.yilmaz@northwind.example", "+49 69 2048 3127"),
    ],
  }),
  customer("LOGISTICS", {
    name: "Logistics & Distribution",
    kind: "INTERNAL",
    description:
      "Fourteen warehouses and the transport planning centre in Venlo; runs its own warehouse management system on Corporate IT hosting around the clock.",
    contacts: [
      contact("BUSINESS_OWNER", "Pieter Janssen", "pieter.janssen@northwind.example", "+31 77 320 4400"),
      contact("TECHNICAL", "Stefan Wolf", "stefan.wolf@northwind.example", "+31 77 320 4452"),
      contact("ESCALATION", "Logistics Control Tower", "control.tower@northwind.example", "+31 77 320 4499"),
    ],
  }),
  customer("MANUFACTURING", {
    name: "Manufacturing Operations",
    kind: "INTERNAL",
    description:
      "Three production plants in Kassel, Wrocław and Tilburg working in three shifts; depends on SAP production planning and the plant execution systems.",
    contacts: [
      contact("BUSINESS_OWNER", "Frank Hoffmann", "frank.hoffmann@northwind.example", "+49 561 7730 100"),
      contact("TECHNICAL", "Katarzyna Zielińska", "katarzyna.zielinska@northwind.example", "+48 71 880 2315"),
      contact("ESCALATION", "Plant Control Room Kassel", "control.room.kassel@northwind.example", "+49 561 7730 199"),
      contact("BILLING", "Monika Braun", "monika.braun@northwind.example", "+49 561 7730 140"),
    ],
  }),
  customer("ACME_RETAIL", {
    name: "Acme Retail GmbH",
    kind: "EXTERNAL",
    description:
      "Regional retail chain with 85 stores in southern Germany that orders through the B2B webshop and buys managed workplace and service desk for its Munich head office.",
    contacts: [
      contact("BUSINESS_OWNER", "Daniel Koch", "daniel.koch@acme-retail.example", "+49 89 4512 7700"),
      contact("SERVICE_DESK", "Lisa Maier", "lisa.maier@acme-retail.example", "+49 89 4512 7731"),
      contact("ESCALATION", "Robert Huber", "robert.huber@acme-retail.example", "+49 89 4512 7702"),
      contact("BILLING", "Acme Accounts Payable", "accounts.payable@acme-retail.example"),
    ],
  }),
  customer("STADTWERKE_RHEINTAL", {
    name: "Stadtwerke Rheintal AöR",
    kind: "EXTERNAL",
    status: "INACTIVE",
    description:
      "Municipal utility and public-law institution that outsourced printing and desktop support to Northwind until its contract expired; now served by the municipal IT cooperative.",
    contacts: [
      contact("BUSINESS_OWNER", "Jürgen Schulz", "juergen.schulz@stadtwerke-rheintal.example", "+49 621 3390 210"),
      contact("BILLING", "Ingrid Wagner", "ingrid.wagner@stadtwerke-rheintal.example", "+49 621 3390 245"),
    ],
  }),
  customer("VANDIJK_FRANCHISE", {
    name: "Van Dijk Franchise B.V.",
    kind: "EXTERNAL",
    description:
      "Franchise partner operating 23 Northwind-branded outlets in the Netherlands and Belgium; webshop and service desk onboarding is under negotiation.",
    contacts: [
      contact("BUSINESS_OWNER", "Eva van Dijk", "eva.vandijk@vandijk-franchise.example", "+31 30 256 8800"),
      contact("TECHNICAL", "Thijs Bakker", "thijs.bakker@vandijk-franchise.example", "+31 30 256 8824"),
      contact("BILLING", "Sanne Visser", "sanne.visser@vandijk-franchise.example", "+31 30 256 8810"),
    ],
  }),
];

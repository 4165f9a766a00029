import { registerEnumType } from "type-graphql";

/** Whether a customer is part of the same organisation as the provider. */
export enum CustomerKind {
  INTERNAL = "INTERNAL",
  EXTERNAL = "EXTERNAL",
}

/** Whether a customer may enter new agreements. */
export enum CustomerStatus {
  ACTIVE = "ACTIVE",
  INACTIVE = "INACTIVE",
}

/** The role a contact plays for its customer. */
export enum ContactRole {
  BUSINESS_OWNER = "BUSINESS_OWNER",
  SERVICE_DESK = "SERVICE_DESK",
  ESCALATION = "ESCALATION",
  BILLING = "BILLING",
  TECHNICAL = "TECHNICAL",
}

/** How a provider relates to the organisation. */
export enum ProviderKind {
  INTERNAL = "INTERNAL",
  SHARED_SERVICES = "SHARED_SERVICES",
  EXTERNAL = "EXTERNAL",
}

registerEnumType(CustomerKind, {
  name: "CustomerKind",
  description: "Whether a customer is part of the same organisation as the provider.",
  valuesConfig: {
    INTERNAL: { description: "A business unit of the organisation." },
    EXTERNAL: { description: "A separate company or public body." },
  },
});
registerEnumType(CustomerStatus, {
  name: "CustomerStatus",
  description: "Whether a customer may enter new agreements.",
  valuesConfig: {
    ACTIVE: { description: "Current customer; may be party to agreements." },
    INACTIVE: { description: "Former customer; kept for history." },
  },
});
registerEnumType(ContactRole, {
  name: "ContactRole",
  description: "The role a contact plays for its customer.",
  valuesConfig: {
    BUSINESS_OWNER: { description: "Accountable for the customer's use of the services." },
    SERVICE_DESK: { description: "Raises and follows up incidents and requests." },
    ESCALATION: { description: "Contacted when targets are at risk or breached." },
    BILLING: { description: "Receives invoices and charge reports." },
    TECHNICAL: { description: "Technical counterpart for changes and integration." },
  },
});
registerEnumType(ProviderKind, {
  name: "ProviderKind",
  description: "How a service provider relates to the organisation.",
  valuesConfig: {
    INTERNAL: { description: "An internal IT department serving its own business units (Type I)." },
    SHARED_SERVICES: { description: "A shared-services unit serving several business units (Type II)." },
    EXTERNAL: { description: "An external supplier (Type III)." },
  },
});

import { registerEnumType } from "type-graphql";

/** The role a contact plays for its customer. */
export enum ContactRole {
  BUSINESS_OWNER = "BUSINESS_OWNER",
  SERVICE_DESK = "SERVICE_DESK",
  ESCALATION = "ESCALATION",
  BILLING = "BILLING",
  TECHNICAL = "TECHNICAL",
}

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

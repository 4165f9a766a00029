import { describeEnum } from "@itsm/kit";

/** The role a contact plays for its customer. */
export enum ContactRole {
  BUSINESS_OWNER = "BUSINESS_OWNER",
  SERVICE_DESK = "SERVICE_DESK",
  ESCALATION = "ESCALATION",
  BILLING = "BILLING",
  TECHNICAL = "TECHNICAL",
}

describeEnum(ContactRole, "ContactRole", "The role a contact plays for its customer.", {
  BUSINESS_OWNER: "Accountable for the customer's use of the services.",
  SERVICE_DESK: "Raises and follows up incidents and requests.",
  ESCALATION: "Contacted when targets are at risk or breached.",
  BILLING: "Receives invoices and charge reports.",
  TECHNICAL: "Technical counterpart for changes and integration.",
});

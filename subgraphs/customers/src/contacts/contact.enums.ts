import { defineEnum, type EnumValue } from "@itsm/kit";

export const ContactRole = defineEnum("ContactRole", "The role a contact plays for its customer.", {
  BUSINESS_OWNER: "Accountable for the customer's use of the services.",
  SERVICE_DESK: "Raises and follows up incidents and requests.",
  ESCALATION: "Contacted when targets are at risk or breached.",
  BILLING: "Receives invoices and charge reports.",
  TECHNICAL: "Technical counterpart for changes and integration.",
});
export type ContactRole = EnumValue<typeof ContactRole>;

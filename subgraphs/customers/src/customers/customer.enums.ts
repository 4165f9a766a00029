import { describeEnum } from "@itsm/kit";

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

describeEnum(CustomerKind, "CustomerKind", "Whether a customer is part of the same organisation as the provider.", {
  INTERNAL: "A business unit of the organisation.",
  EXTERNAL: "A separate company or public body.",
});
describeEnum(CustomerStatus, "CustomerStatus", "Whether a customer may enter new agreements.", {
  ACTIVE: "Current customer; may be party to agreements.",
  INACTIVE: "Former customer; kept for history.",
});

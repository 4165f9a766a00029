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

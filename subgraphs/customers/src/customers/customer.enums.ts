import { defineEnum, type EnumValue } from "@itsm/kit";

export const CustomerKind = defineEnum(
  "CustomerKind",
  "Whether a customer is part of the same organisation as the provider.",
  {
    INTERNAL: "A business unit of the organisation.",
    EXTERNAL: "A separate company or public body.",
  },
);
export type CustomerKind = EnumValue<typeof CustomerKind>;

export const CustomerStatus = defineEnum("CustomerStatus", "Whether a customer may enter new agreements.", {
  ACTIVE: "Current customer; may be party to agreements.",
  INACTIVE: "Former customer; kept for history.",
});
export type CustomerStatus = EnumValue<typeof CustomerStatus>;

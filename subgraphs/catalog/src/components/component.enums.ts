import { defineEnum, type EnumValue } from "@itsm/kit";

export const ComponentKind = defineEnum("ComponentKind", "The kind of building block a component is.", {
  HARDWARE: "Servers, storage arrays, end-user devices.",
  SOFTWARE: "Applications, platforms and middleware.",
  NETWORK: "Links, switches, firewalls, load balancers.",
  DATA: "Databases, data sets and data stores.",
  FACILITY: "Data centres, rooms, power and cooling.",
});
export type ComponentKind = EnumValue<typeof ComponentKind>;

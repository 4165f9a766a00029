import { registerEnumType } from "type-graphql";

/** The kind of building block a component is. */
export enum ComponentKind {
  HARDWARE = "HARDWARE",
  SOFTWARE = "SOFTWARE",
  NETWORK = "NETWORK",
  DATA = "DATA",
  FACILITY = "FACILITY",
}

registerEnumType(ComponentKind, {
  name: "ComponentKind",
  description: "The kind of building block a component is.",
  valuesConfig: {
    HARDWARE: { description: "Servers, storage arrays, end-user devices." },
    SOFTWARE: { description: "Applications, platforms and middleware." },
    NETWORK: { description: "Links, switches, firewalls, load balancers." },
    DATA: { description: "Databases, data sets and data stores." },
    FACILITY: { description: "Data centres, rooms, power and cooling." },
  },
});

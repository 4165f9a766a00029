import { describeEnum } from "@itsm/kit";

/** The kind of building block a component is. */
export enum ComponentKind {
  HARDWARE = "HARDWARE",
  SOFTWARE = "SOFTWARE",
  NETWORK = "NETWORK",
  DATA = "DATA",
  FACILITY = "FACILITY",
}

describeEnum(ComponentKind, "ComponentKind", "The kind of building block a component is.", {
  HARDWARE: "Servers, storage arrays, end-user devices.",
  SOFTWARE: "Applications, platforms and middleware.",
  NETWORK: "Links, switches, firewalls, load balancers.",
  DATA: "Databases, data sets and data stores.",
  FACILITY: "Data centres, rooms, power and cooling.",
});

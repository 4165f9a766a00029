import { entityReference } from "@itsm/kit";

/** The catalog's Component, as far as this subgraph knows it: its key. */
export const ComponentReference = entityReference(
  "Component",
  "A building block that services are made of (a server, an application, a link, a data centre).",
);
export type ComponentReference = InstanceType<typeof ComponentReference>;

import "reflect-metadata";
import { buildFederatedSchema } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import { IncidentResolver } from "./incidents/incident.resolver";
import { MeasurementResolver } from "./measurements/measurement.resolver";
import type { OperationsContext } from "./operations.context";
import { OutageResolver } from "./outages/outage.resolver";
import { ComponentReference } from "./references/component.reference";
import { CustomerReference } from "./references/customer.reference";
import { ServiceReference } from "./references/service.reference";

// Entities owned elsewhere resolve to their key.
const byKey = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };

/** The operations subgraph's federated schema; needs no database (resolvers read from the context). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [OutageResolver, IncidentResolver, MeasurementResolver],
    orphanedTypes: [ServiceReference, ComponentReference, CustomerReference],
    referenceResolvers: {
      Outage: {
        __resolveReference: (ref: { id: string }, ctx: OperationsContext) => ctx.loaders.outageById.load(ref.id),
      },
      Incident: {
        __resolveReference: (ref: { id: string }, ctx: OperationsContext) => ctx.loaders.incidentById.load(ref.id),
      },
      Measurement: {
        __resolveReference: (ref: { id: string }, ctx: OperationsContext) => ctx.loaders.measurementById.load(ref.id),
      },
      Service: byKey,
      Component: byKey,
      Customer: byKey,
    },
  });
}

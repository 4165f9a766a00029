import "reflect-metadata";
import { buildFederatedSchema, referenceById } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import { IncidentResolver } from "./incidents/incident.resolver";
import { MeasurementResolver } from "./measurements/measurement.resolver";
import type { OperationsContext } from "./operations.context";
import { OutageResolver } from "./outages/outage.resolver";
import {
  AgreementPerformanceResolver,
  ServiceLevelReportResolver,
  ServicePerformanceResolver,
  TargetPerformanceResolver,
} from "./performance/performance.resolver";
import { AgreementReference } from "./references/agreement.reference";
import { ComponentReference } from "./references/component.reference";
import { CustomerReference } from "./references/customer.reference";
import { ServiceReference } from "./references/service.reference";
import { ServiceLevelTargetReference } from "./references/target.reference";

// Entities owned elsewhere resolve to their key.
const byKey = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };

/** The operations subgraph's federated schema; needs no database (resolvers read from the context). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      OutageResolver,
      IncidentResolver,
      MeasurementResolver,
      TargetPerformanceResolver,
      AgreementPerformanceResolver,
      ServicePerformanceResolver,
      ServiceLevelReportResolver,
    ],
    orphanedTypes: [
      ServiceReference,
      ComponentReference,
      CustomerReference,
      AgreementReference,
      ServiceLevelTargetReference,
    ],
    referenceResolvers: {
      Outage: referenceById((ctx: OperationsContext) => ctx.loaders.outageById),
      Incident: referenceById((ctx: OperationsContext) => ctx.loaders.incidentById),
      Measurement: referenceById((ctx: OperationsContext) => ctx.loaders.measurementById),
      Service: byKey,
      Component: byKey,
      Customer: byKey,
      Agreement: byKey,
      ServiceLevelTarget: byKey,
    },
  });
}

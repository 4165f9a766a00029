// The agreements subgraph's enums that operations serves too: declared once, in the kit (see there why).
export { AgreementType, Priority, TargetMetric } from "@itsm/kit";

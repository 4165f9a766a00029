import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, ObjectType } from "type-graphql";
import { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import { ServiceCalendar } from "../calendars/calendar.entity";
import { Comparator, MeasurementPeriod, Priority, TargetMetric, TargetUnit } from "../targets/target.enums";

/** One target of a non-DRAFT agreement with what measuring it needs, flattened (ids are the public ids). */
@ObjectType({
  description:
    "Internal: one service level target of a non-DRAFT agreement with what measuring it needs: its agreement, parties, service and calendar.",
})
export class CatalogueTarget {
  @Field(() => ID, { description: "The target (ServiceLevelTarget.id)." })
  targetId: string;

  @Field(() => ID, { description: "The agreement that sets it." })
  agreementId: string;

  @Field({ description: "The agreement's number." })
  agreementNumber: string;

  @Field(() => AgreementType, { description: "SLA, OLA or underpinning contract." })
  agreementType: AgreementType;

  @Field(() => AgreementStatus, { description: "ACTIVE, EXPIRED or TERMINATED (never DRAFT)." })
  agreementStatus: AgreementStatus;

  @Field(() => LocalDateResolver, { description: "First day the agreement is in force." })
  effectiveFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Last day in force; null when open-ended." })
  effectiveTo: string | null;

  @Field(() => ID, { description: "The agreement's provider." })
  providerId: string;

  @Field(() => [ID], { description: "The agreement's customers, by id; empty for OLAs and contracts." })
  customerIds: string[];

  @Field(() => ID, { description: "The service the target applies to." })
  serviceId: string;

  @Field(() => ID, { description: "The calendar of the agreement's coverage of the service." })
  calendarId: string;

  @Field(() => TargetMetric, { description: "What is measured." })
  metric: TargetMetric;

  @Field(() => Comparator, { description: "AT_LEAST or AT_MOST." })
  comparator: Comparator;

  @Field(() => Float, { description: "The target value, in `unit`." })
  value: number;

  @Field(() => TargetUnit, { description: "Unit of `value`." })
  unit: TargetUnit;

  @Field(() => Priority, { nullable: true, description: "Incident priority it applies to; null for all." })
  priority: Priority | null;

  @Field(() => Float, { nullable: true, description: "Share of tickets that must meet a time target; null means 100." })
  compliancePercent: number | null;

  @Field(() => MeasurementPeriod, { description: "Period over which the target is measured." })
  period: MeasurementPeriod;
}

/** Everything the operations subgraph measures performance against, at one revision. */
@ObjectType({
  description:
    "Internal (for the operations subgraph): every calendar and every target of every non-DRAFT agreement, at one revision.",
})
export class ServiceLevelCatalogue {
  @Field({ description: "Changes whenever anything in the catalogue changes; equals `serviceLevelCatalogueRevision`." })
  revision: string;

  @Field(() => [ServiceCalendar], { description: "Every service calendar, by code." })
  calendars: ServiceCalendar[];

  @Field(() => [CatalogueTarget], { description: "Every target of every non-DRAFT agreement, by agreement number." })
  targets: CatalogueTarget[];
}

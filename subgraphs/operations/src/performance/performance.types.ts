import { defineEnum, type EnumValue } from "@itsm/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { AgreementReference } from "../references/agreement.reference";
import { CustomerReference } from "../references/customer.reference";
import { ServiceReference } from "../references/service.reference";
import { ServiceLevelTargetReference } from "../references/target.reference";

export const PerformanceStatus = defineEnum("PerformanceStatus", "How a service level target is doing in a period.", {
  BREACHED: "More went wrong than the target allows (for a running period: already).",
  AT_RISK: "The period is still running and more than 75 % of the error budget is spent.",
  MET: "Within the target.",
  NO_DATA: "Nothing to measure in the period (no agreed time, tickets or measurements).",
});
export type PerformanceStatus = EnumValue<typeof PerformanceStatus>;

export const ErrorBudgetUnit = defineEnum("ErrorBudgetUnit", "What an error budget is counted in.", {
  MINUTES: "Service minutes of unplanned downtime (availability targets).",
  TICKETS: "Incidents that missed their response or resolution target (time targets).",
});
export type ErrorBudgetUnit = EnumValue<typeof ErrorBudgetUnit>;

@ObjectType({ description: "A reporting period: a month (2026-11), a quarter (2026-Q4) or a year (2026)." })
export class ReportingPeriod {
  @Field({ description: 'The period as asked for: "2026-11", "2026-Q4" or "2026".' })
  label: string;

  @Field(() => LocalDateResolver, { description: "Its first day." })
  from: string;

  @Field(() => LocalDateResolver, { description: "Its last day (inclusive)." })
  to: string;
}

@ObjectType({ description: "What a target allows to go wrong in a period, and how much of it has gone wrong." })
export class ErrorBudget {
  @Field(() => Float, {
    description:
      "What the target allows: (100 − target) % of the period's agreed minutes, or the tickets allowed to miss (sample × (100 − compliance) %).",
  })
  allowed: number;

  @Field(() => Float, { description: "What went wrong so far: unplanned downtime minutes, or tickets that missed." })
  consumed: number;

  @Field(() => Float, { description: "allowed − consumed, never below 0 (an overspent budget shows as BREACHED)." })
  remaining: number;

  @Field(() => ErrorBudgetUnit, { description: "MINUTES or TICKETS." })
  unit: ErrorBudgetUnit;
}

@ObjectType({ description: "A running period's error budget projected to the period's end at the rate so far." })
export class BudgetForecast {
  @Field(() => Float, { description: "Budget consumed by the period's end if things go on as so far." })
  projectedConsumed: number;

  @Field(() => Float, { description: "Budget left at the period's end at that rate, never below 0." })
  projectedRemaining: number;

  @Field({ description: "Whether the budget runs out before the period ends at that rate." })
  exhausts: boolean;
}

@ObjectType({
  description: "How one service level target did in one period: achieved against target, with its error budget.",
})
export class TargetPerformance {
  @Field(() => ServiceLevelTargetReference, { description: "The target measured." })
  target: ServiceLevelTargetReference;

  @Field(() => AgreementReference, { description: "The agreement the target belongs to." })
  agreement: AgreementReference;

  @Field(() => ServiceReference, { description: "The service the target is on." })
  service: ServiceReference;

  @Field(() => ReportingPeriod, { description: "The period measured." })
  period: ReportingPeriod;

  @Field(() => Float, {
    nullable: true,
    description:
      "Achieved: percent available (AVAILABILITY), percent of tickets meeting the target (RESPONSE_TIME, RESOLUTION_TIME), or the mean of the period's measurements (other metrics); null with NO_DATA.",
  })
  achieved: number | null;

  @Field(() => PerformanceStatus, { description: "BREACHED, AT_RISK, MET or NO_DATA." })
  status: PerformanceStatus;

  @Field(() => Int, { description: "Agreed service minutes measured, tickets measured, or measurements." })
  sampleSize: number;

  @Field(() => Int, {
    description: "Unplanned outages with downtime, tickets that missed, or measurements on the wrong side.",
  })
  breaches: number;

  @Field(() => ErrorBudget, {
    nullable: true,
    description: "The error budget; null for measured metrics (a mean has none) and with NO_DATA.",
  })
  errorBudget: ErrorBudget | null;

  @Field(() => BudgetForecast, {
    nullable: true,
    description: "For a running period, the error budget projected to the period's end; null otherwise.",
  })
  forecast: BudgetForecast | null;

  @Field(() => CustomerReference, {
    nullable: true,
    description:
      "The customer the figures are limited to, when one was asked for; null: all the agreement's customers (or, for a partner, its own).",
  })
  customer: CustomerReference | null;
}

@ObjectType({ description: "How a service did in a period: its availability and each of its targets." })
export class ServicePerformance {
  @Field(() => Float, {
    nullable: true,
    description:
      "Percent of the period (up to now while it runs) the service was up around the clock (UTC), planned outages excluded from the time measured; null before the period starts.",
  })
  availability: number | null;

  @Field(() => [TargetPerformance], {
    description: "Every target on the service in force during the period, as the caller may see them, worst first.",
  })
  targets: TargetPerformance[];
}

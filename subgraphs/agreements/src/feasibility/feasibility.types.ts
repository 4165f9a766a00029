import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ObjectType } from "type-graphql";
import { Weekday } from "../calendars/calendar.enums";
import { ServiceReference } from "../references/service.reference";
import { ServiceLevelTarget } from "../targets/target.entity";
import { TargetUnit } from "../targets/target.enums";
import type { Feasibility } from "./feasibility.rules";
import { FeasibilityStatus } from "./feasibility.rules";
import { describeUncovered } from "./uncovered-hours.rules";

/** One weekly stretch of local time, on one day. */
@ObjectType({ description: "A weekly stretch of local time on one day of the week." })
export class WeeklyStretch {
  @Field(() => Weekday, { description: "The day of the week." })
  day: Weekday;

  @Field({ description: 'Local start time, "HH:MM" (inclusive).' })
  from: string;

  @Field({ description: 'Local end time, "HH:MM" (exclusive); "24:00" is the next local midnight.' })
  to: string;
}

/** Service hours a target promises that what underpins it does not cover. */
@ObjectType({
  description:
    "Service hours the target's agreement serves that an underpinning agreement behind it does not: weekly stretches in the target's time zone and holidays the underpinning takes.",
})
export class UncoveredHours {
  @Field({ description: "The IANA time zone of `weekly`: that of the target's service calendar." })
  timeZone: string;

  @Field(() => [WeeklyStretch], { description: "Every week, the stretches not covered, Monday first." })
  weekly: WeeklyStretch[];

  @Field(() => Float, { description: "Hours a week not covered (holidays aside)." })
  hoursPerWeek: number;

  @Field(() => [LocalDateResolver], {
    description: "Local dates in the next twelve months the target serves and an underpinning takes as holidays.",
  })
  dates: string[];

  @Field({
    description: 'The same in words, e.g. "Mon–Sat 00:00–07:00 and 20:00–24:00; Sun 00:00–24:00 (Europe/Berlin)".',
  })
  description: string;
}

/** One underpinning commitment a verdict rests on. */
@ObjectType({
  description:
    "One underpinning commitment a feasibility verdict rests on: the service, the agreement whose target bounds it (the weakest along a chain of underpinnings) and its value.",
})
export class FeasibilityLink {
  serviceId: string;
  agreementId: string;
  /** The agreements from the one directly behind the target's agreement to `agreementId`. */
  chainIds: string[];

  @Field(() => ServiceReference, { description: "The service the underpinning target is for." })
  get service(): ServiceReference {
    return { id: this.serviceId };
  }

  /** The underpinning target that bounds the link (shown only to callers who may read its agreement). */
  targetRow: ServiceLevelTarget;

  @Field(() => Float, { description: "The value it commits to, in `unit`." })
  value: number;

  @Field(() => TargetUnit, { description: "Unit of `value`." })
  unit: TargetUnit;
}

/** Whether the agreements behind a target can deliver it. */
@ObjectType({
  description:
    "Whether the ACTIVE OLAs and underpinning contracts behind a target (through chains of underpinnings) can deliver it: availability composed in series along the service's dependency closure; response and resolution times against the underpinning targets for the same service and priority, in the same service hours.",
})
export class TargetFeasibility {
  @Field(() => FeasibilityStatus, { description: "SUPPORTED, UNSUPPORTED or UNKNOWN." })
  status: FeasibilityStatus;

  @Field(() => Float, {
    nullable: true,
    description:
      "Availability: the product of the links' availabilities, in percent. Time targets: the bounding underpinning target's value in this target's unit. Null when there is no link.",
  })
  composedValue: number | null;

  @Field(() => [FeasibilityLink], {
    description: "The underpinning commitments composed, weakest first (availability: one per service).",
  })
  weakestLinks: FeasibilityLink[];

  missingIds: string[];

  @Field(() => [ServiceReference], {
    description:
      "Services with no ACTIVE underpinning target to compose (availability: dependencies of the service; time targets: the service): why the status is UNKNOWN.",
  })
  get missingUnderpinnings(): ServiceReference[] {
    return this.missingIds.map((id) => ({ id }));
  }

  @Field(() => UncoveredHours, {
    nullable: true,
    description: "Service hours of the target that an underpinning does not cover; null when all are covered.",
  })
  uncoveredHours: UncoveredHours | null;

  @Field({ description: "The verdict in one sentence, with the numbers." })
  explanation: string;
}

/** A target and its verdict, as `unsupportedTargets` lists them. */
@ObjectType({ description: "A service level target whose promise its underpinnings cannot keep." })
export class UnsupportedTarget {
  @Field(() => ServiceLevelTarget, { description: "The target (its agreement, service and feasibility)." })
  target: ServiceLevelTarget;

  @Field(() => TargetFeasibility, { description: "Why it is UNSUPPORTED." })
  feasibility: TargetFeasibility;
}

/** The rules' verdict as the schema shows it. */
export function toTargetFeasibility(verdict: Feasibility): TargetFeasibility {
  return Object.assign(new TargetFeasibility(), {
    status: verdict.status,
    composedValue: verdict.composedValue,
    weakestLinks: verdict.weakestLinks.map((link) =>
      Object.assign(new FeasibilityLink(), {
        serviceId: link.serviceId,
        agreementId: link.agreementId,
        chainIds: link.chain,
        targetRow: link.target as ServiceLevelTarget,
        value: link.target.value,
        unit: link.target.unit,
      }),
    ),
    missingIds: verdict.missing,
    uncoveredHours: verdict.uncovered && { ...verdict.uncovered, description: describeUncovered(verdict.uncovered) },
    explanation: verdict.explanation,
  });
}

import { Directive, Field, Float, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { AgreementPart } from "../agreements/agreement-part.entity";
import { Comparator, MeasurementPeriod, Priority, TargetMetric, TargetUnit } from "./target.enums";
import { ServiceReference } from "../references/service.reference";

/** A measurable commitment of an agreement for one service, e.g. availability at least 99.9 % per month. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A measurable commitment for one service, e.g. availability AT_LEAST 99.9 PERCENT per MONTH, or P1 resolution AT_MOST 4 HOURS.",
})
@Entity("service_level_targets")
// An agreement's targets are read together with every page of agreements that shows them: the
// index holds every column but the description (and, on InnoDB, the id), so that such a read finds
// them in the index alone rather than looking each row up by its id (on MariaDB at --scale 10000,
// 2.25 → 1.30 ms of the server's CPU for a page of 50 agreements' 300 targets).
@Index(["agreementId", "serviceId", "metric", "comparator", "value", "unit", "priority", "compliancePercent", "period"])
export class ServiceLevelTarget extends AgreementPart {
  @Index()
  @Column({ type: "varchar", length: 36 })
  serviceId: string;

  @Field(() => TargetMetric, { description: "What is measured." })
  @Column({ type: "simple-enum", enum: TargetMetric })
  metric: TargetMetric;

  @Field(() => Comparator, { description: "Whether the measured value must be at least or at most the target value." })
  @Column({ type: "simple-enum", enum: Comparator })
  comparator: Comparator;

  @Field(() => Float, { description: "The target value, in `unit`." })
  @Column({ type: "double" })
  value: number;

  @Field(() => TargetUnit, { description: "Unit of `value`." })
  @Column({ type: "simple-enum", enum: TargetUnit })
  unit: TargetUnit;

  @Field(() => Priority, {
    nullable: true,
    description: "Incident priority the target applies to; null when it applies to all.",
  })
  @Column({ type: "simple-enum", enum: Priority, nullable: true, default: null })
  priority: Priority | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "For RESPONSE_TIME and RESOLUTION_TIME: the share of tickets (percent, above 0 up to 100) that must meet the target, e.g. 95; null means 100.",
  })
  @Column({ type: "double", nullable: true, default: null })
  compliancePercent: number | null;

  @Field(() => MeasurementPeriod, { description: "Period over which the target is measured and reported." })
  @Column({ type: "simple-enum", enum: MeasurementPeriod })
  period: MeasurementPeriod;

  @Field({ description: "The target in the words of the agreement." })
  @Column({ type: "text" })
  description: string;

  @Field(() => ServiceReference, { description: "The service the target applies to." })
  get service(): ServiceReference {
    return { id: this.serviceId };
  }
}

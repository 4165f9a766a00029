import type { Identity } from "@itsm/kit";
import type { ReferenceChecker } from "../references/reference.checker";
import type { RecordResult } from "../records/record-result";
import { rejectInvalid } from "../records/record.validation";
import type { PreparedRecord, RecordTable, RecordWriter } from "../records/record.writer";
import { Measurement } from "./measurement.entity";
import type { RecordMeasurementsInput } from "./measurement.inputs";
import { checkMeasurements } from "./measurement.rules";

/** A measurement has no child rows. */
type NoChild = Record<string, never>;

/** How measurements are stored and audited. */
export const MEASUREMENTS: RecordTable<Measurement, NoChild> = {
  typeName: "Measurement",
  entity: Measurement,
  child: null,
  audited: (m) => ({
    externalId: m.externalId,
    service: m.serviceId,
    customer: m.customerId,
    metric: m.metric,
    month: m.month,
    value: m.value,
  }),
  sentFields: ["externalId", "service", "customer", "metric", "month", "value"],
  auditedFields: ["externalId", "service", "customer", "metric", "month", "value"],
  servicesOf: (measurement) => [measurement.serviceId],
};

/** Records monthly figures: survey results, first-contact resolution, change success, recovery tests. */
export class MeasurementCommands {
  constructor(
    private readonly writer: RecordWriter,
    private readonly references: ReferenceChecker,
  ) {}

  /** Validates the batch, checks its services and customers with their owners, then stores it in one transaction. */
  async record(input: RecordMeasurementsInput, actor: Identity): Promise<RecordResult> {
    rejectInvalid(input.measurements, checkMeasurements);
    await this.references.check(
      {
        serviceIds: input.measurements.map((m) => m.serviceId),
        customerIds: input.measurements.flatMap((m) => m.customerId ?? []),
      },
      actor,
    );
    const prepared: PreparedRecord<Measurement, NoChild>[] = input.measurements.map((m) => ({
      columns: {
        externalId: m.externalId,
        serviceId: m.serviceId,
        customerId: m.customerId ?? null,
        metric: m.metric,
        month: m.month,
        value: m.value,
      } as PreparedRecord<Measurement, NoChild>["columns"],
      children: [],
    }));
    return this.writer.write(MEASUREMENTS, prepared, actor);
  }
}

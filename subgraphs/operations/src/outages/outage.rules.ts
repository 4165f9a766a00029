import type { Problems } from "../records/record.validation";
import { checkUniqueExternalIds, isAfter } from "../records/record.validation";
import type { OutageRecordInput } from "./outage.inputs";

/** What the field validators cannot see: each outage is of exactly one thing and ends after it starts. */
export function checkOutages(outages: readonly OutageRecordInput[], problems: Problems): void {
  checkUniqueExternalIds("outages", outages, problems);
  outages.forEach((outage, i) => {
    const path = `input.outages.${i}`;
    if (Boolean(outage.serviceId) === Boolean(outage.componentId)) {
      problems.add(`${path}.serviceId`, "give exactly one of serviceId and componentId");
    }
    if (!isAfter(outage.endedAt, outage.startedAt)) problems.add(`${path}.endedAt`, "endedAt must be after startedAt");
  });
}

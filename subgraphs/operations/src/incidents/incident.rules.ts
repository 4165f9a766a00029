import type { Problems } from "../records/record.validation";
import { checkUniqueExternalIds, isAfter, isAtOrAfter } from "../records/record.validation";
import type { IncidentRecordInput } from "./incident.inputs";

/**
 * What the field validators cannot see: the clocks run forward from `openedAt`, and the pauses lie
 * within [openedAt, resolvedAt], in any order, without overlapping; only the last pause of an open
 * incident may still be going on.
 */
export function checkIncidents(incidents: readonly IncidentRecordInput[], problems: Problems): void {
  checkUniqueExternalIds("incidents", incidents, problems);
  incidents.forEach((incident, i) => {
    const path = `input.incidents.${i}`;
    if (!isAtOrAfter(incident.respondedAt, incident.openedAt)) {
      problems.add(`${path}.respondedAt`, "respondedAt must not be before openedAt");
    }
    if (!isAtOrAfter(incident.resolvedAt, incident.openedAt)) {
      problems.add(`${path}.resolvedAt`, "resolvedAt must not be before openedAt");
    }
    checkPauses(incident, path, problems);
  });
}

function checkPauses(incident: IncidentRecordInput, path: string, problems: Problems): void {
  const order = incident.pauses
    .map((_, p) => p)
    .sort((a, b) => incident.pauses[a].from.getTime() - incident.pauses[b].from.getTime());
  order.forEach((p, rank) => {
    const pause = incident.pauses[p];
    const at = `${path}.pauses.${p}`;
    if (!isAtOrAfter(pause.from, incident.openedAt))
      problems.add(`${at}.from`, "a pause must not begin before openedAt");
    if (!isAfter(pause.to, pause.from)) problems.add(`${at}.to`, "a pause must end after it begins");
    if (incident.resolvedAt) {
      if (!pause.to) problems.add(`${at}.to`, "a resolved incident is no longer waiting: every pause needs its end");
      else if (!isAtOrAfter(incident.resolvedAt, pause.to)) problems.add(`${at}.to`, "a pause must end by resolvedAt");
    } else if (!pause.to && rank < order.length - 1) {
      problems.add(`${at}.to`, "only the last pause may still be going on");
    }
    const previous = rank > 0 ? incident.pauses[order[rank - 1]] : null;
    if (previous && (!previous.to || previous.to.getTime() > pause.from.getTime())) {
      problems.add(`${at}.from`, `the pause overlaps pause ${order[rank - 1]}`);
    }
  });
}

/** The pauses in chronological order. */
export function chronological<T extends { from: Date }>(pauses: readonly T[]): T[] {
  return [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
}

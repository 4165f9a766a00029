import { AgreementStatus } from "../agreements/agreement.enums";
import type { RenewalFacts } from "../renewal/renewal.rules";
import { noticeDeadline, tacitRenewals } from "../renewal/renewal.rules";
import { addDays } from "./lifecycle.clock";

/** What the lifecycle scheduler does to one agreement on a day. */
export enum ScheduledChangeKind {
  /** SCHEDULED → ACTIVE on its effectiveFrom (superseding the version it revises). */
  START = "START",
  /** ACTIVE → EXPIRED the day after its effectiveTo. */
  EXPIRE = "EXPIRE",
  /** A TACIT agreement without notice: effectiveTo moves by the term the day after the notice deadline. */
  RENEW = "RENEW",
}

/** A change that fell due `on` a day (YYYY-MM-DD), on or before the day the scheduler runs. */
export interface ScheduledChange {
  kind: ScheduledChangeKind;
  agreementId: string;
  on: string;
}

/** The fields the schedule is decided on. */
export interface ScheduledFacts extends RenewalFacts {
  id: string;
  status: AgreementStatus;
  noticeGivenOn: string | null;
}

// On the same day an ending version expires before the next one starts: it reached its end, it was not superseded.
const RANK: Record<ScheduledChangeKind, number> = { RENEW: 0, EXPIRE: 1, START: 2 };

/** The change due for an agreement by `today` (inclusive), if any: catching up, it may be long past. */
export function dueChange(agreement: ScheduledFacts, today: string): ScheduledChange | null {
  if (agreement.status === AgreementStatus.SCHEDULED && agreement.effectiveFrom <= today) {
    return { kind: ScheduledChangeKind.START, agreementId: agreement.id, on: agreement.effectiveFrom };
  }
  if (agreement.status === AgreementStatus.ACTIVE && agreement.noticeGivenOn === null) {
    const deadline = noticeDeadline(agreement);
    if (deadline !== null && tacitRenewals(agreement, today).length > 0) {
      return { kind: ScheduledChangeKind.RENEW, agreementId: agreement.id, on: addDays(deadline, 1) };
    }
  }
  if (agreement.status === AgreementStatus.ACTIVE && agreement.effectiveTo !== null) {
    const ended = addDays(agreement.effectiveTo, 1);
    if (ended <= today) return { kind: ScheduledChangeKind.EXPIRE, agreementId: agreement.id, on: ended };
  }
  return null;
}

/** The changes due by `today`, in the order they fell due (the order in which they happened). */
export function dueChanges(agreements: readonly ScheduledFacts[], today: string): ScheduledChange[] {
  return agreements
    .map((a) => dueChange(a, today))
    .filter((c): c is ScheduledChange => c !== null)
    .sort(
      (a, b) => a.on.localeCompare(b.on) || RANK[a.kind] - RANK[b.kind] || a.agreementId.localeCompare(b.agreementId),
    );
}

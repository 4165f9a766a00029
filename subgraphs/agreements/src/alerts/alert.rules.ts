import { AgreementStatus, AgreementType, RenewalKind } from "../agreements/agreement.enums";
import { addDays } from "../lifecycle/lifecycle.clock";
import type { RenewalFacts } from "../renewal/renewal.rules";
import { noticeDeadline } from "../renewal/renewal.rules";
import { AlertKind } from "./alert.enums";

/** How far ahead each kind looks, in days (REVIEW_DUE also lists overdue reviews). */
export const ALERT_HORIZON_DAYS: Record<
  Exclude<AlertKind, typeof AlertKind.UNDERPINNING_ENDS_FIRST | typeof AlertKind.BUDGET_75 | typeof AlertKind.BREACHED>,
  number
> = {
  [AlertKind.EXPIRING]: 90,
  [AlertKind.NOTICE_DUE]: 30,
  [AlertKind.REVIEW_DUE]: 30,
};

/** What alerts are decided on, per agreement. */
export interface AlertFacts extends RenewalFacts {
  id: string;
  number: string;
  type: AgreementType;
  status: AgreementStatus;
  noticeGivenOn: string | null;
  reviewDue: string | null;
}

/** One alert, before its recipients are looked up. */
export interface RaisedAlert {
  /** Stable for the same condition: the kind, the agreement and (for underpinning) the other agreement. */
  key: string;
  kind: AlertKind;
  agreementId: string;
  dueOn: string;
  message: string;
}

const LIVE: AgreementStatus[] = [AgreementStatus.DRAFT, AgreementStatus.SCHEDULED, AgreementStatus.ACTIVE];

/** Whether an agreement will really end at effectiveTo (a TACIT one without notice renews instead). */
function endsAt(a: AlertFacts): string | null {
  if (a.effectiveTo === null) return null;
  return a.renewal === RenewalKind.TACIT && a.noticeGivenOn === null ? null : a.effectiveTo;
}

/** The EXPIRING, NOTICE_DUE and REVIEW_DUE alerts of an agreement on `today`. */
export function ownAlerts(a: AlertFacts, today: string): RaisedAlert[] {
  const alerts: RaisedAlert[] = [];
  const within = (date: string, days: number) => date >= today && date <= addDays(today, days);
  const end = endsAt(a);
  if (a.status === AgreementStatus.ACTIVE && end !== null && within(end, ALERT_HORIZON_DAYS.EXPIRING)) {
    const unless = a.renewal === RenewalKind.EXPRESS ? " unless a renewal is agreed (EXPRESS renewal)" : "";
    alerts.push(alert(AlertKind.EXPIRING, a, end, `${a.number} expires after ${end}${unless}`));
  }
  const deadline = a.noticeGivenOn === null ? noticeDeadline(a) : null;
  if (a.status === AgreementStatus.ACTIVE && deadline !== null && within(deadline, ALERT_HORIZON_DAYS.NOTICE_DUE)) {
    alerts.push(
      alert(
        AlertKind.NOTICE_DUE,
        a,
        deadline,
        `The last day to give notice on ${a.number} is ${deadline}; without notice it renews for ${a.renewalTermMonths} month(s) after ${a.effectiveTo}`,
      ),
    );
  }
  if (LIVE.includes(a.status) && a.reviewDue !== null && a.reviewDue <= addDays(today, ALERT_HORIZON_DAYS.REVIEW_DUE)) {
    const overdue = a.reviewDue < today ? " (overdue)" : "";
    alerts.push(
      alert(AlertKind.REVIEW_DUE, a, a.reviewDue, `${a.number} is due for review on ${a.reviewDue}${overdue}`),
    );
  }
  return alerts;
}

/**
 * UNDERPINNING_ENDS_FIRST: an ACTIVE SLA relies on an ACTIVE OLA or contract that ends before it
 * does (an open-ended SLA outlives every underpinning that ends). `named` says whether the
 * message may name the underpinning agreement (a partner may not read OLAs and contracts).
 */
export function underpinningAlert(sla: AlertFacts, under: AlertFacts, named: boolean): RaisedAlert | null {
  if (sla.type !== AgreementType.SLA || sla.status !== AgreementStatus.ACTIVE) return null;
  if (under.status !== AgreementStatus.ACTIVE) return null;
  const underEnd = endsAt(under);
  const slaEnd = endsAt(sla);
  if (underEnd === null || (slaEnd !== null && underEnd >= slaEnd)) return null;
  const what = named ? `${under.number} (${under.type})` : "An agreement underpinning it";
  const message = `${what} ends after ${underEnd}, before ${sla.number} does (${slaEnd ?? "open-ended"})`;
  return {
    ...alert(AlertKind.UNDERPINNING_ENDS_FIRST, sla, underEnd, message),
    key: `${AlertKind.UNDERPINNING_ENDS_FIRST}:${sla.id}:${under.id}`,
  };
}

function alert(kind: AlertKind, a: AlertFacts, dueOn: string, message: string): RaisedAlert {
  return { key: `${kind}:${a.id}`, kind, agreementId: a.id, dueOn, message };
}

/** Alerts in the order they are listed: soonest first, then by kind and key. */
export function sortAlerts(alerts: RaisedAlert[]): RaisedAlert[] {
  return alerts.sort(
    (x, y) => x.dueOn.localeCompare(y.dueOn) || x.kind.localeCompare(y.kind) || x.key.localeCompare(y.key),
  );
}

import { RenewalKind } from "../agreements/agreement.enums";
import { addDays, addMonths } from "../lifecycle/lifecycle.clock";

/** An agreement's renewal terms, with the dates they are judged against. */
export interface RenewalFacts {
  renewal: RenewalKind;
  renewalTermMonths: number | null;
  noticePeriodDays: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** One thing wrong with renewal terms: the input field to fix and why. */
export interface RenewalProblem {
  field: "renewal" | "renewalTermMonths" | "noticePeriodDays";
  message: string;
}

// The shortest month: a notice period shorter than this many days per month fits in any term.
const SHORTEST_MONTH_DAYS = 28;

/**
 * The last day to give notice on a TACIT agreement (effectiveTo − noticePeriodDays); null when it
 * does not renew tacitly or has no end date.
 */
export function noticeDeadline(terms: RenewalFacts): string | null {
  if (terms.renewal !== RenewalKind.TACIT || terms.effectiveTo === null) return null;
  return addDays(terms.effectiveTo, -(terms.noticePeriodDays ?? 0));
}

/** What is wrong with the renewal terms (empty when nothing). */
export function renewalProblems(terms: RenewalFacts): RenewalProblem[] {
  const problems: RenewalProblem[] = [];
  const { renewal, renewalTermMonths: term, noticePeriodDays: notice } = terms;
  if (renewal === RenewalKind.TACIT && term === null) {
    problems.push({ field: "renewalTermMonths", message: "a TACIT renewal needs renewalTermMonths" });
  }
  if (renewal === RenewalKind.NONE && term !== null) {
    problems.push({ field: "renewalTermMonths", message: "renewalTermMonths must be empty when renewal is NONE" });
  }
  if (renewal === RenewalKind.NONE && notice !== null) {
    problems.push({ field: "noticePeriodDays", message: "noticePeriodDays must be empty when renewal is NONE" });
  }
  if (notice !== null && term !== null && notice >= term * SHORTEST_MONTH_DAYS) {
    problems.push({
      field: "noticePeriodDays",
      message: `noticePeriodDays must be shorter than the renewal term (${term} month(s), at least ${term * SHORTEST_MONTH_DAYS} days)`,
    });
  }
  if (renewal === RenewalKind.TACIT && terms.effectiveTo === null) {
    problems.push({ field: "renewal", message: "a TACIT renewal needs an end date (effectiveTo) to renew" });
  }
  const deadline = noticeDeadline(terms);
  if (deadline !== null && deadline < terms.effectiveFrom) {
    problems.push({
      field: "noticePeriodDays",
      message: "noticePeriodDays must be shorter than the agreement's own term (effectiveFrom to effectiveTo)",
    });
  }
  return problems;
}

/**
 * The effectiveTo dates a TACIT agreement without notice reaches by `today`: one per term whose
 * notice deadline passed (catching up after downtime may add several). Empty when none is due.
 */
export function tacitRenewals(terms: RenewalFacts, today: string): string[] {
  const renewals: string[] = [];
  if (terms.renewal !== RenewalKind.TACIT || !terms.renewalTermMonths) return renewals;
  // Counted from the original end date, so that month ends do not drift (Jan 31 → Feb 28 → Mar 31).
  for (let deadline = noticeDeadline(terms), n = 1; deadline !== null && deadline < today; n++) {
    const effectiveTo = addMonths(terms.effectiveTo as string, n * terms.renewalTermMonths);
    renewals.push(effectiveTo);
    deadline = noticeDeadline({ ...terms, effectiveTo });
  }
  return renewals;
}

import type { Identity, Transactor } from "@itsm/kit";
import { BadUserInputError, changesBetween, ConflictError } from "@itsm/kit";
import type { AgainstRevision } from "../agreements/agreement.changes";
import { audit, loadDraft, loadForUpdate, saveAgreement } from "../agreements/agreement.changes";
import type { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus, RenewalKind } from "../agreements/agreement.enums";
import type { Clock } from "../lifecycle/lifecycle.clock";
import { todayOf } from "../lifecycle/lifecycle.clock";
import { noticeDeadline, renewalProblems } from "./renewal.rules";

/** The renewal terms of a DRAFT agreement (terms of an ACTIVE one change only by a new version). */
export interface RenewalTermsEdit extends AgainstRevision {
  id: string;
  renewal: RenewalKind;
  renewalTermMonths?: number | null;
  noticePeriodDays?: number | null;
}

/** When an agreement is next reviewed (null: no review planned). */
export interface ReviewDate extends AgainstRevision {
  id: string;
  reviewDue: string | null;
}

/** Notice on a TACIT agreement: it then expires at effectiveTo instead of renewing. */
export interface Notice extends AgainstRevision {
  id: string;
  /** Required here: notice is always given on what was read. */
  expectedRevision: number;
  reason: string;
}

const RENEWAL_FIELDS = ["renewal", "renewalTermMonths", "noticePeriodDays"] satisfies (keyof Agreement & string)[];
// A review date is administrative, not a term: it may be set while the agreement is in force.
const REVIEWABLE: AgreementStatus[] = [AgreementStatus.DRAFT, AgreementStatus.SCHEDULED, AgreementStatus.ACTIVE];

/** Renewal terms, review dates and notice: each one transaction, revision-checked, audited. */
export class RenewalCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly clock: Clock,
  ) {}

  setTerms(input: RenewalTermsEdit, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const current = await loadDraft(manager, input.id, input.expectedRevision);
      const patch = {
        renewal: input.renewal,
        renewalTermMonths: input.renewalTermMonths ?? null,
        noticePeriodDays: input.noticePeriodDays ?? null,
      };
      const problems = renewalProblems({ ...current, ...patch });
      if (problems.length > 0) {
        throw new BadUserInputError(
          `Renewal terms of ${current.number}: ${problems.map((p) => p.message).join("; ")}`,
          {
            fields: problems.map((p) => ({ path: `input.${p.field}`, messages: [p.message] })),
          },
        );
      }
      const changes = changesBetween<Partial<Agreement>>(current, patch, RENEWAL_FIELDS);
      if (changes.length === 0) return current;
      const updated = await saveAgreement(manager, current, patch);
      await audit(manager, updated, "renewal terms set", actor, changes);
      return updated;
    });
  }

  setReviewDue(input: ReviewDate, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const current = await loadForUpdate(manager, input.id, input.expectedRevision);
      if (!REVIEWABLE.includes(current.status)) {
        throw new ConflictError(`Agreement ${current.number} is ${current.status}: an ended agreement is not reviewed`);
      }
      const changes = changesBetween(current, { reviewDue: input.reviewDue }, ["reviewDue"]);
      if (changes.length === 0) return current;
      const updated = await saveAgreement(manager, current, { reviewDue: input.reviewDue });
      await audit(manager, updated, "review scheduled", actor, changes);
      return updated;
    });
  }

  giveNotice(input: Notice, actor: Identity): Promise<Agreement> {
    const today = todayOf(this.clock);
    return this.transactor.run(async (manager) => {
      const current = await loadForUpdate(manager, input.id, input.expectedRevision);
      if (current.status !== AgreementStatus.ACTIVE || current.renewal !== RenewalKind.TACIT) {
        throw new ConflictError(
          `Agreement ${current.number} is ${current.status} with ${current.renewal} renewal: notice is given on ACTIVE agreements that renew tacitly`,
        );
      }
      if (current.noticeGivenOn !== null) {
        throw new ConflictError(`Notice on ${current.number} was already given on ${current.noticeGivenOn}`);
      }
      const deadline = noticeDeadline(current) as string;
      if (today > deadline) {
        throw new ConflictError(
          `The last day to give notice on ${current.number} was ${deadline}: it renews until ${current.effectiveTo}`,
          { noticeDeadline: deadline },
        );
      }
      const updated = await saveAgreement(manager, current, { noticeGivenOn: today });
      await audit(manager, updated, "notice given", actor, [
        { field: "noticeGivenOn", from: null, to: JSON.stringify(today) },
        { field: "noticeReason", from: null, to: JSON.stringify(input.reason) },
      ]);
      return updated;
    });
  }
}

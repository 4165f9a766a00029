import type { Identity, Transactor } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { IsNull, LessThan, LessThanOrEqual } from "typeorm";
import { audit, changeStatus, loadForUpdate, saveAgreement, supersedePrevious } from "../agreements/agreement.changes";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus, RenewalKind } from "../agreements/agreement.enums";
import { tacitRenewals } from "../renewal/renewal.rules";
import type { Clock } from "./lifecycle.clock";
import { todayOf } from "./lifecycle.clock";
import { WebhookEventType } from "../webhooks/webhook.enums";
import { recordWebhookEvent } from "../webhooks/webhook.outbox";
import type { ScheduledChange } from "./schedule.rules";
import { dueChange, dueChanges, ScheduledChangeKind } from "./schedule.rules";

/** Who the history names for the changes time makes. */
export const SYSTEM: Identity = Object.freeze({ subject: "system", role: "admin", customerCodes: [] });

/** A change the scheduler made: the agreement, what happened and the day it fell due. */
export interface AppliedChange extends ScheduledChange {
  number: string;
  version: number;
}

// A run repeats until nothing is due; a chain (a version starts, then ends) needs a pass per link.
const MAX_PASSES = 20;

/**
 * The changes time makes to agreements: starting SCHEDULED versions, renewing TACIT ones whose
 * notice deadline passed without notice, and expiring ended ones. Each
 * change is one transaction that re-reads its agreement under a row lock and applies only if it is
 * still due, so two replicas (or a run that overlaps the next) never make a change twice.
 */
export class ScheduleCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly clock: Clock,
  ) {}

  /** Everything due by today, oldest first, including what fell due while nothing ran. */
  async due(): Promise<ScheduledChange[]> {
    const today = todayOf(this.clock);
    const candidates = await this.transactor.run((manager) =>
      manager.find(Agreement, {
        select: {
          id: true,
          status: true,
          effectiveFrom: true,
          effectiveTo: true,
          renewal: true,
          renewalTermMonths: true,
          noticePeriodDays: true,
          noticeGivenOn: true,
        },
        where: [
          { status: AgreementStatus.SCHEDULED, effectiveFrom: LessThanOrEqual(today) },
          { status: AgreementStatus.ACTIVE, effectiveTo: LessThan(today) },
          // Their notice deadline (effectiveTo − noticePeriodDays) is decided on in code.
          { status: AgreementStatus.ACTIVE, renewal: RenewalKind.TACIT, noticeGivenOn: IsNull() },
        ],
      }),
    );
    return dueChanges(candidates, today);
  }

  /** Applies everything due by today; answers what it changed, in order. */
  async runDue(): Promise<AppliedChange[]> {
    const applied: AppliedChange[] = [];
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const due = await this.due();
      const made = [];
      for (const change of due) {
        const done = await this.apply(change);
        if (done) made.push(done);
      }
      applied.push(...made);
      if (made.length === 0) break;
    }
    return applied;
  }

  /** Makes one change if it is still due (null when another run made it meanwhile). */
  apply(change: ScheduledChange): Promise<AppliedChange | null> {
    const today = todayOf(this.clock);
    return this.transactor.run(async (manager) => {
      const agreement = await loadForUpdate(manager, change.agreementId, null);
      const still = dueChange(agreement, today);
      if (!still || still.kind !== change.kind) return null;
      if (change.kind === ScheduledChangeKind.START) await start(manager, agreement);
      else if (change.kind === ScheduledChangeKind.RENEW) await renew(manager, agreement, today);
      else await changeStatus(manager, agreement, AgreementStatus.EXPIRED, "expired", SYSTEM);
      return { ...still, number: agreement.number, version: agreement.version };
    });
  }
}

/** SCHEDULED → ACTIVE; the version it revises, if still ACTIVE, is superseded now. */
async function start(manager: EntityManager, agreement: Agreement): Promise<void> {
  await supersedePrevious(manager, agreement, SYSTEM);
  await changeStatus(manager, agreement, AgreementStatus.ACTIVE, "in force", SYSTEM);
}

/** Moves effectiveTo by the term, once per term whose notice deadline passed: one history entry each. */
async function renew(manager: EntityManager, agreement: Agreement, today: string): Promise<void> {
  let current = agreement;
  for (const effectiveTo of tacitRenewals(agreement, today)) {
    const renewed = await saveAgreement(manager, current, { effectiveTo });
    await audit(manager, renewed, "renewed tacitly", SYSTEM, [
      { field: "effectiveTo", from: JSON.stringify(current.effectiveTo), to: JSON.stringify(effectiveTo) },
    ]);
    await recordWebhookEvent(manager, WebhookEventType.AGREEMENT_RENEWED, renewed, {
      action: "renewed tacitly",
      actor: SYSTEM.subject,
      previousStatus: current.status,
    });
    current = renewed;
  }
}

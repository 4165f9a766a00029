import type { Logger, Transactor } from "@itsm/kit";
import { chunksOf, isUniqueViolation, stableId } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { SYSTEM } from "../lifecycle/schedule.commands";
import { ALL_AGREEMENTS } from "../scope/agreement.scope";
import { WebhookEventType } from "../webhooks/webhook.enums";
import { recordWebhookEvents } from "../webhooks/webhook.outbox";
import type { RaisedAlert } from "./alert.rules";
import type { AlertService } from "./alert.service";
import { RaisedAlertRecord } from "./raised-alert.entity";

const recordId = (alert: RaisedAlert) => stableId("RaisedAlert", `${alert.key}|${alert.dueOn}`);

/**
 * Alerts recorded per transaction. The first run on a large register raises thousands at once
 * (20,000 agreements in the benchmark: ~1,500): one transaction each kept the embedded database's
 * single writer busy for seconds; a batch is a few statements.
 */
export const RAISE_BATCH = 100;

/**
 * Raises each alert once: run by the lifecycle scheduler, it finds the alerts due today that were
 * never raised (by alert key and due date) and records each with its ALERT_RAISED webhook event,
 * a batch at a time, each batch one transaction; the primary key keeps two replicas from raising
 * one twice (a batch that meets one raised meanwhile is redone one alert at a time).
 */
export class AlertRaising {
  constructor(
    private readonly transactor: Transactor,
    private readonly alerts: AlertService,
    private readonly logger: Logger,
    private readonly batchSize: number = RAISE_BATCH,
  ) {}

  async raiseNew(): Promise<RaisedAlert[]> {
    const due = await this.alerts.due(null, ALL_AGREEMENTS, {
      caller: SYSTEM,
      // Performance alerts missing now are raised on a later run, when operations answers.
      onMissing: (error) => this.logger.warn({ err: error }, "performance alerts not raised: operations unavailable"),
    });
    const raised: RaisedAlert[] = [];
    for (const batch of chunksOf(due, this.batchSize)) raised.push(...(await this.raiseBatch(batch)));
    return raised;
  }

  /** Records the alerts of the batch not raised before, in one transaction; answers those it recorded. */
  private async raiseBatch(batch: RaisedAlert[]): Promise<RaisedAlert[]> {
    try {
      return await this.transactor.run((manager) => record(manager, batch));
    } catch (error) {
      // Another replica raised one of them meanwhile: nothing of the batch was written.
      if (!isUniqueViolation(error)) throw error;
      if (batch.length === 1) return [];
      const raised: RaisedAlert[] = [];
      for (const alert of batch) raised.push(...(await this.raiseBatch([alert])));
      return raised;
    }
  }
}

async function record(manager: EntityManager, batch: RaisedAlert[]): Promise<RaisedAlert[]> {
  const known = new Set(
    (await manager.find(RaisedAlertRecord, { select: { id: true }, where: { id: In(batch.map(recordId)) } })).map(
      (r) => r.id,
    ),
  );
  const fresh = batch.filter((a) => !known.has(recordId(a)));
  if (fresh.length === 0) return [];
  const agreements = new Map(
    (await manager.findBy(Agreement, { id: In([...new Set(fresh.map((a) => a.agreementId))]) })).map((a) => [a.id, a]),
  );
  // An agreement deleted since the alerts were computed (a discarded draft) raises nothing.
  const raising = fresh.filter((a) => agreements.has(a.agreementId));
  if (raising.length === 0) return [];
  const raisedAt = new Date();
  await manager.insert(
    RaisedAlertRecord,
    raising.map((alert) => ({
      id: recordId(alert),
      kind: alert.kind,
      agreementId: alert.agreementId,
      dueOn: alert.dueOn,
      raisedAt,
    })),
  );
  await recordWebhookEvents(
    manager,
    WebhookEventType.ALERT_RAISED,
    raising.map((alert) => ({
      agreement: agreements.get(alert.agreementId)!,
      details: { alert: { kind: alert.kind, dueOn: alert.dueOn, message: alert.message } },
    })),
  );
  return raising;
}

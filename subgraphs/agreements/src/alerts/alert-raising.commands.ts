import type { Logger, Transactor } from "@itsm/kit";
import { isUniqueViolation, stableId } from "@itsm/kit";
import { In } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { SYSTEM } from "../lifecycle/schedule.commands";
import { ALL_AGREEMENTS } from "../scope/agreement.scope";
import { WebhookEventType } from "../webhooks/webhook.enums";
import { recordWebhookEvent } from "../webhooks/webhook.outbox";
import type { RaisedAlert } from "./alert.rules";
import type { AlertService } from "./alert.service";
import { RaisedAlertRecord } from "./raised-alert.entity";

const recordId = (alert: RaisedAlert) => stableId("RaisedAlert", `${alert.key}|${alert.dueOn}`);

/**
 * Raises each alert once: run by the lifecycle scheduler, it finds the alerts due today that were
 * never raised (by alert key and due date) and records each with its ALERT_RAISED webhook event in
 * one transaction; the primary key keeps two replicas from raising one twice.
 */
export class AlertRaising {
  constructor(
    private readonly transactor: Transactor,
    private readonly alerts: AlertService,
    private readonly logger: Logger,
  ) {}

  async raiseNew(): Promise<RaisedAlert[]> {
    const due = await this.alerts.due(null, ALL_AGREEMENTS, {
      caller: SYSTEM,
      // Performance alerts missing now are raised on a later run, when operations answers.
      onMissing: (error) => this.logger.warn({ err: error }, "performance alerts not raised: operations unavailable"),
    });
    if (due.length === 0) return [];
    const known = new Set(
      (
        await this.transactor.run((manager) =>
          manager.find(RaisedAlertRecord, { select: { id: true }, where: { id: In(due.map(recordId)) } }),
        )
      ).map((r) => r.id),
    );
    const raised: RaisedAlert[] = [];
    for (const alert of due.filter((a) => !known.has(recordId(a)))) {
      try {
        const done = await this.transactor.run(async (manager) => {
          const agreement = await manager.findOneBy(Agreement, { id: alert.agreementId });
          if (!agreement) return false;
          await manager.insert(RaisedAlertRecord, {
            id: recordId(alert),
            kind: alert.kind,
            agreementId: alert.agreementId,
            dueOn: alert.dueOn,
            raisedAt: new Date(),
          });
          await recordWebhookEvent(manager, WebhookEventType.ALERT_RAISED, agreement, {
            alert: { kind: alert.kind, dueOn: alert.dueOn, message: alert.message },
          });
          return true;
        });
        if (done) raised.push(alert);
      } catch (error) {
        // Another replica raised it meanwhile.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return raised;
  }
}

import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createLogger, createSubgraphServer } from "@itsm/kit";
import type { AgreementsOptions, WebhookSettings } from "./agreements.config";
import { DEFAULT_WEBHOOK_SETTINGS } from "./agreements.config";
import type { AgreementsContext } from "./agreements.context";
import type { Clock } from "./lifecycle/lifecycle.clock";
import { systemClock } from "./lifecycle/lifecycle.clock";
import { LifecycleScheduler } from "./lifecycle/lifecycle.scheduler";
import { SYSTEM } from "./lifecycle/schedule.commands";
import { agreementsSubgraph } from "./subgraph";
import { AlertRaising } from "./alerts/alert-raising.commands";
import type { WebhookWorkerOptions } from "./webhooks/webhook.worker";
import { WebhookDeliveryWorker } from "./webhooks/webhook.worker";

/** Opens the agreements database and builds the server; starts nothing. */
export function createServer(
  config: SubgraphConfig & AgreementsOptions & { webhooks?: WebhookSettings },
  logger?: Logger,
  clock: Clock = systemClock,
): Promise<SubgraphServer<AgreementsContext>> {
  return createSubgraphServer(agreementsSubgraph(clock, config.webhooks ?? DEFAULT_WEBHOOK_SETTINGS), config, logger);
}

/** The lifecycle scheduler of a server (sharing its connections and clock); not started. */
export function createLifecycleScheduler(
  server: SubgraphServer<AgreementsContext>,
  options: { intervalSeconds: number; logger?: Logger; holder?: string; leaseSeconds?: number },
): LifecycleScheduler {
  const { commands, transactor, clock, alerts } = server.createContext(SYSTEM);
  const logger = options.logger ?? createLogger("agreements", "silent");
  return new LifecycleScheduler({
    schedule: commands.schedule,
    alerts: new AlertRaising(transactor, alerts, logger),
    transactor,
    clock,
    logger,
    intervalSeconds: options.intervalSeconds,
    leaseSeconds: options.leaseSeconds,
    holder: options.holder,
  });
}

/** The webhook delivery worker of a server (sharing its connections and clock); not started. */
export function createWebhookWorker(
  server: SubgraphServer<AgreementsContext>,
  settings: WebhookSettings,
  options: Partial<Omit<WebhookWorkerOptions, "transactor" | "clock">> = {},
): WebhookDeliveryWorker {
  const { transactor, clock } = server.createContext(SYSTEM);
  return new WebhookDeliveryWorker({
    transactor,
    clock,
    logger: createLogger("agreements", "silent"),
    intervalSeconds: settings.deliveryIntervalSeconds,
    timeoutMs: settings.timeoutMs,
    allowPrivateNetworks: settings.allowPrivateNetworks,
    retentionDays: settings.retentionDays,
    ...options,
  });
}

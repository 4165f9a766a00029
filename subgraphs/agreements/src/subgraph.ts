import "reflect-metadata";
import type { SubgraphConfig, SubgraphSpec } from "@itsm/kit";
import type { AgreementsOptions } from "./agreements.config";
import type { AgreementsContext } from "./agreements.context";
import { createAgreementsContext, createAgreementsServices } from "./agreements.context";
import { Agreement } from "./agreements/agreement.entity";
import { agreementEntities } from "./entities";
import type { Clock } from "./lifecycle/lifecycle.clock";
import { systemClock } from "./lifecycle/lifecycle.clock";
import { agreementsMigrations } from "./migrations";
import { seedAgreements } from "./sample/agreements.seed";
import { seedSyntheticAgreements } from "./sample/agreements.synthetic";
import { buildSchema } from "./schema";
import { DEFAULT_WEBHOOK_SETTINGS } from "./agreements.config";
import type { WebhookPolicy } from "./webhooks/webhook.commands";

/** The agreements subgraph reading "today" from `clock` (tests pass one they move), with its webhook policy. */
export function agreementsSubgraph(
  clock: Clock,
  webhooks: WebhookPolicy = DEFAULT_WEBHOOK_SETTINGS,
): SubgraphSpec<AgreementsContext> {
  return {
    name: "agreements",
    entities: agreementEntities,
    migrations: agreementsMigrations,
    sample: { marker: Agreement, seed: (manager) => seedAgreements(manager) },
    synthetic: (manager, scale, progress) => seedSyntheticAgreements(manager, scale, progress),
    buildSchema,
    contextFactory: (dataSource, config: SubgraphConfig & AgreementsOptions) => {
      const services = createAgreementsServices(dataSource, config, clock, webhooks);
      return (identity) => createAgreementsContext(services, identity);
    },
  };
}

/** The agreements subgraph: what the server, `npm run compose`, `migrate` and `seed` work from. */
export const subgraph: SubgraphSpec<AgreementsContext> = agreementsSubgraph(systemClock);

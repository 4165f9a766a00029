import "reflect-metadata";
import type { SubgraphSpec } from "@itsm/kit";
import { Agreement, agreementEntities } from "./entities";
import { agreementsMigrations } from "./migrations";
import { seedAgreements } from "./sample/agreements.seed";
import { seedSyntheticAgreements } from "./sample/agreements.synthetic";
import { buildSchema } from "./schema";
import type { AgreementsContext } from "./services/agreements.context";
import { createAgreementsContext, createAgreementsServices } from "./services/agreements.context";

/** The agreements subgraph: what the server, `npm run compose`, `migrate` and `seed` work from. */
export const subgraph: SubgraphSpec<AgreementsContext> = {
  name: "agreements",
  entities: agreementEntities,
  migrations: agreementsMigrations,
  sample: { marker: Agreement, seed: (manager) => seedAgreements(manager) },
  synthetic: (manager, scale, progress) => seedSyntheticAgreements(manager, scale, progress),
  buildSchema,
  contextFactory: (dataSource, config) => {
    const services = createAgreementsServices(dataSource, config);
    return (identity) => createAgreementsContext(services, identity);
  },
};

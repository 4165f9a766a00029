import "reflect-metadata";
import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createSubgraphServer } from "@itsm/kit";
import { Agreement, agreementEntities } from "./entities";
import { seedAgreements } from "./sample/agreements.seed";
import { buildSchema } from "./schema";
import type { AgreementsContext } from "./services/agreements.context";
import { createAgreementsContext, createAgreementsServices } from "./services/agreements.context";

/** Opens the agreements database (loading the sample into an empty one) and builds the server; starts nothing. */
export function createServer(config: SubgraphConfig, logger?: Logger): Promise<SubgraphServer<AgreementsContext>> {
  return createSubgraphServer(
    {
      entities: agreementEntities,
      sample: { marker: Agreement, seed: seedAgreements },
      buildSchema,
      contextFactory: (dataSource) => {
        const services = createAgreementsServices(dataSource);
        return () => createAgreementsContext(services);
      },
    },
    config,
    logger,
  );
}

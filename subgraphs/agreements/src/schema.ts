import "reflect-metadata";
import { buildFederatedSchema } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import { AgreementCommandsResolver } from "./resolvers/agreement-commands.resolver";
import { AgreementResolver } from "./resolvers/agreement.resolver";
import { CustomerAgreementsResolver } from "./resolvers/customer.resolver";
import { ProviderAgreementsResolver } from "./resolvers/provider.resolver";
import { ServiceLevelTargetResolver } from "./resolvers/service-level-target.resolver";
import { ServiceAgreementsResolver } from "./resolvers/service.resolver";
import type { AgreementsContext } from "./services/agreements.context";

// Entities owned elsewhere resolve to their key: their fields here are computed from the id.
const byKey = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };

/** The agreements subgraph's federated schema; needs no database (resolvers read from the context). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      AgreementResolver,
      AgreementCommandsResolver,
      ServiceLevelTargetResolver,
      ServiceAgreementsResolver,
      CustomerAgreementsResolver,
      ProviderAgreementsResolver,
    ],
    referenceResolvers: {
      Agreement: {
        __resolveReference: (ref: { id: string }, ctx: AgreementsContext) => ctx.loaders.agreementById.load(ref.id),
      },
      Service: byKey,
      Customer: byKey,
      Provider: byKey,
    },
  });
}

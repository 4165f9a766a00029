import "reflect-metadata";
import { buildFederatedSchema } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import type { AgreementsContext } from "./agreements.context";
// The order of these imports is the order of the mutations and fields in the printed SDL.
import { AgreementResolver } from "./agreements/agreement.resolver";
import { CoverageResolver, ServiceAgreementsResolver } from "./coverage/coverage.resolver";
import { CustomerAgreementsResolver, PartyResolver, ProviderAgreementsResolver } from "./parties/party.resolver";
import { ServiceTargetsResolver, TargetResolver } from "./targets/target.resolver";
import { ResponsibilityResolver } from "./responsibilities/responsibility.resolver";
import { UnderpinningResolver } from "./underpinning/underpinning.resolver";
import { LifecycleResolver } from "./lifecycle/lifecycle.resolver";
import { ClaimResolver } from "./claims/claim.resolver";

// Entities owned elsewhere resolve to their key: their fields here are computed from the id.
const byKey = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };

/** The agreements subgraph's federated schema; needs no database (resolvers read from the context). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      AgreementResolver,
      CoverageResolver,
      ServiceAgreementsResolver,
      PartyResolver,
      CustomerAgreementsResolver,
      ProviderAgreementsResolver,
      TargetResolver,
      ServiceTargetsResolver,
      ResponsibilityResolver,
      UnderpinningResolver,
      LifecycleResolver,
      ClaimResolver,
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

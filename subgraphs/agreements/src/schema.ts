import "reflect-metadata";
import { buildFederatedSchema, referenceById } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import type { AgreementsContext } from "./agreements.context";
// The order of these imports is the order of the mutations and fields in the printed SDL.
import { AgreementResolver } from "./agreements/agreement.resolver";
import { CoverageCalendarResolver, CoverageResolver, ServiceAgreementsResolver } from "./coverage/coverage.resolver";
import { CustomerAgreementsResolver, PartyResolver, ProviderAgreementsResolver } from "./parties/party.resolver";
import { ServiceTargetsResolver, TargetResolver } from "./targets/target.resolver";
import { ResponsibilityResolver } from "./responsibilities/responsibility.resolver";
import { UnderpinningResolver } from "./underpinning/underpinning.resolver";
import { LifecycleResolver } from "./lifecycle/lifecycle.resolver";
import { RenewalResolver } from "./renewal/renewal.resolver";
import { AlertResolver } from "./alerts/alert.resolver";
import { ClaimResolver } from "./claims/claim.resolver";
import { CalendarResolver } from "./calendars/calendar.resolver";
import { CatalogueResolver } from "./catalogue/catalogue.resolver";
import { CostRecoveryResolver } from "./coverage/cost-recovery.resolver";
import { WebhookResolver } from "./webhooks/webhook.resolver";
import {
  AgreementFeasibilityResolver,
  FeasibilityLinkResolver,
  FeasibilityResolver,
} from "./feasibility/feasibility.resolver";
import { SignatureResolver } from "./signatures/signature.resolver";
import type { ServiceReference } from "./references/service.reference";
import { isSignedIn } from "./calendars/calendar.scope";

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
      RenewalResolver,
      AlertResolver,
      ClaimResolver,
      CoverageCalendarResolver,
      CalendarResolver,
      CatalogueResolver,
      CostRecoveryResolver,
      WebhookResolver,
      FeasibilityResolver,
      FeasibilityLinkResolver,
      AgreementFeasibilityResolver,
      SignatureResolver,
    ],
    referenceResolvers: {
      Agreement: referenceById((ctx: AgreementsContext) => ctx.loaders.agreementById),
      ServiceLevelTarget: {
        // A target resolves only when its agreement is in the caller's scope (a partner: its own SLAs).
        __resolveReference: async (ref: { id: string }, ctx: AgreementsContext) => {
          const target = await ctx.loaders.targetById.load(ref.id);
          return target && (await ctx.loaders.agreementById.load(target.agreementId)) ? target : null;
        },
      },
      ServiceCalendar: {
        __resolveReference: (ref: { id: string }, ctx: AgreementsContext) =>
          isSignedIn(ctx.identity) ? ctx.loaders.calendarById.load(ref.id) : null,
      },
      // The catalog's monthlyCost comes along when the gateway resolves a field that @requires it.
      Service: { __resolveReference: (ref: ServiceReference): ServiceReference => ({ ...ref }) },
      Customer: byKey,
      Provider: byKey,
    },
  });
}

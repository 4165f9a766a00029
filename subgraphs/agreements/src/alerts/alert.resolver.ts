import { connectionType, PageArgs, reportPartialError, toPageRequest } from "@itsm/kit";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementType } from "../agreements/agreement.enums";
import { AlertFilter } from "./alert.inputs";
import { Alert, AlertRecipient } from "./alert.types";

const AlertConnection = connectionType(Alert, "Alert", "alerts");

/** Alerts about agreements: what they are about and who they are for. */
@Resolver(() => Alert)
export class AlertResolver {
  @Authorized()
  @Query(() => AlertConnection, {
    nullable: true,
    description:
      "Alerts due on today's date about the agreements the caller may read (a partner: its own SLAs), soonest first. BUDGET_75 and BREACHED come from the operations subgraph: when it cannot answer, the other kinds are listed and an error (SERVICE_UNAVAILABLE, serviceName operations) says these are missing. Null only when an error says why.",
  })
  async alerts(
    @Args() page: PageArgs,
    @Arg("filter", () => AlertFilter, { nullable: true, description: "Criteria the alerts must meet." })
    filter: AlertFilter | null,
    @Ctx() ctx: AgreementsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.alerts.list(filter, toPageRequest(page), await ctx.scope(), {
      caller: ctx.identity,
      // Served with the rest of the answer, at this field's path.
      onMissing: (error) =>
        reportPartialError(
          ctx,
          new GraphQLError(error.message, { path: [info.path.key], extensions: error.extensions }),
        ),
    });
  }

  @FieldResolver(() => Agreement, { description: "The agreement the alert is about." })
  async agreement(@Root() alert: Alert, @Ctx() { loaders }: AgreementsContext): Promise<Agreement> {
    // Alerts are listed from agreements in the caller's scope, so the agreement is there too.
    return (await loaders.agreementById.load(alert.agreementId)) as Agreement;
  }

  @FieldResolver(() => [AlertRecipient], {
    nullable: true,
    description:
      "Who should act: for an SLA, the ESCALATION and BUSINESS_OWNER contacts of its customers (a partner sees its own only); for an OLA or contract, its provider (providers have no contacts yet). Null only when the customers subgraph cannot answer (an error says so).",
  })
  async recipients(@Root() alert: Alert, @Ctx() { loaders }: AgreementsContext): Promise<AlertRecipient[]> {
    const agreement = await loaders.agreementById.load(alert.agreementId);
    if (!agreement) return [];
    if (agreement.type !== AgreementType.SLA) {
      const provider = await loaders.providerRecipient.load(agreement.providerId);
      return provider ? [provider] : [];
    }
    const customerIds = [...(await loaders.customerIdsByAgreement.load(agreement.id))].sort();
    return (await Promise.all(customerIds.map((id) => loaders.customerRecipients.load(id)))).flat();
  }
}

import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { relatedAgreementsResolver } from "../agreements/related-agreements.resolver";
import { ServiceReference } from "../references/service.reference";
import { AddAgreementServiceInput, AgreementServiceInput } from "./coverage.inputs";

/** The services a DRAFT agreement covers: adding and removing them. */
@Resolver(() => Agreement)
export class CoverageResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Adds a covered service to a DRAFT agreement." })
  addAgreementService(
    @Arg("input") input: AddAgreementServiceInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.coverage.add(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Removes a covered service (`serviceId`) and its targets from a DRAFT agreement.",
  })
  removeAgreementService(
    @Arg("input") input: AgreementServiceInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.coverage.remove(input, ctx.identity);
  }
}

/** What the agreements subgraph adds to the catalog's Service: the agreements that cover it. */
export const ServiceAgreementsResolver = relatedAgreementsResolver(
  ServiceReference,
  "agreementIdsByService",
  "The agreements that cover this service, by number. Null only when the agreements subgraph cannot answer (an error says so).",
);

import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { relatedAgreementsResolver } from "../agreements/related-agreements.resolver";
import { CustomerReference } from "../references/customer.reference";
import { ProviderReference } from "../references/provider.reference";
import { AgreementCustomerInput } from "./party.inputs";

/** The customers party to a DRAFT SLA: adding and removing them. */
@Resolver(() => Agreement)
export class PartyResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Makes a customer (`customerId`, ACTIVE) party to a DRAFT SLA." })
  addAgreementCustomer(@Arg("input") input: AgreementCustomerInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.parties.addCustomer(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Removes a customer (`customerId`) from a DRAFT SLA." })
  removeAgreementCustomer(
    @Arg("input") input: AgreementCustomerInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.parties.removeCustomer(input, ctx.identity);
  }
}

/** What the agreements subgraph adds to the customers subgraph's Customer. */
export const CustomerAgreementsResolver = relatedAgreementsResolver(
  CustomerReference,
  "agreementIdsByCustomer",
  "The agreements this customer is party to, by number. Null only when the agreements subgraph cannot answer (an error says so).",
);

/** What the agreements subgraph adds to the customers subgraph's Provider. */
export const ProviderAgreementsResolver = relatedAgreementsResolver(
  ProviderReference,
  "agreementIdsByProvider",
  "The agreements this provider is bound by, by number. Null only when the agreements subgraph cannot answer (an error says so).",
);

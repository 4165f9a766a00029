import type { ClassType } from "type-graphql";
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "./agreement.entity";
import { relatedAgreements } from "./agreement.filters";
import { RelatedAgreementsArgs } from "./agreement.inputs";

/** The loaders that list, per id of an entity owned elsewhere, the ids of the agreements that refer to it. */
type AgreementIdsLoader = "agreementIdsByService" | "agreementIdsByCustomer" | "agreementIdsByProvider";

/**
 * The `agreements` field this subgraph adds to an entity owned elsewhere (Service, Customer,
 * Provider): the agreements referring to it, narrowed by status and type, ordered by number.
 */
export function relatedAgreementsResolver<T extends { id: string }>(
  owner: ClassType<T>,
  idsOf: AgreementIdsLoader,
  description: string,
) {
  @Resolver(() => owner)
  class RelatedAgreementsResolver {
    @Authorized()
    @FieldResolver(() => [Agreement], { nullable: true, description })
    async agreements(
      @Root() reference: T,
      @Args() args: RelatedAgreementsArgs,
      @Ctx() { loaders }: AgreementsContext,
    ): Promise<Agreement[]> {
      return relatedAgreements(loaders.agreementById, await loaders[idsOf].load(reference.id), args);
    }
  }
  return RelatedAgreementsResolver;
}

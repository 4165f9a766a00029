import { Money, STAFF } from "@itsm/kit";
import { Authorized, Ctx, Directive, Field, FieldResolver, Float, ObjectType, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { ServiceReference } from "../references/service.reference";
import type { CostRecoveryFigures } from "./cost-recovery.rules";
import { costRecovery } from "./cost-recovery.rules";

@ObjectType({
  description:
    "A service's monthly cost (from the catalog) against what its ACTIVE SLAs charge for it per month. Only charges in the cost's currency are compared; others are listed, never converted.",
})
export class CostRecovery implements CostRecoveryFigures {
  @Field(() => Money, { description: "What the service costs per month (the catalog's monthlyCost)." })
  cost: Money;

  @Field(() => Money, {
    description:
      "The sum of the monthly charges for the service in the ACTIVE SLAs covering it, in the cost's currency.",
  })
  charged: Money;

  @Field(() => Float, {
    nullable: true,
    description: "charged / cost, e.g. 1.25 when charges exceed cost by a quarter; null when the cost is zero.",
  })
  ratio: number | null;

  @Field(() => [Money], {
    description: "Monthly charges in other currencies than the cost's, summed per currency; not part of the ratio.",
  })
  otherCharges: Money[];
}

/** What the agreements subgraph adds to the catalog's Service for analysts: cost against charges. */
@Resolver(() => ServiceReference)
export class CostRecoveryResolver {
  @Authorized(STAFF)
  @Directive('@requires(fields: "monthlyCost { amount currency }")')
  @FieldResolver(() => CostRecovery, {
    nullable: true,
    description:
      "For analysts: the service's monthly cost against the monthly charges of the ACTIVE SLAs covering it. Null only when an error says why.",
  })
  async costRecovery(
    @Root() service: ServiceReference,
    @Ctx() { loaders }: AgreementsContext,
  ): Promise<CostRecovery | null> {
    // The gateway always sends the required monthlyCost; a caller of this subgraph alone may not.
    if (!service.monthlyCost) return null;
    return costRecovery(service.monthlyCost, await loaders.activeChargesByService.load(service.id));
  }
}

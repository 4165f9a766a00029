import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Agreement, ServiceLevelTarget } from "../entities";
import type { AgreementsContext } from "../services/agreements.context";

@Resolver(() => ServiceLevelTarget)
export class ServiceLevelTargetResolver {
  @FieldResolver(() => Agreement, { description: "The agreement that sets this target." })
  async agreement(@Root() target: ServiceLevelTarget, @Ctx() { loaders }: AgreementsContext): Promise<Agreement> {
    return (await loaders.agreementById.load(target.agreementId)) as Agreement;
  }
}

import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { RemovePartInput } from "../agreements/agreement.inputs";
import { AddResponsibilityInput } from "./responsibility.inputs";

/** The responsibilities of a DRAFT agreement's parties: adding and removing them. */
@Resolver(() => Agreement)
export class ResponsibilityResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Adds a responsibility of the provider or the customer to a DRAFT agreement.",
  })
  addResponsibility(@Arg("input") input: AddResponsibilityInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.responsibilities.add(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Removes a responsibility from a DRAFT agreement." })
  removeResponsibility(@Arg("input") input: RemovePartInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.responsibilities.remove(input, ctx.identity);
  }
}

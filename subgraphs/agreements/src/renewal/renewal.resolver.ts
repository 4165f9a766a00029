import { WRITERS } from "@itsm/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { GiveNoticeInput, SetRenewalTermsInput, SetReviewDueInput } from "./renewal.inputs";
import { noticeDeadline } from "./renewal.rules";

/** An agreement's renewal: its terms, review date, notice and the deadline for it. */
@Resolver(() => Agreement)
export class RenewalResolver {
  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description:
      "The last day to give notice (effectiveTo − noticePeriodDays) on an agreement that renews tacitly; null otherwise.",
  })
  noticeDeadline(@Root() agreement: Agreement): string | null {
    return noticeDeadline(agreement);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Sets the renewal terms of a DRAFT agreement: TACIT needs a term and an end date; notice must be shorter than the term.",
  })
  setRenewalTerms(@Arg("input") input: SetRenewalTermsInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.renewal.setTerms(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Sets (or clears) when a DRAFT, SCHEDULED or ACTIVE agreement is reviewed.",
  })
  setReviewDue(@Arg("input") input: SetReviewDueInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.renewal.setReviewDue(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Gives notice on an ACTIVE agreement that renews tacitly, by its notice deadline: it then expires at effectiveTo.",
  })
  giveNotice(@Arg("input") input: GiveNoticeInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.renewal.giveNotice(input, ctx.identity);
  }
}

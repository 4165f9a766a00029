import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { relatedAgreementsResolver } from "../agreements/related-agreements.resolver";
import { ServiceReference } from "../references/service.reference";
import { ServiceCalendar } from "../calendars/calendar.entity";
import { AddAgreementServiceInput, AgreementServiceInput, SetCoverageCalendarInput } from "./coverage.inputs";
import { ServiceCoverage } from "./service-coverage.entity";

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

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Measures a covered service of a DRAFT agreement in another service calendar (an ACTIVE agreement changes by revision).",
  })
  setCoverageCalendar(
    @Arg("input") input: SetCoverageCalendarInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.coverage.setCalendar(input, ctx.identity);
  }
}

/** The calendar of a coverage, loaded in one batch for every coverage of a request. */
@Resolver(() => ServiceCoverage)
export class CoverageCalendarResolver {
  @FieldResolver(() => ServiceCalendar, {
    description: "The service calendar the targets for this service are measured in.",
  })
  async calendar(@Root() coverage: ServiceCoverage, @Ctx() { loaders }: AgreementsContext): Promise<ServiceCalendar> {
    // Calendars are never deleted and coverage names an existing one.
    return (await loaders.calendarById.load(coverage.calendarId)) as ServiceCalendar;
  }
}

/** What the agreements subgraph adds to the catalog's Service: the agreements that cover it. */
export const ServiceAgreementsResolver = relatedAgreementsResolver(
  ServiceReference,
  "agreementIdsByService",
  "The agreements that cover this service, by number. Null only when the agreements subgraph cannot answer (an error says so).",
);

import { STAFF } from "@itsm/kit";
import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { ServiceLevelCatalogue } from "./catalogue.types";

/** The catalogue the operations subgraph measures performance against; staff only (it asks as a system analyst). */
@Resolver()
export class CatalogueResolver {
  @Authorized(STAFF)
  @Query(() => ServiceLevelCatalogue, {
    description:
      "Internal (for the operations subgraph): every calendar and every target of every non-DRAFT agreement, with what performance needs. Staff only.",
  })
  serviceLevelCatalogue(@Ctx() ctx: AgreementsContext): Promise<ServiceLevelCatalogue> {
    return ctx.catalogue.read();
  }

  @Authorized(STAFF)
  @Query(() => String, {
    description: "Internal: changes whenever anything in serviceLevelCatalogue changes (cheap to ask). Staff only.",
  })
  serviceLevelCatalogueRevision(@Ctx() ctx: AgreementsContext): Promise<string> {
    return ctx.catalogue.revision();
  }
}

import { connectionType, HistoryEntry, loadRequired, PageArgs, STAFF, toPageRequest, WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CustomersContext } from "../customers.context";
import { Provider } from "./provider.entity";
import type { SelectedProvider } from "./provider.service";
import { CreateProviderInput, ProviderFilter, UpdateProviderInput } from "./provider.inputs";

const ProviderConnection = connectionType(Provider, "Provider", "providers");

@Resolver(() => Provider)
export class ProviderResolver {
  @Authorized(STAFF)
  @Query(() => Provider, { nullable: true, description: "The provider with this id; NOT_FOUND if there is none." })
  provider(@Arg("id", () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<SelectedProvider> {
    return loadRequired(ctx.loaders.selectedProviderById, "Provider", id);
  }

  @Authorized(STAFF)
  @Query(() => Provider, {
    nullable: true,
    description: 'The provider with this code, e.g. "CORP_IT"; NOT_FOUND if there is none.',
  })
  providerByCode(@Arg("code") code: string, @Ctx() ctx: CustomersContext): Promise<Provider> {
    return loadRequired(ctx.loaders.providerByCode, "Provider", code);
  }

  @Authorized(STAFF)
  @Query(() => ProviderConnection, {
    nullable: true,
    description: "All service providers, ordered by code, one page at a time. Null only when an error says why.",
  })
  providers(
    @Args() page: PageArgs,
    @Arg("filter", () => ProviderFilter, { nullable: true, description: "Criteria the providers must meet." })
    filter: ProviderFilter | null,
    @Ctx() ctx: CustomersContext,
  ) {
    return ctx.providers.list(filter, toPageRequest(page));
  }

  @Authorized(STAFF)
  @FieldResolver(() => [HistoryEntry], { description: "Every change to the provider, newest first: who, when, what." })
  history(@Root() provider: Provider, @Ctx() { loaders }: CustomersContext): Promise<HistoryEntry[]> {
    return loaders.providerHistory.load(provider.id);
  }

  @Authorized(WRITERS)
  @Mutation(() => Provider, { description: "Adds a service provider." })
  createProvider(@Arg("input") input: CreateProviderInput, @Ctx() ctx: CustomersContext): Promise<Provider> {
    return ctx.providerCommands.create(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Provider, { description: "Changes a provider's name, description or kind; its code never changes." })
  updateProvider(@Arg("input") input: UpdateProviderInput, @Ctx() ctx: CustomersContext): Promise<Provider> {
    return ctx.providerCommands.update(input, ctx.identity);
  }
}

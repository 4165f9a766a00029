import { connectionType, HistoryEntry, loadRequired, PageArgs, STAFF, toPageRequest, WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CatalogContext } from "../catalog.context";
import { Service } from "../it-services/service.entity";
import type { SelectedService } from "../it-services/service.service";
import { servicesByCode } from "../it-services/service.service";
import { Component } from "./component.entity";
import { ComponentFilter, CreateComponentInput, UpdateComponentInput } from "./component.inputs";

const ComponentConnection = connectionType(Component, "Component", "components");

// Components are the staff's view of how services are built: every query and field here is STAFF unless it says otherwise.
@Authorized(STAFF)
@Resolver(() => Component)
export class ComponentResolver {
  @Query(() => Component, { nullable: true, description: "The component with this id; NOT_FOUND if there is none." })
  component(@Arg("id", () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<Component> {
    return loadRequired(ctx.loaders.componentById, "Component", id);
  }

  @Query(() => ComponentConnection, {
    nullable: true,
    description: "All components, ordered by name, one page at a time. Null only when an error says why.",
  })
  components(
    @Args() page: PageArgs,
    @Arg("filter", () => ComponentFilter, { nullable: true, description: "Criteria the components must meet." })
    filter: ComponentFilter | null,
    @Ctx() ctx: CatalogContext,
  ) {
    return ctx.components.list(filter, toPageRequest(page));
  }

  @FieldResolver(() => [HistoryEntry], { description: "Every change to the component, newest first." })
  history(@Root() component: Component, @Ctx() { loaders }: CatalogContext): Promise<HistoryEntry[]> {
    return loaders.componentHistory.load(component.id);
  }

  @Authorized(WRITERS)
  @Mutation(() => Component, { description: "Adds a component that services can be made of." })
  createComponent(@Arg("input") input: CreateComponentInput, @Ctx() ctx: CatalogContext): Promise<Component> {
    return ctx.componentCommands.create(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Component, { description: "Changes a component's name, kind or description." })
  updateComponent(@Arg("input") input: UpdateComponentInput, @Ctx() ctx: CatalogContext): Promise<Component> {
    return ctx.componentCommands.update(input, ctx.identity);
  }

  @FieldResolver(() => [Service], { description: "The services this component is directly part of, by code." })
  async services(@Root() component: Component, @Ctx() { loaders }: CatalogContext): Promise<SelectedService[]> {
    const { direct } = await loaders.serviceIdsByComponent.load(component.id);
    return servicesByCode(loaders.selectedServiceById, direct);
  }

  @FieldResolver(() => [Service], {
    description:
      "Impact analysis: every service that would be affected if this component failed — the services it is part of and, transitively, every service depending on them. By code.",
  })
  async impactedServices(@Root() component: Component, @Ctx() { loaders }: CatalogContext): Promise<SelectedService[]> {
    const { impacted } = await loaders.serviceIdsByComponent.load(component.id);
    return servicesByCode(loaders.selectedServiceById, impacted);
  }
}

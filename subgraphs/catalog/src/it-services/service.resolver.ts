import {
  connectionType,
  HistoryEntry,
  loadExisting,
  loadRequired,
  PageArgs,
  sortByText,
  STAFF,
  toPageRequest,
  WRITERS,
} from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CatalogContext } from "../catalog.context";
import { Component } from "../components/component.entity";
import { Service } from "./service.entity";
import {
  CreateServiceInput,
  ServiceFilter,
  ServiceComponentInput,
  ServiceDependencyInput,
  SetServiceLifecycleInput,
  UpdateServiceInput,
} from "./service.inputs";
import { catalogueScope } from "./service.scope";
import type { SelectedService } from "./service.service";
import { servicesByCode } from "./service.service";

const ServiceConnection = connectionType(Service, "Service", "services");

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => Service, { nullable: true, description: "The service with this id; NOT_FOUND if there is none." })
  service(@Arg("id", () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<SelectedService> {
    return loadRequired(ctx.loaders.selectedServiceById, "Service", id);
  }

  @Query(() => Service, {
    nullable: true,
    description: 'The service with this code, e.g. "EMAIL"; NOT_FOUND if there is none.',
  })
  serviceByCode(@Arg("code") code: string, @Ctx() ctx: CatalogContext): Promise<Service> {
    return loadRequired(ctx.loaders.serviceByCode, "Service", code);
  }

  @Query(() => ServiceConnection, {
    nullable: true,
    description: "The service catalogue, ordered by code, one page at a time. Null only when an error says why.",
  })
  services(
    @Args() page: PageArgs,
    @Arg("filter", () => ServiceFilter, { nullable: true, description: "Criteria the services must meet." })
    filter: ServiceFilter | null,
    @Ctx() ctx: CatalogContext,
  ) {
    return ctx.services.list(filter, toPageRequest(page), catalogueScope(ctx.identity));
  }

  @Authorized(STAFF)
  @FieldResolver(() => [HistoryEntry], { description: "Every change to the service, newest first: who, when, what." })
  history(@Root() service: Service, @Ctx() { loaders }: CatalogContext): Promise<HistoryEntry[]> {
    return loaders.serviceHistory.load(service.id);
  }

  @Authorized(WRITERS)
  @Mutation(() => Service, { description: "Adds a service to the catalogue (PIPELINE unless LIVE is given)." })
  createService(@Arg("input") input: CreateServiceInput, @Ctx() ctx: CatalogContext): Promise<Service> {
    return ctx.serviceCommands.create(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Service, { description: "Changes a service's descriptive fields; its code never changes." })
  updateService(@Arg("input") input: UpdateServiceInput, @Ctx() ctx: CatalogContext): Promise<Service> {
    return ctx.serviceCommands.update(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Service, {
    description:
      "Moves a service PIPELINE → LIVE → RETIRED (never back). A service covered by an ACTIVE agreement cannot be retired.",
  })
  setServiceLifecycle(@Arg("input") input: SetServiceLifecycleInput, @Ctx() ctx: CatalogContext): Promise<Service> {
    return ctx.serviceCommands.setLifecycle(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Service, { description: "Makes a component part of a service." })
  attachComponent(@Arg("input") input: ServiceComponentInput, @Ctx() ctx: CatalogContext): Promise<Service> {
    return ctx.serviceComponentCommands.attach(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Service, { description: "Removes a component from a service." })
  detachComponent(@Arg("input") input: ServiceComponentInput, @Ctx() ctx: CatalogContext): Promise<Service> {
    return ctx.serviceComponentCommands.detach(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Service, {
    description: "Records that a service depends on another (`dependsOnId`); refused if it would create a cycle.",
  })
  addServiceDependency(@Arg("input") input: ServiceDependencyInput, @Ctx() ctx: CatalogContext): Promise<Service> {
    return ctx.dependencyCommands.add(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Service, { description: "Removes a dependency of a service on another (`dependsOnId`)." })
  removeServiceDependency(@Arg("input") input: ServiceDependencyInput, @Ctx() ctx: CatalogContext): Promise<Service> {
    return ctx.dependencyCommands.remove(input, ctx.identity);
  }

  @Authorized(STAFF)
  @FieldResolver(() => [Component], { description: "The components the service is made of, by name." })
  async components(@Root() service: Service, @Ctx() { loaders }: CatalogContext): Promise<Component[]> {
    const ids = await loaders.componentIdsByService.load(service.id);
    return sortByText(await loadExisting(loaders.componentById, ids), (c) => c.name);
  }

  @FieldResolver(() => [Service], {
    description: "The services this service needs in order to work (direct dependencies), by code.",
  })
  async dependsOn(@Root() service: Service, @Ctx() { loaders }: CatalogContext): Promise<SelectedService[]> {
    const ids = await loaders.dependencyIdsByService.load(service.id);
    return servicesByCode(loaders.selectedServiceById, ids);
  }

  @FieldResolver(() => [Service], {
    description:
      "Every service this service needs in order to work, directly or through other services (its dependency closure, without itself), by code.",
  })
  async dependencyClosure(@Root() service: Service, @Ctx() { loaders }: CatalogContext): Promise<SelectedService[]> {
    const ids = await loaders.dependencyClosureIdsByService.load(service.id);
    return servicesByCode(loaders.selectedServiceById, ids);
  }

  @FieldResolver(() => [Service], { description: "The services that directly depend on this service, by code." })
  async usedBy(@Root() service: Service, @Ctx() { loaders }: CatalogContext): Promise<SelectedService[]> {
    const ids = await loaders.dependentIdsByService.load(service.id);
    return servicesByCode(loaders.selectedServiceById, ids);
  }
}

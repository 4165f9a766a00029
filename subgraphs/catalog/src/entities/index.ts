import { writePathEntities } from "@itsm/kit";
import { Component } from "./component.entity";
import { ServiceComponent } from "./service-component.entity";
import { ServiceDependency } from "./service-dependency.entity";
import { Service } from "./service.entity";

export { Component, Service, ServiceComponent, ServiceDependency };
export * from "./catalog.enums";

/** Every table of the catalog database. */
export const catalogEntities = [Service, Component, ServiceComponent, ServiceDependency, ...writePathEntities];

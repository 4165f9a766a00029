import { sampleId } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Component } from "../components/component.entity";
import { ServiceComponent } from "../components/service-component.entity";
import { ServiceDependency } from "../dependencies/service-dependency.entity";
import { Service } from "../it-services/service.entity";
import { sampleComponents, sampleServices } from "./catalog.sample";

/** Writes the sample catalogue through the given transaction's manager. */
export async function seedCatalog(manager: EntityManager): Promise<void> {
  await manager.insert(
    Component,
    sampleComponents.map((c) => ({
      id: sampleId.component(c.key),
      name: c.name,
      kind: c.kind,
      description: c.description,
    })),
  );
  await manager.insert(
    Service,
    sampleServices.map((s) => ({
      id: sampleId.service(s.code),
      code: s.code,
      name: s.name,
      description: s.description,
      category: s.category,
      type: s.type,
      lifecycle: s.lifecycle,
      criticality: s.criticality,
      owner: s.owner,
      monthlyCostAmount: s.monthlyCost.amount,
      monthlyCostCurrency: s.monthlyCost.currency,
      version: 1,
    })),
  );
  await manager.insert(
    ServiceComponent,
    sampleServices.flatMap((s) =>
      s.components.map((key) => ({ serviceId: sampleId.service(s.code), componentId: sampleId.component(key) })),
    ),
  );
  await manager.insert(
    ServiceDependency,
    sampleServices.flatMap((s) =>
      s.dependsOn.map((code) => ({ serviceId: sampleId.service(s.code), dependsOnId: sampleId.service(code) })),
    ),
  );
}

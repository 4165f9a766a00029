import { insertGenerated, sampleId, syntheticCounts, syntheticKey } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Component } from "../components/component.entity";
import { ComponentKind } from "../components/component.enums";
import { ServiceComponent } from "../components/service-component.entity";
import { ServiceDependency } from "../dependencies/service-dependency.entity";
import { Service } from "../it-services/service.entity";
import { Criticality, ServiceLifecycle, ServiceType } from "../it-services/service.enums";

const KINDS = Object.values(ComponentKind);
const CRITICALITIES = Object.values(Criticality);
const CATEGORIES = [
  "Business Applications",
  "Hosting & Infrastructure",
  "Network",
  "End-User Services",
  "Data & Analytics",
];

/** A synthetic catalogue of `scale` services for benchmarks: deterministic, acyclic dependencies. */
export async function seedSyntheticCatalog(
  manager: EntityManager,
  scale: number,
  progress: (message: string) => void,
): Promise<void> {
  const counts = syntheticCounts(scale);
  const componentId = (i: number) => sampleId.component(syntheticKey.component(i));
  const serviceId = (i: number) => sampleId.service(syntheticKey.service(i));
  await insertGenerated(
    manager,
    Component,
    counts.components,
    (i) => ({
      id: componentId(i),
      name: `Synthetic ${KINDS[i % KINDS.length].toLowerCase()} component ${i}`,
      kind: KINDS[i % KINDS.length],
      description: `Generated component ${i} for load tests.`,
    }),
    "catalog components",
    progress,
  );
  await insertGenerated(
    manager,
    Service,
    counts.services,
    (i) => ({
      id: serviceId(i),
      code: syntheticKey.service(i),
      name: `Synthetic service ${i}`,
      description: `Generated service ${i} for load tests.`,
      category: CATEGORIES[i % CATEGORIES.length],
      type: i % 4 === 0 ? ServiceType.SUPPORTING : ServiceType.CUSTOMER_FACING,
      lifecycle:
        i % 10 === 8 ? ServiceLifecycle.PIPELINE : i % 10 === 9 ? ServiceLifecycle.RETIRED : ServiceLifecycle.LIVE,
      criticality: CRITICALITIES[i % CRITICALITIES.length],
      owner: `Service team ${i % 50}`,
      monthlyCostAmount: ((i * 37) % 50_000).toFixed(2),
      monthlyCostCurrency: "EUR",
    }),
    "catalog services",
    progress,
  );
  await insertGenerated(
    manager,
    ServiceComponent,
    counts.services,
    (i) => {
      const first = (i * 7) % counts.components;
      const second = (first + 1 + (i % (counts.components - 1))) % counts.components;
      return [first, second].map((c) => ({ serviceId: serviceId(i), componentId: componentId(c) }));
    },
    "catalog service components",
    progress,
  );
  // Each service depends on up to two services with a smaller index: the graph stays acyclic.
  await insertGenerated(
    manager,
    ServiceDependency,
    counts.services,
    (i) =>
      [...new Set([Math.floor(i / 2), Math.floor(i / 3)])]
        .filter((j) => j < i)
        .map((j) => ({ serviceId: serviceId(i), dependsOnId: serviceId(j) })),
    "catalog dependencies",
    progress,
  );
}

import type { Identity, SubgraphClient } from "@itsm/kit";
import { InvalidReferenceError } from "@itsm/kit";

/** A reference a record may not make, and why. */
export interface BadReference {
  typeName: "Service" | "Component" | "Customer";
  id: string;
  reason: string;
}

export interface References {
  serviceIds?: readonly string[];
  componentIds?: readonly string[];
  customerIds?: readonly string[];
}

/** What the owners said about the references: for each component, the services its failure reaches. */
export interface CheckedReferences {
  impactedServiceIds: Map<string, string[]>;
}

interface ComponentImpact {
  id: string;
  impactedServices: { id: string }[];
}

/**
 * Checks every referenced id with the subgraph that owns it, one batched `_entities` call per
 * type: services and components with the catalog (which also answers each component's impact
 * analysis), customers with the customers subgraph. Operations record what happened, so a service
 * retired since, or a customer now inactive, is still a valid reference: only existence is checked.
 */
export class ReferenceChecker {
  constructor(
    private readonly catalog: SubgraphClient,
    private readonly customers: SubgraphClient,
  ) {}

  /** Asked as `caller` (a writer, who sees every record of the owners); INVALID_REFERENCE names every unknown id. */
  async check({ serviceIds = [], componentIds = [], customerIds = [] }: References, caller: Identity) {
    const services = [...new Set(serviceIds)];
    const components = [...new Set(componentIds)];
    const customers = [...new Set(customerIds)];
    const [foundServices, foundComponents, foundCustomers] = await Promise.all([
      this.catalog.entities<{ id: string }>("Service", services, "id", caller),
      this.catalog.entities<ComponentImpact>("Component", components, "id impactedServices { id }", caller),
      this.customers.entities<{ id: string }>("Customer", customers, "id", caller),
    ]);
    const problems: BadReference[] = [
      ...missing("Service", services, foundServices),
      ...missing("Component", components, foundComponents),
      ...missing("Customer", customers, foundCustomers),
    ];
    if (problems.length > 0) {
      throw new InvalidReferenceError(
        `Invalid references: ${problems.map((p) => `${p.typeName} "${p.id}" ${p.reason}`).join("; ")}`,
        { invalid: problems },
      );
    }
    const impactedServiceIds = new Map<string, string[]>();
    components.forEach((id, i) =>
      impactedServiceIds.set(
        id,
        (foundComponents[i] as ComponentImpact).impactedServices.map((s) => s.id),
      ),
    );
    return { impactedServiceIds } satisfies CheckedReferences;
  }
}

function missing(typeName: BadReference["typeName"], ids: string[], found: readonly unknown[]): BadReference[] {
  return ids.flatMap((id, i) => (found[i] ? [] : [{ typeName, id, reason: "does not exist" }]));
}

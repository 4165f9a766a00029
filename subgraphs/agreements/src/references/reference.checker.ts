import type { Identity, SubgraphClient } from "@itsm/kit";
import { InvalidReferenceError } from "@itsm/kit";

/** One reference an agreement may not make, and why. */
export interface BadReference {
  typeName: "Service" | "Customer" | "Provider" | "ServiceCalendar";
  id: string;
  reason: string;
}

export interface References {
  serviceIds?: readonly string[];
  customerIds?: readonly string[];
  providerId?: string | null;
}

/**
 * Checks references with the subgraphs that own them: services must exist and not be RETIRED,
 * customers must exist and be ACTIVE, providers must exist.
 */
export class ReferenceChecker {
  constructor(
    private readonly catalog: SubgraphClient,
    private readonly customers: SubgraphClient,
  ) {}

  /** Asked as `caller` (a writer): the owners see everything, so a missing entity really is missing. */
  async problems(
    { serviceIds = [], customerIds = [], providerId }: References,
    caller: Identity,
  ): Promise<BadReference[]> {
    const uniqueServices = [...new Set(serviceIds)];
    const uniqueCustomers = [...new Set(customerIds)];
    const [services, customers, providers] = await Promise.all([
      this.catalog.entities<{ lifecycle: string; code: string }>("Service", uniqueServices, "code lifecycle", caller),
      this.customers.entities<{ status: string; code: string }>("Customer", uniqueCustomers, "code status", caller),
      this.customers.entities<{ code: string }>("Provider", providerId ? [providerId] : [], "code", caller),
    ]);
    const problems: BadReference[] = [];
    uniqueServices.forEach((id, i) => {
      const service = services[i];
      if (!service) problems.push({ typeName: "Service", id, reason: "does not exist" });
      else if (service.lifecycle === "RETIRED")
        problems.push({ typeName: "Service", id, reason: `${service.code} is RETIRED` });
    });
    uniqueCustomers.forEach((id, i) => {
      const customer = customers[i];
      if (!customer) problems.push({ typeName: "Customer", id, reason: "does not exist" });
      else if (customer.status !== "ACTIVE")
        problems.push({ typeName: "Customer", id, reason: `${customer.code} is ${customer.status}` });
    });
    if (providerId && !providers[0]) problems.push({ typeName: "Provider", id: providerId, reason: "does not exist" });
    return problems;
  }

  /** Throws INVALID_REFERENCE naming every bad reference, if there is any. */
  async assertValid(references: References, caller: Identity): Promise<void> {
    const problems = await this.problems(references, caller);
    if (problems.length > 0) throw invalidReferences(problems);
  }
}

export function describeReference(problem: BadReference): string {
  return `${problem.typeName} "${problem.id}" ${problem.reason}`;
}

export function invalidReferences(problems: BadReference[]): InvalidReferenceError {
  return new InvalidReferenceError(`Invalid references: ${problems.map(describeReference).join("; ")}`, {
    invalid: problems,
  });
}

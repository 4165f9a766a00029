// What the suites that write through the gateway share (the write path on one node and on the
// Galera cluster): calls that must succeed, names no earlier run used, and a LIVE service to work on.
import type { GatewayCaller } from "./graph";

export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers of many shapes

/** An operation through `graph`'s gateway as the caller `headers` name that must succeed: its data. */
export type Ok = (query: string, variables?: Record<string, unknown>) => Promise<Data>;

/** `Ok` for this graph and caller: any error in the answer fails the test with the errors. */
export function succeedingCalls(graph: GatewayCaller, headers: Record<string, string>): Ok {
  return async (query, variables) => {
    const response = await graph.query<Data>(query, variables, headers);
    if (response.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
    return response.data!;
  };
}

let counter = 0;
/** `prefix` and a suffix unique in this process (and unlikely to repeat an earlier run's). */
export const unique = (prefix: string) => `${prefix}${Date.now() % 100000}${++counter}`;

/** Creates a LIVE, customer-facing service with a unique code starting with `codePrefix`. */
export async function newLiveService(
  ok: Ok,
  codePrefix: string,
  createdBy: { description: string; owner: string },
): Promise<{ id: string; code: string; version: number }> {
  const code = unique(codePrefix);
  const created = await ok(
    `mutation ($input: CreateServiceInput!) { createService(input: $input) { id code version lifecycle } }`,
    {
      input: {
        code,
        name: `Service ${code}`,
        description: createdBy.description,
        category: "Business Applications",
        type: "CUSTOMER_FACING",
        lifecycle: "LIVE",
        criticality: "HIGH",
        owner: createdBy.owner,
        monthlyCost: { amount: "100", currency: "EUR" },
      },
    },
  );
  return created.createService;
}

/**
 * After concurrent `updateService` calls that each set another owner at the same expected
 * version: exactly one went through, and the service shows it — one version more, the winner's
 * owner, one "updated" entry in its history (no lost update).
 */
export async function expectOneOwnerUpdateWon(
  ok: Ok,
  service: { id: string; version: number },
  responses: { data?: Data | null; errors?: unknown[] }[],
): Promise<void> {
  const winners = responses.filter((r) => !r.errors);
  expect(winners).toHaveLength(1);
  const after = await ok(`{ service(id: "${service.id}") { version owner history { action version } } }`);
  expect(after.service.version).toBe(service.version + 1);
  expect(after.service.owner).toBe(winners[0].data!.updateService.owner);
  expect(after.service.history.filter((h: { action: string }) => h.action === "updated")).toHaveLength(1);
}

/**
 * Gives a DRAFT agreement covering `serviceId` what activation asks for beyond its parties and
 * services: a target (monthly availability) and a responsibility of the provider and of the customer.
 */
export async function makeActivatable(ok: Ok, agreementId: string, serviceId: string): Promise<void> {
  await ok(`mutation ($input: SetTargetInput!) { setTarget(input: $input) { id } }`, {
    input: {
      agreementId,
      serviceId,
      metric: "AVAILABILITY",
      comparator: "AT_LEAST",
      value: 99.5,
      unit: "PERCENT",
      description: "Monthly availability.",
    },
  });
  for (const party of ["PROVIDER", "CUSTOMER"]) {
    await ok(`mutation ($input: AddResponsibilityInput!) { addResponsibility(input: $input) { id } }`, {
      input: { agreementId, party, category: "SUPPORT", description: `The ${party.toLowerCase()} does its part.` },
    });
  }
}

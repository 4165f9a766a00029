import { insertGenerated, sampleId, syntheticCounts, syntheticKey } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Contact } from "../contacts/contact.entity";
import { ContactRole } from "../contacts/contact.enums";
import { Customer } from "../customers/customer.entity";
import { CustomerKind, CustomerStatus } from "../customers/customer.enums";
import { Provider } from "../providers/provider.entity";
import { ProviderKind } from "../providers/provider.enums";

const ROLES = Object.values(ContactRole);
const PROVIDER_KINDS = Object.values(ProviderKind);

/** Synthetic customers (two contacts each) and providers for a dataset of `scale` services. */
export async function seedSyntheticCustomers(
  manager: EntityManager,
  scale: number,
  progress: (message: string) => void,
): Promise<void> {
  const counts = syntheticCounts(scale);
  await insertGenerated(
    manager,
    Customer,
    counts.customers,
    (i) => ({
      id: sampleId.customer(syntheticKey.customer(i)),
      code: syntheticKey.customer(i),
      name: `Synthetic customer ${i}`,
      description: `Generated customer ${i} for load tests.`,
      kind: i % 3 === 0 ? CustomerKind.EXTERNAL : CustomerKind.INTERNAL,
      status: i % 20 === 19 ? CustomerStatus.INACTIVE : CustomerStatus.ACTIVE,
    }),
    "customers",
    progress,
  );
  await insertGenerated(
    manager,
    Contact,
    counts.customers,
    (i) =>
      [0, 1].map((n) => {
        const email = `contact${n}.customer${i}@synthetic.example`;
        return {
          id: sampleId.contact(syntheticKey.customer(i), email),
          customerId: sampleId.customer(syntheticKey.customer(i)),
          name: `Contact ${n} of customer ${i}`,
          email,
          role: ROLES[(i + n) % ROLES.length],
          phone: null,
        };
      }),
    "customer contacts",
    progress,
  );
  await insertGenerated(
    manager,
    Provider,
    counts.providers,
    (i) => ({
      id: sampleId.provider(syntheticKey.provider(i)),
      code: syntheticKey.provider(i),
      name: `Synthetic provider ${i}`,
      description: `Generated provider ${i} for load tests.`,
      kind: PROVIDER_KINDS[i % PROVIDER_KINDS.length],
    }),
    "providers",
    progress,
  );
}

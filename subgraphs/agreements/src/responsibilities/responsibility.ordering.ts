import type { Responsibility } from "./responsibility.entity";
import { Party } from "./responsibility.enums";

const PARTY_ORDER: string[] = [Party.PROVIDER, Party.CUSTOMER];

/** Orders responsibilities as an agreement reads: the provider's first, then the customer's, by category. */
export function sortResponsibilities(responsibilities: Responsibility[]): Responsibility[] {
  return [...responsibilities].sort(
    (a, b) =>
      PARTY_ORDER.indexOf(a.party) - PARTY_ORDER.indexOf(b.party) ||
      a.category.localeCompare(b.category) ||
      a.id.localeCompare(b.id),
  );
}

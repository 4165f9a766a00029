import type { Identity, SubgraphClient } from "@itsm/kit";
import { isStaff, PartnerCustomers } from "@itsm/kit";
import type { AgreementScope } from "./agreement.scope";
import { ALL_AGREEMENTS, NO_AGREEMENTS } from "./agreement.scope";

/**
 * Derives a caller's agreement scope: staff see every agreement, a partner the SLAs of its own
 * customers (codes become ids through the kit's `PartnerCustomers`), anybody else none.
 */
export class PartnerScopeService {
  private readonly partnerCustomers: PartnerCustomers;

  constructor(customers: SubgraphClient) {
    this.partnerCustomers = new PartnerCustomers(customers);
  }

  async scopeOf(identity: Identity): Promise<AgreementScope> {
    if (isStaff(identity)) return ALL_AGREEMENTS;
    if (identity.role !== "partner") return NO_AGREEMENTS;
    return { kind: "partner", customerIds: await this.partnerCustomers.idsOf(identity) };
  }
}

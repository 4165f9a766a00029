import type { Identity } from "@itsm/kit";
import { WRITERS } from "@itsm/kit";
import { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import { Party } from "../responsibilities/responsibility.enums";

/**
 * Statuses in which a version's terms may be signed: a DRAFT before activation, and a SCHEDULED or
 * ACTIVE one (a countersignature often comes after the service has started). Ended agreements are
 * not signed any more.
 */
export const SIGNABLE: AgreementStatus[] = [AgreementStatus.DRAFT, AgreementStatus.SCHEDULED, AgreementStatus.ACTIVE];

/** A signature as the rules see it. */
export interface SignatureFact {
  party: Party;
  partyId: string;
  documentSha256: string;
}

/**
 * Who may sign: the provider's signature is given by the provider's own staff, so only writers
 * (editors, admins) record it; a customer's signature is given by the customer itself — its
 * partner user, for the customers that partner acts for — or recorded by a writer (a signature
 * on paper or by mail, entered by the provider's staff). Analysts read and sign nothing.
 * Returns why the caller may not (a FORBIDDEN message), or null. `customerId`: the customer
 * signed for, undefined while it is not known yet (the role alone is checked then);
 * `partnerCustomerIds`: the customer ids a partner acts for.
 */
export function signingRefusal(
  identity: Identity,
  party: Party,
  customerId: string | undefined,
  partnerCustomerIds: readonly string[],
): string | null {
  if (WRITERS.includes(identity.role)) return null;
  if (identity.role !== "partner") return `A caller with the role ${identity.role} may not sign agreements`;
  if (party === Party.PROVIDER) return "A partner signs for its own customers only, never for the provider";
  if (customerId !== undefined && !partnerCustomerIds.includes(customerId)) {
    return `A partner signs for its own customers only, not for customer "${customerId}"`;
  }
  return null;
}

/** The party signatures an agreement needs: its provider and each of its customers. */
export function requiredSignatures(
  providerId: string,
  customerIds: readonly string[],
): Omit<SignatureFact, "documentSha256">[] {
  return [
    { party: Party.PROVIDER, partyId: providerId },
    ...[...new Set(customerIds)].sort().map((partyId) => ({ party: Party.CUSTOMER, partyId })),
  ];
}

/** What activation is decided on when signatures are required (REQUIRE_SIGNATURES). */
export interface SignatureFacts {
  type: AgreementType;
  providerId: string;
  customerIds: readonly string[];
  /** The SHA-256 of the terms being activated. */
  documentSha256: string;
  signatures: readonly SignatureFact[];
}

/**
 * The signatures an SLA still lacks before it may be activated, as sentences: one of the provider
 * and one of every customer, each of the current terms (a signature of earlier terms of the same
 * draft does not count). OLAs and underpinning contracts are internal or bought: not signed here.
 */
export function missingSignatures(facts: SignatureFacts): string[] {
  if (facts.type !== AgreementType.SLA) return [];
  return requiredSignatures(facts.providerId, facts.customerIds)
    .filter(
      (needed) =>
        !facts.signatures.some(
          (s) => s.party === needed.party && s.partyId === needed.partyId && s.documentSha256 === facts.documentSha256,
        ),
    )
    .map((needed) =>
      needed.party === Party.PROVIDER
        ? `no signature of the provider "${needed.partyId}" on the current terms (${facts.documentSha256})`
        : `no signature of customer "${needed.partyId}" on the current terms (${facts.documentSha256})`,
    );
}

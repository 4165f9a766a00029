import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, BadUserInputError, ConflictError, ForbiddenError, newId } from "@itsm/kit";
import { loadForUpdate, touch } from "../agreements/agreement.changes";
import type { Agreement } from "../agreements/agreement.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import { Party } from "../responsibilities/responsibility.enums";
import { documentSha256Of } from "./document-terms.service";
import { AgreementSignature } from "./signature.entity";
import { SIGNABLE, signingRefusal } from "./signature.rules";

/** A party's signature of an agreement version's terms, named by their SHA-256. */
export interface Signing {
  agreementId: string;
  party: Party;
  /** The customer signed for; may be left out when the agreement (or the partner's part in it) has one. */
  customerId?: string | null;
  signedBy: string;
  documentSha256: string;
}

/** Records signatures: one transaction each, checked against the terms as they are in it. */
export class SignatureCommands {
  constructor(private readonly transactor: Transactor) {}

  /**
   * `partnerCustomerIds`: the customers a partner acts for (the caller has already been shown
   * the agreement: one out of its scope is NOT_FOUND before this is called).
   */
  sign(input: Signing, actor: Identity, partnerCustomerIds: readonly string[]): Promise<Agreement> {
    const documentSha256 = input.documentSha256.toLowerCase();
    return this.transactor.run(async (manager) => {
      // Locked: no edit of the draft's terms can slip between the hash check and the signature.
      const early = signingRefusal(actor, input.party, undefined, partnerCustomerIds);
      if (early) throw new ForbiddenError(early);
      const agreement = await loadForUpdate(manager, input.agreementId, null);
      const customerIds = (await manager.findBy(AgreementCustomer, { agreementId: agreement.id })).map(
        (c) => c.customerId,
      );
      const partyId = this.partyIdOf(input, agreement, customerIds, actor, partnerCustomerIds);
      const refusal = signingRefusal(actor, input.party, partyId, partnerCustomerIds);
      if (refusal) throw new ForbiddenError(refusal);
      if (!SIGNABLE.includes(agreement.status)) {
        throw new ConflictError(
          `Agreement ${agreement.number} version ${agreement.version} is ${agreement.status}: only ${SIGNABLE.join(", ")} agreements are signed`,
          { reason: "NOT_SIGNABLE", status: agreement.status },
        );
      }
      const [current] = await documentSha256Of(manager, [agreement.id]);
      if (documentSha256 !== current) {
        throw new ConflictError(
          `The SHA-256 ${documentSha256} is not that of the current terms of ${agreement.number} version ${agreement.version}: read the document again and sign what it shows`,
          { reason: "DOCUMENT_CHANGED", documentSha256: current },
        );
      }
      const existing = await manager.findOneBy(AgreementSignature, {
        agreementId: agreement.id,
        party: input.party,
        partyId,
        documentSha256,
      });
      if (existing) {
        throw new ConflictError(
          `${partyLabel(input.party, partyId)} already signed these terms of ${agreement.number} version ${agreement.version} (${existing.signedBy})`,
          { reason: "ALREADY_SIGNED" },
        );
      }
      const signedBy = input.signedBy.trim();
      await manager.insert(AgreementSignature, {
        id: newId(),
        agreementId: agreement.id,
        party: input.party,
        partyId,
        signedBy,
        signedAt: new Date(),
        documentSha256,
        actor: actor.subject.slice(0, 200),
      });
      return touch(manager, agreement, `signed for the ${input.party.toLowerCase()}`, actor, [
        addedTo("signature", { party: input.party, partyId, signedBy, documentSha256 }),
      ]);
    });
  }

  /** The provider's id, or the customer signed for: named, or the only one there is to sign for. */
  private partyIdOf(
    input: Signing,
    agreement: Agreement,
    customerIds: readonly string[],
    actor: Identity,
    partnerCustomerIds: readonly string[],
  ): string {
    if (input.party === Party.PROVIDER) {
      if (input.customerId) {
        throw new BadUserInputError("customerId is for CUSTOMER signatures only", {
          fields: [{ path: "input.customerId", messages: ["must be empty for the provider"] }],
        });
      }
      return agreement.providerId;
    }
    if (input.customerId) {
      if (!customerIds.includes(input.customerId)) {
        throw new BadUserInputError(`Customer "${input.customerId}" is not a party to ${agreement.number}`, {
          fields: [{ path: "input.customerId", messages: ["is not a customer of the agreement"] }],
        });
      }
      return input.customerId;
    }
    const candidates =
      actor.role === "partner" ? customerIds.filter((id) => partnerCustomerIds.includes(id)) : customerIds;
    if (candidates.length === 1) return candidates[0];
    throw new BadUserInputError(
      candidates.length === 0
        ? `Agreement ${agreement.number} has no customer to sign for`
        : `Agreement ${agreement.number} has ${candidates.length} customers: name the one signing as customerId`,
      { fields: [{ path: "input.customerId", messages: ["is needed to say which customer signs"] }] },
    );
  }
}

function partyLabel(party: Party, partyId: string): string {
  return party === Party.PROVIDER ? `The provider "${partyId}"` : `Customer "${partyId}"`;
}

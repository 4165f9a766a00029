import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus } from "../agreements/agreement.enums";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import { Responsibility } from "../responsibilities/responsibility.entity";
import { ServiceLevelTarget } from "../targets/target.entity";
import { AgreementUnderpinning } from "../underpinning/underpinning.entity";
import { documentSha256Of } from "../signatures/document-terms.service";
import { AgreementSignature } from "../signatures/signature.entity";
import type { SignatureFacts } from "../signatures/signature.rules";
import type { ActivationFacts, Counterpart } from "./activation.rules";

/**
 * Reads what the activation rules decide on, in the activating transaction; the terms' hash and
 * signatures only when `requireSignatures`.
 */
export async function activationFacts(
  manager: EntityManager,
  agreement: Agreement,
  requireSignatures = false,
): Promise<ActivationFacts> {
  const [coverage, customers, targets, responsibilities] = await Promise.all([
    manager.findBy(ServiceCoverage, { agreementId: agreement.id }),
    manager.findBy(AgreementCustomer, { agreementId: agreement.id }),
    manager.findBy(ServiceLevelTarget, { agreementId: agreement.id }),
    manager.findBy(Responsibility, { agreementId: agreement.id }),
  ]);
  return {
    agreement,
    coverage,
    customerIds: customers.map((c) => c.customerId),
    targets,
    responsibilities,
    counterparts: await counterparts(manager, agreement),
    signatures: requireSignatures
      ? await signatureFacts(
          manager,
          agreement,
          customers.map((c) => c.customerId),
        )
      : undefined,
  };
}

/** The hash of the terms as they are in this transaction, and the signatures recorded so far. */
async function signatureFacts(
  manager: EntityManager,
  agreement: Agreement,
  customerIds: string[],
): Promise<SignatureFacts> {
  const [[documentSha256], signatures] = await Promise.all([
    documentSha256Of(manager, [agreement.id]),
    manager.findBy(AgreementSignature, { agreementId: agreement.id }),
  ]);
  return {
    type: agreement.type,
    providerId: agreement.providerId,
    customerIds,
    documentSha256: documentSha256 as string,
    signatures,
  };
}

/** The ACTIVE agreements on either side of an agreement's underpinning links, with their targets. */
async function counterparts(manager: EntityManager, agreement: Agreement): Promise<Counterpart[]> {
  const [behindLinks, aboveLinks] = await Promise.all([
    manager.findBy(AgreementUnderpinning, { agreementId: agreement.id }),
    manager.findBy(AgreementUnderpinning, { underpinningId: agreement.id }),
  ]);
  const behindIds = new Set(behindLinks.map((l) => l.underpinningId));
  const otherIds = [...behindIds, ...aboveLinks.map((l) => l.agreementId)];
  if (otherIds.length === 0) return [];
  const others = await manager.findBy(Agreement, { id: In(otherIds), status: AgreementStatus.ACTIVE });
  const otherTargets = others.length
    ? await manager.findBy(ServiceLevelTarget, { agreementId: In(others.map((o) => o.id)) })
    : [];
  return others.map((other) => ({
    number: other.number,
    targets: otherTargets.filter((t) => t.agreementId === other.id),
    behind: behindIds.has(other.id),
  }));
}

import type { Agreement } from "../agreements/agreement.entity";
import { AgreementType } from "../agreements/agreement.enums";
import { Party } from "../responsibilities/responsibility.enums";
import type { ComparedTarget, TargetSet } from "../targets/target.rules";
import { strictnessProblems } from "../targets/target.rules";
import { renewalProblems } from "../renewal/renewal.rules";
import type { SignatureFacts } from "../signatures/signature.rules";
import { missingSignatures } from "../signatures/signature.rules";

/** Everything the activation of a DRAFT is decided on, read beforehand (see activation.facts.ts). */
export interface ActivationFacts {
  agreement: Pick<Agreement, "number" | "type" | "effectiveTo"> &
    /** Its renewal terms, checked against its dates when given. */
    Partial<Pick<Agreement, "effectiveFrom" | "renewal" | "renewalTermMonths" | "noticePeriodDays">>;
  coverage: readonly { serviceId: string }[];
  customerIds: readonly string[];
  targets: readonly ComparedTarget[];
  responsibilities: readonly { party: Party }[];
  /**
   * The ACTIVE agreements on the other side of its underpinning links, with their targets: the
   * OLAs and contracts underpinning an SLA, the agreements an OLA or contract underpins, and the
   * contracts behind an OLA (underpinnings chain: a contract behind an OLA behind an SLA).
   */
  counterparts: readonly Counterpart[];
  /** The terms' hash and signatures, when signatures are required (REQUIRE_SIGNATURES); else absent. */
  signatures?: SignatureFacts;
}

/**
 * An agreement on the other side of an underpinning link. `behind` says which side: true when it
 * underpins the one activated (an SLA's OLAs, an OLA's contracts); when absent, as the type implies
 * (an SLA's counterparts are behind it, an OLA's or a contract's are the agreements it underpins).
 */
export type Counterpart = TargetSet & { behind?: boolean };

/**
 * Everything in its own content that keeps a DRAFT agreement from becoming ACTIVE on `today`
 * (YYYY-MM-DD), as sentences (empty when none). References and claims are checked elsewhere:
 * they need the owning subgraphs and locks.
 */
export function activationProblems(facts: ActivationFacts, today: string): string[] {
  const { agreement, coverage, customerIds, targets, responsibilities } = facts;
  const problems: string[] = [];
  if (coverage.length === 0) problems.push("it covers no service");
  if (agreement.type === AgreementType.SLA && customerIds.length === 0)
    problems.push("an SLA needs at least one customer");
  for (const { serviceId } of coverage) {
    if (!targets.some((t) => t.serviceId === serviceId))
      problems.push(`service "${serviceId}" has no service level target`);
  }
  for (const party of [Party.PROVIDER, Party.CUSTOMER]) {
    if (!responsibilities.some((r) => r.party === party))
      problems.push(`no responsibility of the ${party.toLowerCase()}`);
  }
  if (agreement.effectiveTo !== null && agreement.effectiveTo < today) {
    problems.push(`it ended on ${agreement.effectiveTo}`);
  }
  // The dates may have changed since the renewal terms were set.
  const { effectiveFrom, renewal, renewalTermMonths = null, noticePeriodDays = null } = agreement;
  if (effectiveFrom !== undefined && renewal !== undefined) {
    const terms = { effectiveFrom, effectiveTo: agreement.effectiveTo, renewal, renewalTermMonths, noticePeriodDays };
    problems.push(...renewalProblems(terms).map((p) => p.message));
  }
  // OLAs and underpinning contracts must be at least as strict as the SLAs they underpin.
  const own: TargetSet = { number: agreement.number, targets };
  for (const other of facts.counterparts) {
    const behind = other.behind ?? agreement.type === AgreementType.SLA;
    problems.push(...(behind ? strictnessProblems(own, other) : strictnessProblems(other, own)));
  }
  if (facts.signatures) problems.push(...missingSignatures(facts.signatures));
  return problems;
}

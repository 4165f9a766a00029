import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import {
  Agreement,
  AgreementCustomer,
  AgreementStatus,
  AgreementType,
  AgreementUnderpinning,
  Party,
  Responsibility,
  ServiceCoverage,
  ServiceLevelTarget,
} from "../entities";
import { atLeastAsStrict } from "./target.rules";

const today = () => new Date().toISOString().slice(0, 10);

/** Everything that keeps a DRAFT agreement from becoming ACTIVE, as sentences (empty when none). */
export async function activationProblems(manager: EntityManager, agreement: Agreement): Promise<string[]> {
  const [coverage, customers, targets, responsibilities] = await Promise.all([
    manager.findBy(ServiceCoverage, { agreementId: agreement.id }),
    manager.findBy(AgreementCustomer, { agreementId: agreement.id }),
    manager.findBy(ServiceLevelTarget, { agreementId: agreement.id }),
    manager.findBy(Responsibility, { agreementId: agreement.id }),
  ]);
  const problems: string[] = [];
  if (coverage.length === 0) problems.push("it covers no service");
  if (agreement.type === AgreementType.SLA && customers.length === 0)
    problems.push("an SLA needs at least one customer");
  for (const { serviceId } of coverage) {
    if (!targets.some((t) => t.serviceId === serviceId))
      problems.push(`service "${serviceId}" has no service level target`);
  }
  for (const party of [Party.PROVIDER, Party.CUSTOMER]) {
    if (!responsibilities.some((r) => r.party === party))
      problems.push(`no responsibility of the ${party.toLowerCase()}`);
  }
  if (agreement.effectiveTo !== null && agreement.effectiveTo < today()) {
    problems.push(`it ended on ${agreement.effectiveTo}`);
  }
  problems.push(...(await strictnessProblems(manager, agreement, targets)));
  return problems;
}

/**
 * OLAs and underpinning contracts must be at least as strict as the SLAs they underpin, for every
 * service, metric and priority both set. Checked against the ACTIVE agreements on the other side.
 */
async function strictnessProblems(
  manager: EntityManager,
  agreement: Agreement,
  targets: ServiceLevelTarget[],
): Promise<string[]> {
  const isSla = agreement.type === AgreementType.SLA;
  const links = await manager.findBy(
    AgreementUnderpinning,
    isSla ? { agreementId: agreement.id } : { underpinningId: agreement.id },
  );
  const otherIds = links.map((l) => (isSla ? l.underpinningId : l.agreementId));
  if (otherIds.length === 0) return [];
  const others = await manager.findBy(Agreement, { id: In(otherIds), status: AgreementStatus.ACTIVE });
  const otherTargets = others.length
    ? await manager.findBy(ServiceLevelTarget, { agreementId: In(others.map((o) => o.id)) })
    : [];
  const problems: string[] = [];
  for (const other of others) {
    const [slaTargets, underpinningTargets, slaNumber, underpinningNumber] = isSla
      ? [targets, otherTargets.filter((t) => t.agreementId === other.id), agreement.number, other.number]
      : [otherTargets.filter((t) => t.agreementId === other.id), targets, other.number, agreement.number];
    for (const sla of slaTargets) {
      for (const underpinning of underpinningTargets) {
        const same =
          underpinning.serviceId === sla.serviceId &&
          underpinning.metric === sla.metric &&
          (underpinning.priority ?? null) === (sla.priority ?? null);
        if (same && !atLeastAsStrict(underpinning, sla)) {
          problems.push(
            `${underpinningNumber} is less strict than ${slaNumber} for ${sla.metric}${sla.priority ? ` ${sla.priority}` : ""} of service "${sla.serviceId}" (${underpinning.comparator} ${underpinning.value} ${underpinning.unit} against ${sla.comparator} ${sla.value} ${sla.unit})`,
          );
        }
      }
    }
  }
  return problems;
}

import type { Identity, Transactor } from "@itsm/kit";
import { BadUserInputError, latest, lockNamed } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus } from "../agreements/agreement.enums";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import type { ClaimKind } from "./reference-claim.entity";
import { ReferenceClaim } from "./reference-claim.entity";

/** The agreement lock names: checks and claims on one service or customer never interleave. */
export const referenceLock = (kind: ClaimKind, id: string) => `agreements:${kind}:${id}`;

/**
 * Takes the locks of these services and customers (in a fixed order: no deadlocks), so that an
 * activation and a claim on the same reference serialise.
 */
export async function lockReferences(
  manager: EntityManager,
  serviceIds: readonly string[],
  customerIds: readonly string[],
): Promise<void> {
  const locks = [
    ...serviceIds.map((id) => referenceLock("Service", id)),
    ...customerIds.map((id) => referenceLock("Customer", id)),
  ].sort();
  for (const name of locks) await lockNamed(manager, name);
}

/** The claims on these services and customers, as sentences; read past the transaction's snapshot. */
export async function claimProblems(
  manager: EntityManager,
  serviceIds: readonly string[],
  customerIds: readonly string[],
): Promise<string[]> {
  // A claim committed while the caller waited for the locks counts.
  const claims = [
    ...(serviceIds.length
      ? await manager.find(ReferenceClaim, {
          where: { kind: "Service", referenceId: In([...serviceIds]) },
          ...latest(manager),
        })
      : []),
    ...(customerIds.length
      ? await manager.find(ReferenceClaim, {
          where: { kind: "Customer", referenceId: In([...customerIds]) },
          ...latest(manager),
        })
      : []),
  ];
  return claims.map((c) => `${c.kind} "${c.referenceId}" is being ${c.kind === "Service" ? "retired" : "deactivated"}`);
}

/** Ids of this graph are at most 36 characters (the claims' column): anything longer names nothing. */
function assertReferenceId(kind: ClaimKind, referenceId: string): void {
  if (referenceId.length > 36) {
    throw new BadUserInputError(`${kind} id "${referenceId.slice(0, 40)}…" is not an id of this graph`, {
      field: kind === "Service" ? "serviceId" : "customerId",
    });
  }
}

/**
 * The retirement / deactivation claim protocol: before the catalog retires a service or the
 * customers subgraph deactivates a customer, it claims the reference here.
 */
export class ClaimCommands {
  constructor(private readonly transactor: Transactor) {}

  /**
   * Claims a service's retirement or a customer's deactivation for its owning subgraph: granted
   * only while no ACTIVE or SCHEDULED agreement refers to it; afterwards no agreement referring to it
   * activates. Answers the numbers of the agreements that prevent it (none when granted).
   */
  claim(kind: ClaimKind, referenceId: string, actor: Identity): Promise<string[]> {
    assertReferenceId(kind, referenceId);
    return this.transactor.run(async (manager) => {
      await lockNamed(manager, referenceLock(kind, referenceId));
      // Read past this transaction's snapshot: an activation committed while we waited for the lock counts.
      const agreementIds =
        kind === "Service"
          ? (await manager.find(ServiceCoverage, { where: { serviceId: referenceId }, ...latest(manager) })).map(
              (c) => c.agreementId,
            )
          : (await manager.find(AgreementCustomer, { where: { customerId: referenceId }, ...latest(manager) })).map(
              (p) => p.agreementId,
            );
      const active = agreementIds.length
        ? await manager.find(Agreement, {
            where: { id: In(agreementIds), status: In([AgreementStatus.ACTIVE, AgreementStatus.SCHEDULED]) },
            ...latest(manager),
          })
        : [];
      if (active.length > 0) return active.map((a) => a.number).sort();
      if (!(await manager.exists(ReferenceClaim, { where: { kind, referenceId } }))) {
        await manager.insert(ReferenceClaim, { kind, referenceId, claimedBy: actor.subject });
      }
      return [];
    });
  }

  /** Gives a claim back (the owner's change did not happen, or was undone). */
  async release(kind: ClaimKind, referenceId: string): Promise<void> {
    if (referenceId.length > 36) return; // nothing was ever claimed under such an id
    await this.transactor.run((manager) => manager.delete(ReferenceClaim, { kind, referenceId }));
  }
}

import type { EntityManager } from "typeorm";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { ConflictError } from "@itsm/runtime";
import { isTransactionConflict } from "../data/database-errors";
import type { Transactor } from "./transactor";

/**
 * A lease: at most one holder at a time, until it expires. Replicas of a process that must act
 * alone (a scheduler) take the lease before acting; a holder that dies loses it when it expires.
 * Not part of `writePathEntities`: a subgraph that uses leases lists this entity and migrates it.
 */
@Entity("leases")
export class Lease {
  @PrimaryColumn({ type: "varchar", length: 120 })
  name: string;

  /** Who holds it (empty when nobody has yet). */
  @Column({ type: "varchar", length: 120 })
  holder: string;

  /** Until when the holder may act; afterwards anybody may take the lease. */
  @Column({ type: "datetime", precision: 3 })
  expiresAt: Date;

  /** Incremented by every acquisition, so that every acquisition changes the row. */
  @Column({ type: "int" })
  acquisitions: number;
}

/** A request for a lease: `holder` wants `name` from `now` for `ttlMs` milliseconds. */
export interface LeaseRequest {
  name: string;
  holder: string;
  now: Date;
  ttlMs: number;
}

const NEVER_HELD = new Date(0);

/**
 * Takes or renews the lease `name` for `holder` until `now + ttlMs`, when it is free, expired or
 * already the holder's. True when taken. The acquisition is one UPDATE that always changes the row
 * (the `acquisitions` counter), never an `ON DUPLICATE KEY UPDATE name = name` that may change
 * nothing: it row-locks on InnoDB, and on Galera it is certified at COMMIT, so of two nodes that
 * take the lease at once one commits and the other gets a deadlock: the transactor runs it again
 * (and then finds the lease held), or, when every attempt lost, that means "not taken".
 */
export async function acquireLease(transactor: Transactor, request: LeaseRequest): Promise<boolean> {
  try {
    return await transactor.run(async (manager) => {
      await createIfMissing(manager, request.name);
      const result = await manager
        .createQueryBuilder()
        .update(Lease)
        .set({
          holder: request.holder,
          expiresAt: new Date(request.now.getTime() + request.ttlMs),
          acquisitions: () => "acquisitions + 1",
        })
        .where("name = :name AND (holder = :holder OR expiresAt <= :now)", {
          name: request.name,
          holder: request.holder,
          now: request.now,
        })
        .execute();
      return result.affected === 1;
    });
  } catch (error) {
    if (error instanceof ConflictError || isTransactionConflict(error)) return false;
    throw error;
  }
}

/** Gives the lease up at once (a replica that stops), if `holder` still holds it. */
export async function releaseLease(transactor: Transactor, name: string, holder: string): Promise<void> {
  await transactor.run((manager) =>
    manager
      .createQueryBuilder()
      .update(Lease)
      .set({ expiresAt: NEVER_HELD })
      .where("name = :name AND holder = :holder", { name, holder })
      .execute(),
  );
}

async function createIfMissing(manager: EntityManager, name: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(Lease)
    .values({ name, holder: "", expiresAt: NEVER_HELD, acquisitions: 0 })
    .orIgnore()
    .execute();
}

import type { Identity } from "@itsm/runtime";
import type { ObjectLiteral } from "typeorm";
import type { Transactor } from "./transactor";
import type { VersionedRecords } from "./versioned";
import { providedFields } from "./versioned";

/**
 * The usual update command: in one transaction, loads the record at the version the client saw and
 * writes the `fields` the update input provides (omitted and null ones keep their value), versioned
 * and audited like every change (see `VersionedRecords.change`).
 */
export function updateProvided<T extends ObjectLiteral & { id: string }, V extends object>(
  transactor: Transactor,
  records: VersionedRecords<T, V>,
  input: { id: string; expectedVersion: number },
  fields: readonly (keyof T & string)[],
  actor: Identity,
): Promise<T> {
  return transactor.run(async (manager) => {
    const current = await records.load(manager, input.id, input.expectedVersion);
    return records.change(manager, current, providedFields<T>(input, fields), actor);
  });
}

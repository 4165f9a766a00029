import type { FieldChange } from "./history";

/** The audit trail's change for a value (an id, a contact…) that joined a record's list field `field`. */
export function addedTo(field: string, value: unknown): FieldChange {
  return { field, from: null, to: JSON.stringify(value) };
}

/** The audit trail's change for a value that left a record's list field `field`. */
export function removedFrom(field: string, value: unknown): FieldChange {
  return { field, from: JSON.stringify(value), to: null };
}

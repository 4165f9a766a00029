import { randomUUID } from "node:crypto";
import { v5 as uuidv5 } from "uuid";

// Namespace of the ITSM graph's name-based ids (a fixed, random UUID).
const NAMESPACE = "6f1c1f5e-3a0b-4f5e-9f57-2b8f5b1d7c42";

/**
 * The id of a record identified by a natural key (`stableId("Service", "EMAIL")`): the same in
 * every database, so subgraphs' sample data can refer to each other's records.
 */
export function stableId(typeName: string, naturalKey: string): string {
  return uuidv5(`${typeName}:${naturalKey}`, NAMESPACE);
}

/** A fresh id for a new record. */
export function newId(): string {
  return randomUUID();
}

/** Ids of the sample records, by natural key; every subgraph's sample refers to the others' through these. */
export const sampleId = {
  service: (code: string) => stableId("Service", code),
  component: (key: string) => stableId("Component", key),
  customer: (code: string) => stableId("Customer", code),
  contact: (customerCode: string, email: string) => stableId("Contact", `${customerCode}:${email}`),
  provider: (code: string) => stableId("Provider", code),
  agreement: (number: string) => stableId("Agreement", number),
};

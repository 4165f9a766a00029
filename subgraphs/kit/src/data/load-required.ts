import type DataLoader from "dataloader";
import { NotFoundError } from "@itsm/runtime";

/**
 * Loads one record through a per-request loader for a query that names it (by id, code…): a key
 * the loader answers with null — no such record, or out of the caller's scope — is NOT_FOUND.
 */
export async function loadRequired<T>(source: DataLoader<string, T | null>, typeName: string, key: string): Promise<T> {
  const record = await source.load(key);
  if (!record) throw new NotFoundError(typeName, key);
  return record;
}

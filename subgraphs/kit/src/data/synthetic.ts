import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/** How many records of each kind a synthetic dataset of `scale` services has. */
export function syntheticCounts(scale: number) {
  return {
    services: scale,
    components: Math.max(10, Math.ceil(scale / 2)),
    customers: scale,
    providers: Math.max(3, Math.ceil(scale / 1000)),
    agreements: 2 * scale,
  };
}

const pad = (i: number, width: number) => String(i).padStart(width, "0");

/** Natural keys of synthetic records (0-based index); every subgraph derives the same ones. */
export const syntheticKey = {
  service: (i: number) => `SVC${pad(i, 6)}`,
  component: (i: number) => `synthetic-component-${pad(i, 6)}`,
  customer: (i: number) => `CUS${pad(i, 6)}`,
  provider: (i: number) => `PRV${pad(i, 4)}`,
  agreement: (i: number) => `AGR-${pad(i, 7)}`,
};

const BATCH_ROWS = 500;

/**
 * Inserts `count` generated items (each one row or several) in multi-row INSERTs of a few hundred
 * rows, reporting progress; the rows are made as they are written, so memory stays flat.
 */
export async function insertGenerated<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  count: number,
  make: (index: number) => Partial<T> | Partial<T>[],
  label: string,
  progress: (message: string) => void,
): Promise<number> {
  let batch: Partial<T>[] = [];
  let written = 0;
  let reported = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    // TypeORM's insert type is stricter than a partial row; the columns are the entity's own.
    await manager.insert(entity, batch as never);
    written += batch.length;
    batch = [];
  };
  for (let i = 0; i < count; i++) {
    const made = make(i);
    if (Array.isArray(made)) batch.push(...made);
    else batch.push(made);
    if (batch.length >= BATCH_ROWS) await flush();
    if (i + 1 - reported >= Math.max(1, Math.floor(count / 10)) || i + 1 === count) {
      reported = i + 1;
      progress(`${label}: ${reported}/${count}`);
    }
  }
  await flush();
  return written;
}

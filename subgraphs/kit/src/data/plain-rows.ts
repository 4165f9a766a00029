import type { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { DriverUtils } from "typeorm/driver/DriverUtils";

const PLAIN_DRIVERS: readonly string[] = ["better-sqlite3", "mysql", "mariadb"];

/**
 * Whether rows of this entity can be read as plain rows and hydrated column by column (see
 * `hydrate`) with the same result as TypeORM's own loading: an entity of plain columns (no
 * relations, embedded objects, inheritance, soft delete or other schema), nothing that listens to
 * its loading, on a driver whose conversions `prepareHydratedValue` covers.
 */
export function readsPlainRows(metadata: EntityMetadata): boolean {
  const dataSource = metadata.connection;
  return (
    PLAIN_DRIVERS.includes(dataSource.driver.options.type) &&
    !metadata.schema &&
    !metadata.database &&
    !metadata.deleteDateColumn &&
    metadata.relations.length === 0 &&
    metadata.embeddeds.length === 0 &&
    !metadata.discriminatorColumn &&
    metadata.afterLoadListeners.length === 0 &&
    dataSource.subscribers.every((subscriber) => !subscriber.afterLoad) &&
    metadata.columns.every((c) => !c.isVirtual && !c.relationMetadata && !c.embeddedMetadata)
  );
}

/**
 * One raw row as an entity: every column the row holds (under `keyOf(column)`) through the
 * driver's own conversion, as TypeORM's result transformer does for a query without joins.
 */
export function hydrate<T extends ObjectLiteral>(
  metadata: EntityMetadata,
  row: Record<string, unknown>,
  keyOf: (databaseName: string) => string = (name) => name,
): T {
  const driver = metadata.connection.driver;
  const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
  for (const column of metadata.columns) {
    const value = row[keyOf(column.databaseName)];
    if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/**
 * `query.getMany()` for a query that selects one plain entity (no joins, no partial selection,
 * no locks or result cache): the same entities, read with `getRawMany` and hydrated column by
 * column. TypeORM's result transformer (grouping rows by primary key for joins that are not
 * there, relation ids) cost as much as the SQL on hot list reads; anything else goes
 * through `getMany` unchanged.
 */
export async function readMany<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T[]> {
  const map = query.expressionMap;
  const main = map.mainAlias;
  const plain =
    main?.hasMetadata &&
    map.joinAttributes.length === 0 &&
    map.relationIdAttributes.length === 0 &&
    map.selects.length === 1 &&
    map.selects[0].selection === main.name &&
    !map.lockMode &&
    !map.cache &&
    !map.useTransaction &&
    !query.dataSource.queryResultCache &&
    readsPlainRows(main.metadata);
  if (!plain) return query.getMany();
  const driver = query.dataSource.driver;
  const metadata = main.metadata;
  const aliases = new Map(
    metadata.columns.map((c) => [c.databaseName, DriverUtils.buildAlias(driver, undefined, main.name, c.databaseName)]),
  );
  const rows: Record<string, unknown>[] = await query.getRawMany();
  return rows.map((row) => hydrate<T>(metadata, row, (name) => aliases.get(name) ?? name));
}

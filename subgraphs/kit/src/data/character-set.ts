import { StartupError } from "@itsm/runtime";
import type { DataSource } from "typeorm";

/** The one character set that stores every name a customer may have ("Łódź", "Ærø", emoji). */
const CHARSET = "utf8mb4";
const COLLATION = "utf8mb4_unicode_ci";

interface CharacterSetReport {
  database: string;
  /** The database's default character set: what tables created later get. */
  defaultCharset: string;
  /** Tables whose default, or one of whose text columns, is in another character set. */
  tables: string[];
}

/** Reads the character sets of the connected database, its tables and their text columns. */
async function characterSets(dataSource: DataSource): Promise<CharacterSetReport> {
  const [schema] = (await dataSource.query(
    "SELECT SCHEMA_NAME AS name, DEFAULT_CHARACTER_SET_NAME AS charset FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()",
  )) as { name: string; charset: string }[];
  const tables = (await dataSource.query(
    `SELECT t.TABLE_NAME AS name FROM information_schema.TABLES t
       JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY c ON c.COLLATION_NAME = t.TABLE_COLLATION
      WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' AND c.CHARACTER_SET_NAME <> ?
     UNION
     SELECT TABLE_NAME AS name FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL AND CHARACTER_SET_NAME <> ?
     ORDER BY name`,
    [CHARSET, CHARSET],
  )) as { name: string }[];
  return { database: schema.name, defaultCharset: schema.charset, tables: tables.map((t) => t.name) };
}

/**
 * Refuses a MySQL/MariaDB database that is not entirely utf8mb4 — a server whose default is latin1
 * creates such databases, and then the first "Ł" fails a write with "Incorrect string value" — with
 * one line naming the database and the statements that convert it.
 */
export async function requireUtf8mb4(dataSource: DataSource, url: string, variable: string): Promise<void> {
  const { database, defaultCharset, tables } = await characterSets(dataSource);
  const wrongDefault = defaultCharset !== CHARSET;
  if (!wrongDefault && tables.length === 0) return;
  const statements = [
    ...(wrongDefault ? [`ALTER DATABASE \`${database}\` CHARACTER SET ${CHARSET} COLLATE ${COLLATION}`] : []),
    // A column in a foreign key may change character set only with the checks off (both ends change).
    ...(tables.length > 0
      ? [
          "SET foreign_key_checks = 0",
          ...tables.map((table) => `ALTER TABLE \`${table}\` CONVERT TO CHARACTER SET ${CHARSET} COLLATE ${COLLATION}`),
          "SET foreign_key_checks = 1",
        ]
      : []),
  ];
  const what = [
    ...(wrongDefault ? [`its default character set is ${defaultCharset}`] : []),
    ...(tables.length > 0 ? [`table(s) ${tables.join(", ")} are not ${CHARSET}`] : []),
  ].join(" and ");
  throw new StartupError(
    `database "${database}" on ${new URL(url).host} is not ${CHARSET} (${what}), so names such as "Łódź" cannot be stored: run ${statements.join("; ")}; (check ${variable})`,
  );
}

import { StartupError } from "@itsm/runtime";

// Codes (mysql2 / Node) that mean "the database cannot be reached right now", not "the query is wrong".
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  "ER_QUERY_INTERRUPTED",
]);

function errorCode(error: unknown): string | undefined {
  const err = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | null;
  const code = err?.driverError?.code ?? err?.code;
  if (typeof code === "string") return code;
  // mysql2 reports a dead pooled connection only in its message.
  if (typeof err?.message === "string" && /connection is in closed state|Pool is closed/i.test(err.message)) {
    return "PROTOCOL_CONNECTION_LOST";
  }
  return undefined;
}

/** Whether an error means the database is (temporarily) unreachable rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && UNAVAILABLE_CODES.has(code);
}

/** Where a database URL points, without its password. */
function describeTarget(url: string): { host: string; user: string; database: string } {
  const parsed = new URL(url);
  return {
    host: `${parsed.hostname}:${parsed.port || "3306"}`,
    user: decodeURIComponent(parsed.username),
    database: parsed.pathname.replace(/^\//, ""),
  };
}

/** Turns a failure to open the database into one line naming the cause and the variable to fix. */
export function connectFailure(error: unknown, url: string, variable: string): StartupError {
  const { host, user, database } = describeTarget(url);
  const code = errorCode(error);
  const reason =
    code === "ECONNREFUSED"
      ? `cannot reach the database server at ${host} (connection refused)`
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? `the database host in ${host} cannot be resolved`
        : code === "ETIMEDOUT"
          ? `timed out connecting to the database server at ${host}`
          : code === "ER_ACCESS_DENIED_ERROR"
            ? `the database server at ${host} refused the credentials of user "${user}"`
            : code === "ER_BAD_DB_ERROR"
              ? `database "${database}" does not exist on ${host}`
              : code === "ER_DBACCESS_DENIED_ERROR"
                ? `user "${user}" may not use database "${database}" on ${host}`
                : `cannot open the database at ${host}: ${(error as Error)?.message ?? String(error)}`;
  return new StartupError(`${reason} (check ${variable})`);
}

/** Whether an error is a unique-index violation (a concurrent insert of the same key). */
export function isUniqueViolation(error: unknown): boolean {
  const err = error as { code?: string; driverError?: { code?: string } } | null;
  const code = err?.driverError?.code ?? err?.code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** MySQL/MariaDB errors that abort a transaction because another one won a race for the same rows. */
const CONFLICT_ERRNOS = new Set([
  1213, // ER_LOCK_DEADLOCK: an InnoDB deadlock, or a Galera certification failure / brute-force abort
  1205, // ER_LOCK_WAIT_TIMEOUT: waited too long for a row lock held by another transaction
]);

/**
 * Whether an error means "this transaction lost a race with a concurrent one and was rolled back;
 * running it again from the start may succeed": a deadlock, a lock-wait timeout, or Galera's
 * "WSREP detected deadlock/conflict" (a write set from another node won certification), at any
 * statement or at COMMIT.
 */
export function isTransactionConflict(error: unknown): boolean {
  const err = error as { errno?: unknown; driverError?: { errno?: unknown }; message?: unknown } | null;
  const errno = err?.driverError?.errno ?? err?.errno;
  if (typeof errno === "number" && CONFLICT_ERRNOS.has(errno)) return true;
  const code = errorCode(error);
  if (code === "ER_LOCK_DEADLOCK" || code === "ER_LOCK_WAIT_TIMEOUT") return true;
  return typeof err?.message === "string" && /WSREP detected deadlock\/conflict/i.test(err.message);
}

import type { ErrorTranslator, Logger } from "@itsm/runtime";
import { createErrorFormatter, ErrorCode } from "@itsm/runtime";
import type { ValidationError } from "class-validator";
import { ArgumentValidationError } from "type-graphql";
import { isDatabaseUnavailable } from "./data/database-errors";
import { invalidFields } from "./write/validation";

/** Input that failed class-validator becomes BAD_USER_INPUT with the path and messages of every field. */
const invalidArguments: ErrorTranslator = (original, formatted) => {
  if (!(original instanceof ArgumentValidationError)) return undefined;
  const fields = invalidFields(original.extensions.validationErrors as ValidationError[]);
  return {
    message: `Invalid input: ${fields.flatMap((f) => f.messages.map((m) => `${f.path}: ${m}`)).join("; ")}`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
  };
};

/** An unreachable database becomes SERVICE_UNAVAILABLE: it heals by itself, and it is not a bug. */
const databaseUnavailable: ErrorTranslator = (original, formatted, { logger, serviceName }) => {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && code !== ErrorCode.INTERNAL_SERVER_ERROR) return undefined;
  if (!isDatabaseUnavailable(original)) return undefined;
  logger.warn({ err: original, path: formatted.path }, "database unavailable");
  return {
    message: `The ${serviceName} database is unavailable; retry shortly`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
  };
};

/** A subgraph's Apollo `formatError`: the runtime's, knowing validation and database failures. */
export function createSubgraphErrorFormatter(logger: Logger, serviceName: string) {
  return createErrorFormatter(logger, serviceName, [invalidArguments, databaseUnavailable]);
}

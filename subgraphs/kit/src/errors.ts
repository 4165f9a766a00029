import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import type { ValidationError } from "class-validator";
import { ArgumentValidationError } from "type-graphql";
import { isDatabaseUnavailable } from "./data/database-errors";
import { invalidFields } from "./write/validation";
import type { Logger } from "./log";

/** Error codes clients can rely on, in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_REFERENCE: "INVALID_REFERENCE",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base of every expected, client-facing error: a message and a stable code. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(typeName: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${typeName} "${id}" does not exist`, { typeName, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}

export class InvalidReferenceError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.INVALID_REFERENCE, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Not allowed", details: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Sign in: this needs a valid bearer token", details: Record<string, unknown> = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, details);
  }
}

/**
 * Apollo `formatError`: errors that carry a code pass through; an unreachable database becomes
 * SERVICE_UNAVAILABLE (it heals by itself); anything else (a bug) is logged with its stack and
 * shown to clients as a masked INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(logger: Logger, serviceName: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const fields = invalidFields(original.extensions.validationErrors as ValidationError[]);
      return {
        message: `Invalid input: ${fields.flatMap((f) => f.messages.map((m) => `${f.path}: ${m}`)).join("; ")}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: original, path: formatted.path }, "database unavailable");
      return {
        message: `The ${serviceName} database is unavailable; retry shortly`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error while executing an operation");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Whether an error is a unique-index violation (a concurrent insert of the same key). */
export function isUniqueViolation(error: unknown): boolean {
  const err = error as { code?: string; driverError?: { code?: string } } | null;
  const code = err?.driverError?.code ?? err?.code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

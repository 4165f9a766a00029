import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
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
 * Turns an error of a known kind (a validation failure, an unreachable database...) into what the
 * client sees, or returns undefined to leave it to the next translator.
 */
export type ErrorTranslator = (
  original: unknown,
  formatted: GraphQLFormattedError,
  context: { logger: Logger; serviceName: string },
) => GraphQLFormattedError | undefined;

/**
 * Apollo `formatError`: the translators given see every error first; then errors that carry a code
 * pass through; anything else (a bug) is logged with its stack and shown to clients as a masked
 * INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(logger: Logger, serviceName: string, translators: ErrorTranslator[] = []) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    for (const translate of translators) {
      const translated = translate(original, formatted, { logger, serviceName });
      if (translated) return translated;
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    logger.error({ err: original, path: formatted.path }, "unexpected error while executing an operation");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

import type { AuthCheckerFn } from "type-graphql";
import type { Identity, Role } from "@itsm/runtime";
import { ForbiddenError, SIGNED_IN, UnauthenticatedError } from "@itsm/runtime";

/**
 * The one rule behind every `@Authorized(roles)` in the subgraphs: `admin` may do anything; other
 * roles need to be listed (`@Authorized()` with no roles means any signed-in caller). An anonymous
 * caller is told to sign in (UNAUTHENTICATED); a signed-in one is told its role may not (FORBIDDEN).
 */
export const authChecker: AuthCheckerFn<{ identity: Identity }, Role> = ({ context, info }, roles) => {
  const { role } = context.identity;
  const allowed = roles.length === 0 ? SIGNED_IN : roles;
  if (role === "admin" || allowed.includes(role)) return true;
  const field = `${info.parentType.name}.${info.fieldName}`;
  if (role === "anonymous") {
    throw new UnauthenticatedError(`Sign in to use ${field}: it needs one of the roles ${allowed.join(", ")}`, {
      field,
    });
  }
  throw new ForbiddenError(`The ${role} role may not use ${field}: it needs one of the roles ${allowed.join(", ")}`, {
    field,
    role,
  });
};

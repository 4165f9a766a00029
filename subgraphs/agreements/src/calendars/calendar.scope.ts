import type { Identity } from "@itsm/kit";
import { SIGNED_IN } from "@itsm/kit";

/** Calendars are not confidential: any signed-in caller (partners included) reads every one. */
export function isSignedIn(identity: Identity): boolean {
  return SIGNED_IN.includes(identity.role);
}

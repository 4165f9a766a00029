import { createHmac, timingSafeEqual } from "node:crypto";

/** The headers every delivery carries. */
export const SIGNATURE_HEADER = "x-itsm-signature";
export const TIMESTAMP_HEADER = "x-itsm-timestamp";
export const EVENT_ID_HEADER = "x-itsm-event-id";
export const EVENT_TYPE_HEADER = "x-itsm-event-type";
export const ATTEMPT_HEADER = "x-itsm-delivery-attempt";

/**
 * The signature of a delivery: `sha256=` and the hex HMAC-SHA256, keyed with the webhook's secret,
 * of `<timestamp>.<raw body>` — the timestamp (Unix seconds, also sent as X-ITSM-Timestamp) is
 * signed with the body, so a receiver that refuses old timestamps cannot be replayed to.
 */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * What a receiver does (the README shows the same steps): recompute the signature over the raw
 * body and compare in constant time, and refuse a timestamp more than `toleranceSeconds` from now.
 */
export function verifySignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signature(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

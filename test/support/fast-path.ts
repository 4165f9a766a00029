import type { startProcess } from "./graph";

/**
 * What the e2e tests of the gateway's fast paths (the single-fetch pass-through, compiled plans)
 * share: raw answers to compare byte for byte, and a gateway's JSON log lines of one request.
 */
export type StartedGateway = Awaited<ReturnType<typeof startProcess>>;

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Headers that differ between any two answers. */
const PER_ANSWER = new Set(["date", "x-request-id", "keep-alive", "connection"]);

/** POSTs `body` as JSON with a request id; the answer's status, its headers but those above, and its text. */
export async function sendRaw(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  requestId: string,
): Promise<RawAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": requestId, ...headers },
    body: JSON.stringify(body),
  });
  const kept = [...response.headers].filter(([name]) => !PER_ANSWER.has(name));
  return { status: response.status, headers: Object.fromEntries(kept), body: await response.text() };
}

/** Log lines (JSON) of a gateway for a request id. */
export function linesOf(started: StartedGateway, requestId: string): Record<string, unknown>[] {
  return started
    .output()
    .split("\n")
    .filter((line) => line.includes(`"requestId":"${requestId}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Whether the gateway logged `message` for a request, once the request's operation log line (written
 * last) is there; throws when it never comes — without it, "not logged" would also hold when logging
 * is broken.
 */
export async function loggedFor(started: StartedGateway, requestId: string, message: string): Promise<boolean> {
  const logged = () => linesOf(started, requestId).some((line) => line.msg === "graphql operation");
  for (let i = 0; i < 250 && !logged(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!logged()) throw new Error(`no "graphql operation" log line for ${requestId}`);
  return linesOf(started, requestId).some((line) => line.msg === message);
}

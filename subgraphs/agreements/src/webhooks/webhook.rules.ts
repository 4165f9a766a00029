import { BlockList, isIP } from "node:net";

/** The longest URL a webhook may have. */
export const MAX_URL_LENGTH = 2048;

/** How long a delivery is retried, counted from when its event was queued, before it is given up. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The wait after the first failed attempt; doubled after each further failure… */
export const FIRST_RETRY_MS = 30 * 1000;
/** …up to this. */
export const MAX_RETRY_MS = 6 * 60 * 60 * 1000;

/** What a receiver may not be, unless private networks are allowed (loopback, private, link-local…). */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is one a webhook must not reach from the subgraph by default (SSRF). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is its IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return PRIVATE.check(mapped[1], "ipv4");
  const family = isIP(bare);
  if (family === 4) return PRIVATE.check(bare, "ipv4");
  if (family === 6) return PRIVATE.check(bare, "ipv6");
  return false;
}

/** Host names that always mean this machine or a private network. */
function isPrivateName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost") || name.endsWith(".internal") || name.endsWith(".local");
}

/**
 * What is wrong with a webhook URL, or null: it must be an absolute http(s) URL without user
 * information (a password would be logged and shown), and — unless private networks are allowed —
 * must not name loopback, private or link-local hosts. Names are resolved again at each delivery.
 */
export function urlProblem(url: string, allowPrivateNetworks: boolean): string | null {
  if (url.length > MAX_URL_LENGTH) return `the URL is longer than ${MAX_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "it is not an absolute URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `only http and https URLs are allowed (got ${parsed.protocol.replace(/:$/, "")})`;
  }
  if (parsed.username || parsed.password) return "the URL must not carry a user name or password";
  if (!allowPrivateNetworks && (isPrivateName(parsed.hostname) || isPrivateAddress(parsed.hostname))) {
    return `${parsed.hostname} is a loopback, private or link-local address, which webhooks may not reach (WEBHOOK_ALLOW_PRIVATE_NETWORKS)`;
  }
  return null;
}

/** The problem with a list of resolved addresses of a receiver, or null when all may be reached. */
export function addressProblem(hostname: string, addresses: string[], allowPrivateNetworks: boolean): string | null {
  if (allowPrivateNetworks) return null;
  const blocked = addresses.filter(isPrivateAddress);
  return blocked.length ? `refused: ${hostname} resolves to a private address (${blocked.join(", ")})` : null;
}

/**
 * The wait before attempt `failed + 1` after `failed` failures: 30 s doubled per failure up to 6 h
 * ("exponential backoff"), with equal jitter (half fixed, half random) so that receivers coming
 * back from an outage are not hit by every sender at once. `random` is in [0, 1).
 */
export function retryDelayMs(failed: number, random: number): number {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failed - 1), MAX_RETRY_MS);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * When the next attempt is due after a failed one at `now`, or null to give up: a delivery is
 * retried while it is within the retry window (24 h from when it was queued), so the last attempt
 * is at or after the window's end — retries last at least 24 hours.
 */
export function nextAttemptAfterFailure(queuedAt: Date, now: Date, failed: number, random: number): Date | null {
  if (now.getTime() - queuedAt.getTime() >= RETRY_WINDOW_MS) return null;
  return new Date(now.getTime() + retryDelayMs(failed, random));
}

/** Whether an HTTP status counts as delivered. */
export const isDelivered = (status: number): boolean => status >= 200 && status < 300;

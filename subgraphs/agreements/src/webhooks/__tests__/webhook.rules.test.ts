import {
  addressProblem,
  FIRST_RETRY_MS,
  isPrivateAddress,
  MAX_RETRY_MS,
  nextAttemptAfterFailure,
  RETRY_WINDOW_MS,
  retryDelayMs,
  urlProblem,
} from "../webhook.rules";
import { signature, verifySignature } from "../webhook.signing";

describe("webhook URLs", () => {
  it.each(["https://hooks.example.com/itsm", "http://203.0.113.7:8080/in?x=1", "https://[2001:db8::1]/hook"])(
    "accepts the public http(s) URL %s",
    (url) => expect(urlProblem(url, false)).toBeNull(),
  );

  it.each([
    ["an ftp URL", "ftp://example.com/x", "only http and https URLs are allowed (got ftp)"],
    ["a file URL", "file:///etc/passwd", "only http and https URLs are allowed (got file)"],
    ["a javascript URL", "javascript:alert(1)", "only http and https URLs are allowed (got javascript)"],
    ["a relative URL", "/relative/path", "it is not an absolute URL"],
    ["a URL with a password", "https://user:pw@example.com/", "the URL must not carry a user name or password"],
    ["a URL over 2048 characters", `https://example.com/${"a".repeat(2048)}`, "the URL is longer than 2048 characters"],
  ])("refuses %s", (_label, url, problem) => expect(urlProblem(url, true)).toBe(problem));

  it.each([
    "http://localhost:8080/",
    "http://api.localhost/",
    "http://127.0.0.1/",
    "http://10.1.2.3/",
    "http://172.20.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://[fd00::1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://0.0.0.0/",
    "http://metadata.google.internal/",
  ])("refuses the private address %s unless private networks are allowed", (url) => {
    expect(urlProblem(url, false)).toMatch(/loopback, private or link-local address/);
    expect(urlProblem(url, true)).toBeNull();
  });

  it("checks resolved addresses at delivery time (a public name may point inside)", () => {
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    expect(isPrivateAddress("2001:db8::1")).toBe(false);
    expect(addressProblem("evil.example", ["93.184.216.34", "127.0.0.1"], false)).toBe(
      "refused: evil.example resolves to a private address (127.0.0.1)",
    );
    expect(addressProblem("evil.example", ["127.0.0.1"], true)).toBeNull();
    expect(addressProblem("ok.example", ["93.184.216.34"], false)).toBeNull();
  });
});

describe("the retry schedule", () => {
  it("doubles from 30 s up to 6 h, with equal jitter (half fixed, half random)", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 0))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 0.999999))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30, 0.5)).toBe(Math.round(MAX_RETRY_MS * 0.75));
    expect(retryDelayMs(1, 0.5)).toBe(Math.round(FIRST_RETRY_MS * 0.75));
  });

  it("keeps retrying for at least 24 hours, then gives up", () => {
    const queued = new Date("2026-01-01T00:00:00Z");
    for (const random of [0, 0.5, 0.999999]) {
      let at = queued;
      let failed = 0;
      let next: Date | null = queued;
      while (next) {
        at = next;
        failed++;
        next = nextAttemptAfterFailure(queued, at, failed, random);
        expect(failed).toBeLessThan(100);
      }
      // The last attempt was made at or after the window's end, and not long after.
      expect(at.getTime() - queued.getTime()).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
      expect(at.getTime() - queued.getTime()).toBeLessThan(RETRY_WINDOW_MS + MAX_RETRY_MS);
      expect(failed).toBeGreaterThan(10);
    }
  });
});

describe("signatures", () => {
  const secret = "a-shared-secret-of-some-length";
  const body = JSON.stringify({ id: "e1", type: "AGREEMENT_EXPIRED" });

  it("are sha256=<hex HMAC-SHA256 of '<timestamp>.<raw body>'>", () => {
    // Computed independently: printf '1767225600.{"id":"e1","type":"AGREEMENT_EXPIRED"}' | openssl dgst -sha256 -hmac …
    const { createHmac } = jest.requireActual<typeof import("node:crypto")>("node:crypto");
    const expected = createHmac("sha256", secret).update(`1767225600.${body}`).digest("hex");
    expect(signature(secret, 1767225600, body)).toBe(`sha256=${expected}`);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("verify with the right secret, body and a recent timestamp only", () => {
    const now = 1767225600;
    const signed = { signature: signature(secret, now, body), timestamp: String(now) };
    expect(verifySignature(secret, signed, body, now + 10)).toBe(true);
    expect(verifySignature("another-secret-of-some-length", signed, body, now)).toBe(false);
    expect(verifySignature(secret, signed, body.replace("EXPIRED", "ACTIVATED"), now)).toBe(false);
    // A replay of a captured delivery later than the tolerance is refused…
    expect(verifySignature(secret, signed, body, now + 301)).toBe(false);
    // …and the timestamp cannot be refreshed without the secret, since it is signed.
    expect(verifySignature(secret, { ...signed, timestamp: String(now + 300) }, body, now + 301)).toBe(false);
    expect(verifySignature(secret, { signature: undefined, timestamp: String(now) }, body, now)).toBe(false);
  });
});

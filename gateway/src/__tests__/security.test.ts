import { RequestRefused } from "@itsm/runtime";
import { loadGatewayConfig } from "../config";
import { rateLimiter } from "../security";
import { withoutSuggestion } from "../schema-suggestions.plugin";
import { illFormedStringPath } from "../well-formed-text.plugin";

describe("rate limits", () => {
  it("derives the burst limit from the window unless RATE_LIMIT_BURST is set, and validates it", () => {
    expect(loadGatewayConfig("/x", {}).limits.rateLimitBurst).toBe(50);
    expect(
      loadGatewayConfig("/x", { RATE_LIMIT_POINTS: "7", RATE_LIMIT_WINDOW_SECONDS: "10" }).limits.rateLimitBurst,
    ).toBe(4);
    expect(loadGatewayConfig("/x", { RATE_LIMIT_BURST: "3" }).limits.rateLimitBurst).toBe(3);
    expect(() => loadGatewayConfig("/x", { RATE_LIMIT_BURST: "0" })).toThrow(/RATE_LIMIT_BURST/);
  });

  it("refuses past the burst with a 429 naming the burst limit, before the window is spent", async () => {
    const { consume: limit } = rateLimiter({
      ...loadGatewayConfig("/x", {}).limits,
      rateLimitPoints: 100,
      rateLimitWindowSeconds: 60,
      rateLimitBurst: 2,
    });
    await limit("sub:a");
    await limit("sub:a");
    const refused = await limit("sub:a").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RequestRefused);
    expect(refused).toMatchObject({ status: 429, code: "RATE_LIMITED", headers: { "retry-after": "1" } });
    expect((refused as Error).message).toMatch(/at most 2 per second/);
    // Another client is not affected.
    await expect(limit("sub:b")).resolves.toBeUndefined();
  });
});

describe("schema suggestions", () => {
  it("removes graphql-js's suggestion and nothing else", () => {
    expect(
      withoutSuggestion('Cannot query field "agreemenz" on type "Query". Did you mean "agreement" or "agreements"?'),
    ).toBe('Cannot query field "agreemenz" on type "Query".');
    expect(withoutSuggestion('Unknown type "Foo".')).toBe('Unknown type "Foo".');
  });
});

describe("well-formed text", () => {
  it("finds the first unpaired surrogate in values and keys, at any depth", () => {
    expect(illFormedStringPath({ a: ["ok", "😀", { b: "Ł" }] })).toBeUndefined();
    expect(illFormedStringPath({ input: { emails: ["ok", "x\udc00"] } })).toBe("input.emails[1]");
    expect(illFormedStringPath({ ["k\ud800"]: 1 })).toBe("k\ud800");
    let deep: unknown = "\ud800";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(illFormedStringPath({ deep })).toMatch(/^deep(\[0\])+$/);
  });
});

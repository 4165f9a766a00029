import { VerifiedTokens } from "../verified-tokens";

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const exp = (msFromNow: number) => Math.floor((NOW + msFromNow) / 1000);

describe("verified tokens", () => {
  it("answers a token's claims until the sooner of its exp and the TTL", () => {
    const tokens = new VerifiedTokens(60_000);
    tokens.remember("long", { sub: "a", exp: exp(3_600_000) }, NOW);
    tokens.remember("short", { sub: "b", exp: exp(10_000) }, NOW);
    expect(tokens.get("long", NOW + 59_999)).toEqual({ sub: "a", exp: exp(3_600_000) });
    expect(tokens.get("long", NOW + 60_000)).toBeUndefined();
    expect(tokens.get("short", NOW + 9_999)).toMatchObject({ sub: "b" });
    expect(tokens.get("short", NOW + 10_000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it("keeps no token without exp or already past it, and never a token it was not given", () => {
    const tokens = new VerifiedTokens();
    tokens.remember("no-exp", { sub: "a" }, NOW);
    tokens.remember("past", { sub: "a", exp: exp(-1_000) }, NOW);
    expect(tokens.get("no-exp", NOW)).toBeUndefined();
    expect(tokens.get("past", NOW)).toBeUndefined();
    expect(tokens.get("other", NOW)).toBeUndefined();
  });

  it("holds at most its limit, dropping the oldest first", () => {
    const tokens = new VerifiedTokens(60_000, 3);
    for (const token of ["t1", "t2", "t3", "t4"]) tokens.remember(token, { sub: token, exp: exp(3_600_000) }, NOW);
    expect(tokens.size).toBe(3);
    expect(tokens.get("t1", NOW)).toBeUndefined();
    expect(tokens.get("t4", NOW)).toMatchObject({ sub: "t4" });
  });
});

import { createHmac } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { authChecker } from "../auth/authorization";
import type { Identity } from "@itsm/runtime";
import {
  ANONYMOUS,
  ErrorCode,
  INTERNAL_IDENTITY_HEADER,
  identityOf,
  identitySigner,
  identityVerifier,
  signIdentity,
  verifyIdentity,
} from "@itsm/runtime";
import { partnerIdentity, TEST_IDENTITIES } from "../testing";

const SECRET = "a-test-secret-of-at-least-32-characters!";
const OTHER_SECRET = "another-secret-of-at-least-32-characters";
const partner = partnerIdentity("NWG-RETAIL", "NWG-LOGISTICS");

function codeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return "no error";
}

describe("the signed internal identity", () => {
  it("round-trips every role, with a partner's customer codes", () => {
    for (const identity of [...Object.values(TEST_IDENTITIES), partner] as Identity[]) {
      expect(verifyIdentity(signIdentity(identity, SECRET), SECRET)).toEqual({
        subject: identity.subject,
        role: identity.role,
        customerCodes: [...identity.customerCodes],
      });
    }
  });

  it("is refused when missing, malformed, signed with another secret, tampered with or expired", () => {
    const token = signIdentity(partner, SECRET);
    const [version, claims, signature] = token.split(".");
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(claims, "base64url").toString()), role: "admin" }),
    ).toString("base64url");
    const refusals = [
      undefined,
      "",
      "garbage",
      `${version}.${claims}`,
      `v2.${claims}.${signature}`,
      signIdentity(partner, OTHER_SECRET),
      `${version}.${widened}.${signature}`,
      `${version}.${claims}.${signature.slice(0, -4)}`,
      signIdentity(partner, SECRET, 60, Date.now() - 61_000),
    ];
    for (const refused of refusals) {
      expect(codeOf(() => verifyIdentity(refused, SECRET))).toBe(ErrorCode.UNAUTHENTICATED);
    }
  });

  it("is refused when correctly signed but not an identity (unknown role, missing subject)", () => {
    const sign = (claims: object) => {
      const signed = `v1.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
      return `${signed}.${createHmac("sha256", SECRET).update(signed).digest("base64url")}`;
    };
    const exp = Math.floor(Date.now() / 1000) + 60;
    expect(codeOf(() => verifyIdentity(sign({ sub: "x", role: "root", customers: [], exp }), SECRET))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
    expect(codeOf(() => verifyIdentity(sign({ role: "admin", customers: [], exp }), SECRET))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
    expect(codeOf(() => verifyIdentity(sign({ sub: "x", role: "partner", customers: [1], exp }), SECRET))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
    expect(verifyIdentity(sign({ sub: "x", role: "analyst", customers: [], exp }), SECRET).role).toBe("analyst");
  });

  it("is read from the request header", () => {
    const req = { headers: { [INTERNAL_IDENTITY_HEADER]: signIdentity(TEST_IDENTITIES.editor, SECRET) } };
    expect(identityOf(req as never, SECRET).subject).toBe("test-editor");
    expect(codeOf(() => identityOf({ headers: {} } as never, SECRET))).toBe(ErrorCode.UNAUTHENTICATED);
    const verify = identityVerifier(SECRET);
    expect(identityOf(req as never, verify).subject).toBe("test-editor");
    expect(codeOf(() => identityOf({ headers: {} } as never, verify))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it("a signer makes the header signIdentity makes, once per identity and second", () => {
    const sign = identitySigner(SECRET);
    const second = 1_800_000_000_000;
    const analyst = TEST_IDENTITIES.analyst;
    expect(sign(partner, second)).toBe(signIdentity(partner, SECRET, 60, second));
    expect(sign(partner, second + 999)).toBe(signIdentity(partner, SECRET, 60, second + 999));
    expect(sign(analyst, second + 999)).toBe(signIdentity(analyst, SECRET, 60, second + 999));
    // The next second: a header that expires a second later.
    expect(sign(partner, second + 1000)).toBe(signIdentity(partner, SECRET, 60, second + 1000));
    expect(sign(partner, second + 1000)).not.toBe(sign(partner, second));
    // Another partner (other customers) never gets the first one's header.
    const other = partnerIdentity("NWG-RETAIL");
    expect(verifyIdentity(sign(other), SECRET)).toEqual({ ...other, customerCodes: ["NWG-RETAIL"] });
  });

  it("a verifier accepts what verifyIdentity accepts, refuses what it refuses, and a header once accepted after it expires", () => {
    const verify = identityVerifier(SECRET);
    const now = Date.now();
    const token = signIdentity(partner, SECRET, 60, now);
    expect(verify(token, now)).toEqual(verifyIdentity(token, SECRET, now));
    expect(verify(token, now + 59_000)).toEqual(verifyIdentity(token, SECRET, now));
    const expiry = (Math.floor(now / 1000) + 60) * 1000;
    expect(codeOf(() => verify(token, expiry))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(codeOf(() => verify(token, now))).toBe("no error");
    for (const refused of [undefined, "garbage", signIdentity(partner, OTHER_SECRET), `${token.slice(0, -4)}AAAA`]) {
      expect(codeOf(() => verify(refused, now))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(codeOf(() => verify(refused, now))).toBe(ErrorCode.UNAUTHENTICATED);
    }
    // Another secret's verifier refuses the header this one accepted.
    expect(codeOf(() => identityVerifier(OTHER_SECRET)(token, now))).toBe(ErrorCode.UNAUTHENTICATED);
  });
});

describe("the @Authorized rule", () => {
  const info = { parentType: { name: "Query" }, fieldName: "agreements" } as unknown as GraphQLResolveInfo;
  const check = (identity: Identity, roles: Identity["role"][]) =>
    codeOf(() => authChecker({ context: { identity }, info, root: {}, args: {} }, roles));

  it("lets admin do anything and other roles what they are listed for", () => {
    expect(check(TEST_IDENTITIES.admin, ["editor"])).toBe("no error");
    expect(check(TEST_IDENTITIES.editor, ["editor", "admin"])).toBe("no error");
    expect(check(TEST_IDENTITIES.analyst, ["editor", "admin"])).toBe(ErrorCode.FORBIDDEN);
    expect(check(partner, ["analyst", "editor", "admin"])).toBe(ErrorCode.FORBIDDEN);
  });

  it("asks anonymous callers to sign in, and lets any signed-in role through an empty list", () => {
    expect(check(ANONYMOUS, ["analyst"])).toBe(ErrorCode.UNAUTHENTICATED);
    expect(check(ANONYMOUS, [])).toBe(ErrorCode.UNAUTHENTICATED);
    expect(check(partner, [])).toBe("no error");
  });
});

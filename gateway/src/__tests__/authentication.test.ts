import type { AuthenticationConfig } from "../config";
import { ConfigError, RequestRefused } from "@itsm/runtime";
import type { KeyLike } from "jose";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { createServer } from "node:http";
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAuthenticator, identityFromClaims } from "../authentication";

const SECRET = "unit-test-hs256-secret-0123456789abcdef";
const ISSUER = "https://idp.example.test/";
const AUDIENCE = "itsm-graph";

function settings(overrides: Partial<AuthenticationConfig> = {}): AuthenticationConfig {
  return {
    jwksUrl: undefined,
    publicKey: undefined,
    hs256Secret: SECRET,
    algorithms: undefined,
    issuer: ISSUER,
    audience: AUDIENCE,
    roleClaim: "role",
    customersClaim: "customers",
    clockToleranceSeconds: 5,
    anonymousAccess: "catalog",
    ...overrides,
  };
}

function request(authorization?: string): IncomingMessage {
  return {
    headers: authorization === undefined ? {} : { authorization },
    socket: { remoteAddress: "192.0.2.7" },
  } as unknown as IncomingMessage;
}

interface Signing {
  key?: KeyLike | Uint8Array;
  alg?: string;
  kid?: string;
  claims?: Record<string, unknown>;
  issuer?: string | null;
  audience?: string | null;
  expires?: string | number | null;
  notBefore?: string | number;
}

async function sign({
  key,
  alg = "HS256",
  kid,
  claims = { role: "analyst" },
  ...options
}: Signing = {}): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject("alice")
    .setIssuedAt();
  if (options.issuer !== null) jwt.setIssuer(options.issuer ?? ISSUER);
  if (options.audience !== null) jwt.setAudience(options.audience ?? AUDIENCE);
  if (options.expires !== null) jwt.setExpirationTime(options.expires ?? "5m");
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(key ?? new TextEncoder().encode(SECRET));
}

/** The refusal an authentication ends with (fails the test when it succeeds). */
async function refusal(promise: Promise<unknown>): Promise<RequestRefused> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof RequestRefused)) throw new Error(`expected a RequestRefused, got ${String(outcome)}`);
  return outcome;
}

describe("claims → identity", () => {
  const config = { roleClaim: "role", customersClaim: "customers" };

  it("maps sub and role; non-partners have no customer codes", () => {
    expect(identityFromClaims({ sub: "bob", role: "editor", customers: ["X"] }, config)).toEqual({
      subject: "bob",
      role: "editor",
      customerCodes: [],
    });
  });

  it("takes the most privileged known role of an array, case-insensitively, ignoring unknown ones", () => {
    expect(identityFromClaims({ sub: "a", role: ["offline_access", "Analyst", "editor"] }, config).role).toBe("editor");
  });

  it("reads a dotted path into objects (Keycloak's realm_access.roles)", () => {
    const identity = identityFromClaims(
      { sub: "k", realm_access: { roles: ["uma_authorization", "admin"] } },
      { roleClaim: "realm_access.roles", customersClaim: "customers" },
    );
    expect(identity.role).toBe("admin");
  });

  it("reads a namespaced claim whose name contains dots (Auth0)", () => {
    const identity = identityFromClaims(
      {
        sub: "z",
        "https://itsm.example.com/role": "partner",
        "https://itsm.example.com/customers": "ACME, GLOBEX  INITECH",
      },
      { roleClaim: "https://itsm.example.com/role", customersClaim: "https://itsm.example.com/customers" },
    );
    expect(identity).toEqual({ subject: "z", role: "partner", customerCodes: ["ACME", "GLOBEX", "INITECH"] });
  });

  it("refuses with 403 a token that names no known role, saying which claim", () => {
    let error: unknown;
    try {
      identityFromClaims({ sub: "a", role: "superuser" }, config);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequestRefused);
    expect(error).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((error as Error).message).toMatch(/"role" claim names no known role \(got superuser\)/);
  });

  it("never accepts 'anonymous' as a token role", () => {
    expect(() => identityFromClaims({ sub: "a", role: "anonymous" }, config)).toThrow(/no known role/);
  });

  it("refuses with 403 a partner token without customer codes", () => {
    expect(() => identityFromClaims({ sub: "p", role: "partner", customers: [] }, config)).toThrow(
      /partner token must list .* "customers" claim/,
    );
  });

  it("refuses with 401 a token without sub", () => {
    expect(() => identityFromClaims({ role: "admin" }, config)).toThrow(/no "sub" claim/);
  });
});

describe("an HS256 secret", () => {
  it("accepts a valid token: the identity, rate-limited by its subject", async () => {
    const authenticator = await createAuthenticator(settings());
    const caller = await authenticator.authenticate(request(`Bearer ${await sign()}`));
    expect(caller).toEqual({
      identity: { subject: "alice", role: "analyst", customerCodes: [] },
      rateKey: "sub:alice",
    });
  });

  it("makes a request without a token anonymous, rate-limited by its address", async () => {
    const caller = await (await createAuthenticator(settings())).authenticate(request());
    expect(caller).toEqual({ identity: expect.objectContaining({ role: "anonymous" }), rateKey: "ip:192.0.2.7" });
  });

  it("refuses a request without a token when ANONYMOUS_ACCESS=none, with WWW-Authenticate: Bearer", async () => {
    const authenticator = await createAuthenticator(settings({ anonymousAccess: "none" }));
    const error = await refusal(authenticator.authenticate(request()));
    expect(error).toMatchObject({ status: 401, code: "UNAUTHENTICATED", headers: { "www-authenticate": "Bearer" } });
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    ["expired", () => sign({ expires: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ["not yet valid (nbf)", () => sign({ notBefore: "10m" }), /nbf/],
    ["of another issuer", () => sign({ issuer: "https://evil.example/" }), /iss/],
    ["for another audience", () => sign({ audience: "another-api" }), /aud/],
    ["without exp", () => sign({ expires: null }), /exp/],
    ["signed with another secret (forged)", () => sign({ key: new TextEncoder().encode(`x${SECRET}`) }), /signature/],
    ["signed with HS512 (not accepted)", () => sign({ alg: "HS512" }), /algorithm/],
    [
      "with alg none",
      async () => {
        const [, payload] = (await sign()).split(".");
        return `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
      },
      /./,
    ],
    ["that is not a JWT", async () => "not.a.jwt", /malformed/],
  ])("refuses a token %s with 401 invalid_token", async (_what, make, reason) => {
    const authenticator = await createAuthenticator(settings());
    const error = await refusal(authenticator.authenticate(request(`Bearer ${await make()}`)));
    expect(error).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(error.message).toMatch(reason);
    expect(error.headers["www-authenticate"]).toMatch(/^Bearer error="invalid_token", error_description="[^"]+"$/);
  });

  it("tolerates AUTH_CLOCK_TOLERANCE_SECONDS of clock skew", async () => {
    const token = await sign({ expires: Math.floor(Date.now() / 1000) - 2 });
    await expect(
      (await createAuthenticator(settings())).authenticate(request(`Bearer ${token}`)),
    ).resolves.toBeDefined();
    const strict = await createAuthenticator(settings({ clockToleranceSeconds: 0 }));
    expect((await refusal(strict.authenticate(request(`Bearer ${token}`)))).message).toMatch(/expired/);
  });

  it("takes a token it verified on trust only until its exp: afterwards the same token is refused", async () => {
    jest.useFakeTimers({ now: Date.now() });
    try {
      const authenticator = await createAuthenticator(settings({ clockToleranceSeconds: 0 }));
      const token = await sign({ expires: Math.floor(Date.now() / 1000) + 30 });
      for (let i = 0; i < 3; i++) {
        expect((await authenticator.authenticate(request(`Bearer ${token}`))).identity.subject).toBe("alice");
      }
      jest.setSystemTime(Date.now() + 31_000);
      expect((await refusal(authenticator.authenticate(request(`Bearer ${token}`)))).message).toMatch(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });

  it("refuses an Authorization header of another scheme", async () => {
    const error = await refusal((await createAuthenticator(settings())).authenticate(request("Basic YWxpY2U6cHc=")));
    expect(error).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("refuses a valid token with an unknown role with 403", async () => {
    const token = await sign({ claims: { role: "janitor" } });
    const error = await refusal((await createAuthenticator(settings())).authenticate(request(`Bearer ${token}`)));
    expect(error).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("does not take an asymmetric algorithm for the secret", async () => {
    await expect(createAuthenticator(settings({ algorithms: ["RS256"] }))).rejects.toThrow(ConfigError);
  });
});

describe("no key configured", () => {
  it("is anonymous without a token, and refuses a token it cannot verify", async () => {
    const authenticator = await createAuthenticator(settings({ hs256Secret: undefined }));
    expect(authenticator.verifies).toBe(false);
    expect((await authenticator.authenticate(request())).identity.role).toBe("anonymous");
    const error = await refusal(authenticator.authenticate(request(`Bearer ${await sign()}`)));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/no identity provider configured/);
  });
});

describe("a PEM public key", () => {
  let privateKey: KeyLike;
  let pem: string;
  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey;
    pem = await exportSPKI(pair.publicKey);
  });

  it("accepts RS256 and PS256 tokens signed with the private key", async () => {
    const authenticator = await createAuthenticator(settings({ hs256Secret: undefined, publicKey: pem }));
    for (const alg of ["RS256", "PS256"]) {
      const token = await sign({ key: privateKey, alg, claims: { role: "partner", customers: ["ACME"] } });
      const caller = await authenticator.authenticate(request(`Bearer ${token}`));
      expect(caller.identity).toEqual({ subject: "alice", role: "partner", customerCodes: ["ACME"] });
    }
  });

  it("refuses an HS256 token keyed with the public key itself (algorithm confusion)", async () => {
    const authenticator = await createAuthenticator(settings({ hs256Secret: undefined, publicKey: pem }));
    const token = await sign({ key: new TextEncoder().encode(pem) });
    const error = await refusal(authenticator.authenticate(request(`Bearer ${token}`)));
    expect(error).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("refuses a token signed by another key", async () => {
    const other = await generateKeyPair("RS256");
    const authenticator = await createAuthenticator(settings({ hs256Secret: undefined, publicKey: pem }));
    const error = await refusal(
      authenticator.authenticate(request(`Bearer ${await sign({ key: other.privateKey, alg: "RS256" })}`)),
    );
    expect(error.message).toMatch(/signature/);
  });

  it("stops at start-up when AUTH_ALGORITHMS names HS256 (or none) with a public key", async () => {
    await expect(
      createAuthenticator(settings({ hs256Secret: undefined, publicKey: pem, algorithms: ["HS256"] })),
    ).rejects.toThrow(/AUTH_ALGORITHMS HS256 cannot be used with AUTH_PUBLIC_KEY/);
    await expect(
      createAuthenticator(settings({ hs256Secret: undefined, publicKey: pem, algorithms: ["none"] })),
    ).rejects.toThrow(ConfigError);
  });
});

describe("a JWKS URL", () => {
  let server: Server;
  let url: string;
  let fetches = 0;
  let signingKey: KeyLike;
  beforeAll(async () => {
    const pair = await generateKeyPair("ES256");
    signingKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "ES256", use: "sig" };
    server = createServer((_req, res) => {
      fetches++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("verifies tokens with the provider's keys, fetched once and cached", async () => {
    const authenticator = await createAuthenticator(settings({ hs256Secret: undefined, jwksUrl: url }));
    fetches = 0;
    for (let i = 0; i < 3; i++) {
      const token = await sign({ key: signingKey, alg: "ES256", kid: "key-1" });
      expect((await authenticator.authenticate(request(`Bearer ${token}`))).identity.subject).toBe("alice");
    }
    expect(fetches).toBe(1);
  });

  it("refuses a token whose kid no key of the provider has", async () => {
    const authenticator = await createAuthenticator(settings({ hs256Secret: undefined, jwksUrl: url }));
    const token = await sign({ key: signingKey, alg: "ES256", kid: "key-2" });
    const error = await refusal(authenticator.authenticate(request(`Bearer ${token}`)));
    expect(error).toMatchObject({ status: 401 });
    expect(error.message).toMatch(/no key of the identity provider/);
  });

  it("refuses an HS256 token (never HS* with public keys)", async () => {
    const authenticator = await createAuthenticator(settings({ hs256Secret: undefined, jwksUrl: url }));
    const error = await refusal(authenticator.authenticate(request(`Bearer ${await sign()}`)));
    expect(error).toMatchObject({ status: 401 });
  });

  it("answers 503 when the provider's keys cannot be fetched", async () => {
    const authenticator = await createAuthenticator(
      settings({ hs256Secret: undefined, jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json" }),
    );
    const token = await sign({ key: signingKey, alg: "ES256", kid: "key-1" });
    const error = await refusal(authenticator.authenticate(request(`Bearer ${token}`)));
    expect(error).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
  });
});

// Access control at the edge: bearer tokens at the gateway, the signed internal header at every
// subgraph, rate limits per subject, introspection for staff, trusted documents for partners.
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { ANONYMOUS, INTERNAL_IDENTITY_HEADER, signIdentity } from "@itsm/kit";
import { TEST_IDENTITIES, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import {
  as,
  Graph,
  ROOT,
  startedForSuite,
  startProcess,
  stopProcess,
  SUBGRAPH_NAMES,
  TEST_AUTH,
  token,
} from "./support/graph";

const graph = startedForSuite(new Graph());

const SERVICES = "{ services { totalCount } }";
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

/** Another gateway in front of the same subgraphs, with some settings of its own. */
async function gatewayWith(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return startProcess("gateway", {
    ...process.env,
    LOG_LEVEL: "silent",
    PORT: "0",
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, graph.subgraphUrl(name)])),
    ...env,
  });
}

async function postRaw(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

describe("bearer tokens at the gateway", () => {
  it("accepts a valid token", async () => {
    const response = await graph.query<{ agreements: { totalCount: number } }>(
      "{ agreements { totalCount } }",
      undefined,
      as("analyst"),
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data?.agreements.totalCount).toBeGreaterThan(0);
  });

  const alg = (header: Record<string, unknown>) => Buffer.from(JSON.stringify(header)).toString("base64url");
  it.each<[string, () => string, RegExp]>([
    [
      "forged (signed with another secret)",
      () => token("admin", [], { secret: `${TEST_AUTH.secret}-not` }),
      /signature/,
    ],
    ["expired", () => token("analyst", [], { expiresIn: -60 }), /expired/],
    ["of another issuer", () => token("analyst", [], { issuer: "https://evil.example/" }), /iss/],
    ["for another audience", () => token("analyst", [], { audience: "some-other-api" }), /aud/],
    [
      "with alg none",
      () => {
        const [, payload] = token("admin").split(".");
        return `${alg({ alg: "none", typ: "JWT" })}.${payload}.`;
      },
      /./,
    ],
    ["that is not a JWT", () => "garbage", /malformed/],
  ])("refuses a token %s: 401 UNAUTHENTICATED with WWW-Authenticate", async (_what, make, reason) => {
    const response = await postRaw(graph.gatewayUrl, { query: SERVICES }, bearer(make()));
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.body.errors?.[0].message).toMatch(reason);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token", error_description="/);
  });

  it("refuses a valid token whose role is unknown: 403 FORBIDDEN saying why", async () => {
    const response = await postRaw(graph.gatewayUrl, { query: SERVICES }, bearer(token("superuser")));
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/"role" claim names no known role \(got superuser\)/),
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("refuses a partner token without customer codes: 403 FORBIDDEN", async () => {
    const response = await postRaw(graph.gatewayUrl, { query: SERVICES }, bearer(token("partner")));
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0].message).toMatch(/customer codes/);
  });

  it("lets a request without a token through as anonymous (ANONYMOUS_ACCESS=catalog, the default)", async () => {
    const response = await graph.query<{ services: { totalCount: number } }>(SERVICES);
    expect(response.status).toBe(200);
    expect(response.data?.services.totalCount).toBeGreaterThan(0);
  });
});

describe("the subgraphs answer only requests the gateway signed", () => {
  const forged = signIdentity(TEST_IDENTITIES.admin, "a-secret-that-is-not-the-shared-one-at-all");
  const expired = signIdentity(TEST_IDENTITIES.admin, TEST_INTERNAL_SECRET, 60, Date.now() - 120_000);

  it.each(SUBGRAPH_NAMES)("%s: refuses no signature, a forged one and an expired one with 401", async (name) => {
    const url = graph.subgraphUrl(name);
    const cases: [string, Record<string, string>][] = [
      ["none", {}],
      ["forged", { [INTERNAL_IDENTITY_HEADER]: forged }],
      ["expired", { [INTERNAL_IDENTITY_HEADER]: expired }],
      ["a bearer token instead", as("admin")],
    ];
    for (const [what, headers] of cases) {
      const response = await postRaw(url, { query: "{ __typename }" }, headers);
      expect({ what, status: response.status, code: response.body.errors?.[0].extensions?.code }).toEqual({
        what,
        status: 401,
        code: "UNAUTHENTICATED",
      });
    }
    // The same request signed with the shared secret is answered.
    const signed = { [INTERNAL_IDENTITY_HEADER]: signIdentity(ANONYMOUS, TEST_INTERNAL_SECRET) };
    expect((await postRaw(url, { query: "{ __typename }" }, signed)).status).toBe(200);
  });
});

describe("introspection", () => {
  const INTROSPECTION = "{ __schema { queryType { name } } }";

  it.each(["analyst", "editor", "admin"] as const)("is allowed for %s", async (role) => {
    const response = await graph.query(INTROSPECTION, undefined, as(role));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("is refused for a partner (403 FORBIDDEN) and an anonymous caller (401 UNAUTHENTICATED)", async () => {
    const partner = await graph.query(INTROSPECTION, undefined, as("partner", ["ACME_RETAIL"]));
    expect(partner.status).toBe(403);
    expect(partner.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(partner.data).toBeUndefined();
    const anonymous = await graph.query('{ __type(name: "Service") { name } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("leaves __typename alone", async () => {
    const response = await graph.query("{ __typename }", undefined, as("partner", ["ACME_RETAIL"]));
    expect(response).toMatchObject({ status: 200, data: { __typename: "Query" } });
  });
});

describe("a gateway with ANONYMOUS_ACCESS=none and a small rate limit", () => {
  let gateway: { child: ChildProcess; url: string };
  beforeAll(async () => {
    gateway = await gatewayWith({ ANONYMOUS_ACCESS: "none", RATE_LIMIT_POINTS: "3", RATE_LIMIT_WINDOW_SECONDS: "2" });
  }, 60_000);
  afterAll(() => stopProcess(gateway.child));

  it("refuses a request without a token: 401 with WWW-Authenticate: Bearer", async () => {
    const response = await postRaw(gateway.url, { query: SERVICES });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(response.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("limits each subject on its own: one over the limit gets 429, another is unaffected, and the first recovers", async () => {
    const alice = bearer(token("analyst", [], { subject: "alice" }));
    // Another token of alice's, from the same address: the bucket is the subject's.
    const aliceAgain = bearer(token("editor", [], { subject: "alice" }));
    const bob = bearer(token("analyst", [], { subject: "bob" }));
    const statuses: number[] = [];
    for (const headers of [alice, alice, aliceAgain, alice]) {
      statuses.push((await postRaw(gateway.url, { query: SERVICES }, headers)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await postRaw(gateway.url, { query: SERVICES }, alice);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0].extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    expect((await postRaw(gateway.url, { query: SERVICES }, bob)).status).toBe(200);

    await new Promise((r) => setTimeout(r, 2_100));
    expect((await postRaw(gateway.url, { query: SERVICES }, alice)).status).toBe(200);
  });

  it("counts refused tokens against the caller's address", async () => {
    await new Promise((r) => setTimeout(r, 2_100));
    const forged = bearer(token("admin", [], { secret: `${TEST_AUTH.secret}-not` }));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postRaw(gateway.url, { query: SERVICES }, forged)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // A verified subject has its own bucket, untouched by the address's refusals.
    expect(
      (await postRaw(gateway.url, { query: SERVICES }, bearer(token("analyst", [], { subject: "carol" })))).status,
    ).toBe(200);
  });
});

describe("trusted documents (TRUSTED_DOCUMENTS_PATH)", () => {
  const MANIFEST = join(ROOT, "gateway", "trusted-documents.example.json");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the committed manifest, read as the gateway reads it
  const manifest = require(MANIFEST) as { operations: { id: string; name: string; body: string }[] };
  const catalogue = manifest.operations.find((o) => o.name === "ServiceCatalogue")!;
  const byId = (id: string, variables?: Record<string, unknown>) => ({
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: id } },
  });
  const PARTNER = as("partner", ["ACME_RETAIL"]);

  let gateway: { child: ChildProcess; url: string };
  beforeAll(async () => {
    gateway = await gatewayWith({ TRUSTED_DOCUMENTS_PATH: MANIFEST });
  }, 60_000);
  afterAll(() => stopProcess(gateway.child));

  it("the manifest's ids are the SHA-256 of the bodies", () => {
    for (const operation of manifest.operations) {
      expect(createHash("sha256").update(operation.body).digest("hex")).toBe(operation.id);
    }
  });

  it("runs a manifest operation named by id for a partner and an anonymous caller", async () => {
    for (const headers of [PARTNER, {}]) {
      const response = await postRaw(gateway.url, byId(catalogue.id, { first: 5 }), headers);
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect((response.body.data?.services as { totalCount: number }).totalCount).toBeGreaterThan(0);
    }
  });

  it("refuses a partner's free-form query: 400 PERSISTED_QUERY_ID_REQUIRED, nothing runs", async () => {
    for (const headers of [PARTNER, {}]) {
      const response = await postRaw(gateway.url, { query: catalogue.body }, headers);
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_ID_REQUIRED");
      expect(response.body.data).toBeUndefined();
    }
  });

  it("refuses an id that is not in the manifest: 400 PERSISTED_QUERY_NOT_IN_LIST", async () => {
    const unknown = createHash("sha256").update("{ customers { totalCount } }").digest("hex");
    const response = await postRaw(gateway.url, byId(unknown), PARTNER);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });

  it("keeps free-form queries (and ids) for staff", async () => {
    const freeForm = await postRaw(gateway.url, { query: "{ agreements { totalCount } }" }, as("analyst"));
    expect(freeForm.status).toBe(200);
    expect(freeForm.body.errors).toBeUndefined();
    const persisted = await postRaw(gateway.url, byId(catalogue.id), as("analyst"));
    expect(persisted.body.errors).toBeUndefined();
  });
});

import { INTERNAL_IDENTITY_HEADER, loadTestDatabaseSettings } from "@itsm/kit";
import { TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import { freePort } from "@itsm/runtime";
import { Graph, signedAs, startedForSuite, startProcess, TEST_AUTH, TEST_DRIVER, token } from "./support/graph";

// A representative day of requests against a graph that logs everything it would log (debug), then a
// search of every log line and every answer for the secrets involved: none may appear.
const graph = startedForSuite(new Graph({ env: { LOG_LEVEL: "debug" } }));

const FORGERY_SECRET = "an-attackers-guess-at-the-secret-0123456789";
const DB_PASSWORD = "db-password-never-to-be-seen-4711";
const tokens = {
  admin: token("admin"),
  editor: token("editor"),
  analyst: token("analyst"),
  partner: token("partner", ["FINANCE"]),
  forged: token("admin", [], { secret: FORGERY_SECRET }),
  expired: token("editor", [], { expiresIn: -120 }),
  wrongAudience: token("admin", [], { audience: "someone-else" }),
  unknownRole: token("superuser"),
  algNone: `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${
    token("admin").split(".")[1]
  }.`,
};
const identityHeaders = [
  signedAs({ subject: "e2e-editor", role: "editor", customerCodes: [] })[INTERNAL_IDENTITY_HEADER],
  // Signed with the wrong secret: the subgraph must refuse it without echoing it.
  signedAs({ subject: "e2e-admin", role: "admin", customerCodes: [] })[INTERNAL_IDENTITY_HEADER].replace(
    /\.[^.]+$/,
    ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  ),
];

const answers: { request: string; text: string }[] = [];

async function send(url: string, label: string, query: string, headers: Record<string, string> = {}, variables = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const headerText = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  answers.push({ request: label, text: `${response.status}\n${headerText}\n${await response.text()}` });
}

const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
const SERVICE_INPUT = {
  input: {
    code: "SECRETS_TEST",
    name: "Secrets test",
    description: "Written by the secrets test.",
    category: "Business Applications",
    type: "CUSTOMER_FACING",
    lifecycle: "LIVE",
    criticality: "LOW",
    owner: "Test",
    monthlyCost: { amount: "1", currency: "EUR" },
  },
};
const CREATE_SERVICE = `mutation ($input: CreateServiceInput!) { createService(input: $input) { id } }`;

test("no token, identity signature, secret or database password is ever logged or returned", async () => {
  const gateway = graph.gatewayUrl;
  const catalogQuery = `{ services(first: 3) { nodes { code name } } }`;
  const crossQuery = `{ agreements(first: 2) { nodes { number provider { code } customers { code } } } }`;
  // Valid tokens of every role, reads across subgraphs, partner scoping.
  for (const role of ["admin", "editor", "analyst", "partner"] as const) {
    await send(gateway, `${role} reads`, crossQuery, bearer(tokens[role]));
  }
  await send(gateway, "anonymous read", catalogQuery);
  // Refused tokens.
  for (const name of ["forged", "expired", "wrongAudience", "unknownRole", "algNone"] as const) {
    await send(gateway, `${name} token`, catalogQuery, bearer(tokens[name]));
  }
  await send(gateway, "basic scheme", catalogQuery, { authorization: `Basic ${tokens.admin}` });
  // Refused mutations: wrong role, anonymous, invalid input, a reference that does not exist (checked by another subgraph).
  await send(gateway, "partner mutation", CREATE_SERVICE, bearer(tokens.partner), SERVICE_INPUT);
  await send(gateway, "anonymous mutation", CREATE_SERVICE, {}, SERVICE_INPUT);
  await send(gateway, "invalid mutation", CREATE_SERVICE, bearer(tokens.editor), {
    input: { ...SERVICE_INPUT.input, code: "lower case", monthlyCost: { amount: "-1", currency: "XXX" } },
  });
  await send(
    gateway,
    "dangling reference",
    `mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`,
    bearer(tokens.editor),
    {
      input: {
        number: "SLA-SECRETS-1",
        title: "Agreement",
        description: "Refused.",
        type: "SLA",
        effectiveFrom: "2026-01-01",
        effectiveTo: "2027-01-01",
        providerId: "UHJvdmlkZXI6bm9uZQ",
        customerIds: ["Q3VzdG9tZXI6bm9uZQ"],
        services: [],
      },
    },
  );
  await send(gateway, "accepted mutation", CREATE_SERVICE, bearer(tokens.editor), SERVICE_INPUT);
  await send(gateway, "introspection as partner", `{ __schema { types { name } } }`, bearer(tokens.partner));
  await send(gateway, "syntax error", `{ services(first: `, bearer(tokens.admin));
  // Subgraphs reached directly: no signature, a forged one, a valid one.
  const catalog = graph.subgraphUrl("catalog");
  await send(catalog, "direct, unsigned", catalogQuery, bearer(tokens.admin));
  await send(catalog, "direct, forged signature", catalogQuery, { [INTERNAL_IDENTITY_HEADER]: identityHeaders[1] });
  await send(catalog, "direct, signed", catalogQuery, { [INTERNAL_IDENTITY_HEADER]: identityHeaders[0] });
  // A subgraph down: the gateway answers with the others' data and an error; then it comes back.
  await graph.kill("customers");
  await send(gateway, "customers down", crossQuery, bearer(tokens.admin));
  await send(gateway, "customers down, mutation", CREATE_SERVICE, bearer(tokens.editor), {
    input: { ...SERVICE_INPUT.input, code: "SECRETS_TEST_2" },
  });
  await graph.startSubgraph("customers");
  await send(gateway, "customers back", crossQuery, bearer(tokens.admin));

  // A subgraph whose database refuses its password: the start-up error must not carry the password.
  const refusedStart = await startProcess(
    "customers",
    {
      ...process.env,
      LOG_LEVEL: "debug",
      CUSTOMERS_PORT: String(await freePort()),
      CUSTOMERS_DATABASE_URL: `mysql://itsm:${DB_PASSWORD}@127.0.0.1:${await freePort()}/itsm_customers`,
    },
    30_000,
  ).then(
    () => "started",
    (error: Error) => error.message,
  );
  expect(refusedStart).not.toBe("started");

  const databasePasswords = [DB_PASSWORD];
  if (TEST_DRIVER === "mariadb") {
    const urls = [...graph.databaseUrls.values(), loadTestDatabaseSettings().serverUrl ?? ""];
    for (const url of urls)
      if (url && new URL(url).password) databasePasswords.push(decodeURIComponent(new URL(url).password));
  }
  const secrets: [string, string][] = [
    ...Object.entries(tokens).map(([name, value]): [string, string] => [`${name} token`, value]),
    ...Object.entries(tokens).map(([name, value]): [string, string] => [
      `${name} token's signature`,
      value.split(".")[2],
    ]),
    ...identityHeaders.map((value, i): [string, string] => [`identity header ${i}`, value]),
    ["INTERNAL_AUTH_SECRET", TEST_INTERNAL_SECRET],
    ["AUTH_HS256_SECRET", TEST_AUTH.secret],
    ["the forger's secret", FORGERY_SECRET],
    ...databasePasswords.map((p): [string, string] => ["database password", p]),
  ].filter(([, value]) => value.length >= 8) as [string, string][];
  // Shapes of any token or signed identity, also those the gateway and subgraphs made themselves.
  const shapes: [string, RegExp][] = [
    ["a JWT", /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/],
    ["a signed identity (x-itsm-identity)", /\bv1\.eyJ[\w-]{8,}\.[\w-]{43}\b/],
    // Any URL with a password (a database URL), whatever the password's length.
    ["a URL with a password", /\b[a-z][\w+.-]*:\/\/[^\s/:@"']+:[^\s/@"']+@/i],
  ];

  const places = [
    ...graph.logs().map(({ name, line }) => ({ where: `${name} log`, text: line })),
    { where: "refused start-up", text: refusedStart },
    ...answers.map(({ request, text }) => ({ where: `answer to ${request}`, text })),
  ];
  expect(graph.logs().length).toBeGreaterThan(20); // the search has something to search
  const found: string[] = [];
  for (const { where, text } of places) {
    for (const [name, value] of secrets)
      if (text.includes(value)) found.push(`${name} in ${where}: ${text.slice(0, 300)}`);
    for (const [name, shape] of shapes) if (shape.test(text)) found.push(`${name} in ${where}: ${text.slice(0, 300)}`);
  }
  expect(found).toEqual([]);
}, 180_000);

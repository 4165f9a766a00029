import { ConfigError } from "@itsm/runtime";
import { parse } from "graphql";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asksForSchema } from "../introspection.plugin";
import { documentId, loadTrustedDocuments } from "../trusted-documents.plugin";

const dir = mkdtempSync(join(tmpdir(), "itsm-manifest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BODY = "query LiveServices { services { nodes { code } } }";

function manifestFile(content: unknown, name = "manifest.json"): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const operation = (body: string, overrides: Record<string, unknown> = {}) => ({
  id: documentId(body),
  name: "LiveServices",
  type: "query",
  body,
  ...overrides,
});
const manifest = (operations: unknown[]) => ({ format: "apollo-persisted-query-manifest", version: 1, operations });

describe("the trusted documents manifest", () => {
  it("loads an Apollo persisted-query manifest, by id", () => {
    const documents = loadTrustedDocuments(manifestFile(manifest([operation(BODY)])));
    expect([...documents.keys()]).toEqual([documentId(BODY)]);
    expect(documents.get(documentId(BODY))).toMatchObject({ name: "LiveServices", type: "query", body: BODY });
  });

  it("ids are the SHA-256 hex of the body, as Apollo's generator makes them", () => {
    expect(documentId("{ __typename }")).toBe("7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b");
  });

  it.each<[string, unknown, RegExp]>([
    ["is not JSON", "{ nope", /cannot read it as JSON/],
    [
      "is another format",
      { format: "something-else", version: 1, operations: [] },
      /not an Apollo persisted-query manifest/,
    ],
    ["is another version", { format: "apollo-persisted-query-manifest", version: 2, operations: [] }, /not an Apollo/],
    [
      "has an id that is not the body's hash",
      manifest([operation(BODY, { id: "0".repeat(64) })]),
      /not the SHA-256 hex/,
    ],
    ["repeats an id", manifest([operation(BODY), operation(BODY)]), /repeats the id/],
    ["has an operation of an unknown type", manifest([operation(BODY, { type: "select" })]), /has type select/],
    ["has an operation without a body", manifest([{ id: "x", name: "X", type: "query" }]), /string id, name and body/],
    ["has a body that is not GraphQL", manifest([operation("query { services {")]), /not valid GraphQL/],
  ])("stops the gateway when the file %s, naming TRUSTED_DOCUMENTS_PATH", (_what, content, reason) => {
    const path = manifestFile(content, "bad.json");
    let error: unknown;
    try {
      loadTrustedDocuments(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`TRUSTED_DOCUMENTS_PATH=${path}`);
    expect((error as Error).message).toMatch(reason);
  });

  it("stops the gateway when the file is missing", () => {
    expect(() => loadTrustedDocuments(join(dir, "absent.json"))).toThrow(
      /TRUSTED_DOCUMENTS_PATH=.*absent\.json: cannot read/,
    );
  });

  it("the committed example manifest is valid", () => {
    expect(loadTrustedDocuments(join(__dirname, "..", "..", "trusted-documents.example.json")).size).toBeGreaterThan(0);
  });
});

describe("what counts as introspection", () => {
  it.each([
    ["{ __schema { types { name } } }", true],
    ['{ __type(name: "Service") { name } }', true],
    ["query { ...F } fragment F on Query { __schema { queryType { name } } }", true],
    ["{ __typename services { nodes { __typename code } } }", false],
  ])("%s → %s", (query, expected) => {
    expect(asksForSchema(parse(query))).toBe(expected);
  });
});

// CI's schema check (`npm run schema:diff`, scripts/schema-diff.mjs) end to end: the committed
// graph passes against the release snapshot; a field's type changed in a copy of a subgraph's
// schema fails it with the change named, until CHANGELOG.md announces it.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const SCRIPT = join(ROOT, "scripts", "schema-diff.mjs");
const SUBGRAPHS = ["catalog", "customers", "agreements", "operations"];

function schemaDiff(...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm run schema:diff", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "itsm-schema-diff-"));
    for (const name of SUBGRAPHS) copyFileSync(join(ROOT, "schema", `${name}.graphql`), join(dir, `${name}.graphql`));
    copyFileSync(join(ROOT, "CHANGELOG.md"), join(dir, "CHANGELOG.md"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Replaces text in a file of the temporary copy (it must be there once). */
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(dir, file), "utf8");
    expect(text.split(from)).toHaveLength(2);
    writeFileSync(join(dir, file), text.replace(from, to));
  };

  it("passes on the committed graph: the release's breaking changes are all announced", () => {
    const committed = schemaDiff();
    expect(committed.output).toContain("Public API compared with release 5b8d44c");
    expect(committed.output).toMatch(/breaking, announced AgreementLinkInput: Type 'AgreementLinkInput' was removed/);
    expect(committed.output).toMatch(/dangerous AgreementStatus\.SCHEDULED/);
    expect(committed.output).not.toContain("NOT ANNOUNCED");
    expect(committed.status).toBe(0);
    // The same subgraphs composed from a folder give the same answer.
    expect(schemaDiff("--subgraphs", dir, "--changelog", join(dir, "CHANGELOG.md")).status).toBe(0);
  });

  it("fails when a subgraph changes a field's type, naming the change, until the CHANGELOG announces it", () => {
    edit(
      "catalog.graphql",
      'integrations refer to.\n  """\n  code: String!',
      'integrations refer to.\n  """\n  code: Int!',
    );
    const changelog = join(dir, "CHANGELOG.md");
    const failed = schemaDiff("--subgraphs", dir, "--changelog", changelog);
    expect(failed.status).toBe(1);
    expect(failed.output).toContain(
      "✗ BREAKING, NOT ANNOUNCED Service.code: Field 'Service.code' changed type from 'String!' to 'Int!'",
    );
    expect(failed.output).toContain("1 breaking change(s) not announced");

    // Announced anywhere but in the Unreleased "### Breaking" list does not count.
    edit("CHANGELOG.md", "### Added\n", "### Added\n\n- `Service.code` is an Int now.\n");
    expect(schemaDiff("--subgraphs", dir, "--changelog", changelog).status).toBe(1);
    edit("CHANGELOG.md", "### Breaking\n", "### Breaking\n\n- `Service.code` is an Int now: send numbers.\n");
    const announced = schemaDiff("--subgraphs", dir, "--changelog", changelog);
    expect(announced.output).toContain("breaking, announced Service.code");
    expect(announced.status).toBe(0);
  });

  it("fails on a removed field and accepts a deprecated one", () => {
    const changelog = join(dir, "CHANGELOG.md");
    const name = '  code: String!\n\n  """Display name."""\n  name: String!';
    edit("catalog.graphql", name, `${name} @deprecated(reason: "Use code.")`);
    expect(schemaDiff("--subgraphs", dir, "--changelog", changelog).status).toBe(0);
    edit("catalog.graphql", `${name} @deprecated(reason: "Use code.")`, "  code: String!");
    const removed = schemaDiff("--subgraphs", dir, "--changelog", changelog);
    expect(removed.status).toBe(1);
    expect(removed.output).toMatch(/✗ BREAKING, NOT ANNOUNCED Service\.name: .*'name'.* removed/);
  });
});

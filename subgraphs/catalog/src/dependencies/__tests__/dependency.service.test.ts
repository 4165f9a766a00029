import { sampleId } from "@itsm/kit";
import { TestServer } from "@itsm/kit/testing";
import { sampleServices } from "../../sample/catalog.sample";
import { createServer } from "../../server";
import { DependencyService } from "../dependency.service";

const t = new TestServer("catalog", createServer);
/** The service under test, over the test server's database. */
const services = () => new DependencyService(t.server.dataSource);

describe("DependencyService.impactedServiceIdsOf", () => {
  it("finds every service depending on a component, at any depth", async () => {
    // Expected closure computed independently from the sample definition.
    const users = sampleServices.filter((s) => s.components.includes("dc-frankfurt")).map((s) => s.code);
    const expected = new Set(users);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of sampleServices) {
        if (!expected.has(s.code) && s.dependsOn.some((d) => expected.has(d))) {
          expected.add(s.code);
          grew = true;
        }
      }
    }
    const [impacted] = await services().impactedServiceIdsOf([sampleId.component("dc-frankfurt")]);
    expect(new Set(impacted)).toEqual(new Set([...expected].map(sampleId.service)));
    expect(expected.size).toBeGreaterThan(users.length);
  });

  it("answers many components at once, each with its own closure and no repeats", async () => {
    const codes = ["dc-frankfurt", ...new Set(sampleServices.flatMap((s) => s.components))].slice(0, 6);
    const together = await services().impactedServiceIdsOf(codes.map(sampleId.component));
    const alone = await Promise.all(
      codes.map(async (c) => (await services().impactedServiceIdsOf([sampleId.component(c)]))[0]),
    );
    expect(together.map((ids) => [...ids].sort())).toEqual(alone.map((ids) => [...ids].sort()));
    for (const ids of together) expect(new Set(ids).size).toBe(ids.length);
  });

  it("returns nothing for an unknown component", async () => {
    expect(await services().impactedServiceIdsOf(["nope"])).toEqual([[]]);
  });
});

describe("DependencyService.dependencyClosureIdsOf", () => {
  /** The closure computed independently from the sample definition. */
  function closureOf(code: string): Set<string> {
    const byCode = new Map(sampleServices.map((s) => [s.code, s]));
    const found = new Set<string>();
    const walk = (c: string) => {
      for (const d of byCode.get(c)?.dependsOn ?? []) {
        if (found.has(d)) continue;
        found.add(d);
        walk(d);
      }
    };
    walk(code);
    return found;
  }

  it("finds every service a service depends on, at any depth, without itself", async () => {
    const expected = closureOf("ERP");
    expect(expected.size).toBeGreaterThan(sampleServices.find((s) => s.code === "ERP")!.dependsOn.length);
    const [closure] = await services().dependencyClosureIdsOf([sampleId.service("ERP")]);
    expect(new Set(closure)).toEqual(new Set([...expected].map(sampleId.service)));
    expect(closure).toHaveLength(expected.size);
  });

  it("answers many services at once, each with its own closure", async () => {
    const codes = sampleServices.map((s) => s.code);
    const together = await services().dependencyClosureIdsOf(codes.map(sampleId.service));
    together.forEach((ids, i) => expect(new Set(ids)).toEqual(new Set([...closureOf(codes[i])].map(sampleId.service))));
  });

  it("returns nothing for an unknown service", async () => {
    expect(await services().dependencyClosureIdsOf(["nope"])).toEqual([[]]);
  });
});

import { OperationSelection, sampleId, toPageRequest } from "@itsm/kit";
import { TestServer } from "@itsm/kit/testing";
import { ServiceLifecycle } from "../service.enums";
import { sampleServices } from "../../sample/catalog.sample";
import { createServer } from "../../server";
import { ServiceService } from "../service.service";

const t = new TestServer("catalog", createServer);
/** The service under test, over the test server's database. */
const services = () => new ServiceService(t.server.dataSource);

describe("ServiceService.list", () => {
  it("pages through every service exactly once, in code order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await services().list(null, toPageRequest({ first: 4, after }), "all");
      seen.push(...page.nodes.map((s) => s.code));
      expect(await page.totalCount).toBe(sampleServices.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(sampleServices.map((s) => s.code).sort());
  });

  it("combines filters", async () => {
    const page = await services().list(
      { lifecycle: [ServiceLifecycle.PIPELINE] },
      toPageRequest({ first: 100 }),
      "all",
    );
    const expected = sampleServices.filter((s) => s.lifecycle === ServiceLifecycle.PIPELINE).map((s) => s.code);
    expect(page.nodes.map((s) => s.code)).toEqual(expected.sort());
  });

  it("matches search text literally, wildcards included", async () => {
    const mail = await services().list({ search: "mail" }, toPageRequest({ first: 100 }), "all");
    expect(mail.nodes.map((s) => s.code)).toContain("EMAIL");
    const wildcard = await services().list({ search: "%" }, toPageRequest({ first: 100 }), "all");
    expect(wildcard.nodes).toEqual([]);
  });

  it("keeps to the LIVE catalogue in the live scope, totalCount included, whatever the filter asks", async () => {
    const live = sampleServices.filter((s) => s.lifecycle === ServiceLifecycle.LIVE).map((s) => s.code);
    expect(live.length).toBeLessThan(sampleServices.length);
    const page = await services().list(null, toPageRequest({ first: 100 }), "live");
    expect(page.nodes.map((s) => s.code)).toEqual(live.sort());
    expect(await page.totalCount).toBe(live.length);
    const retired = await services().list(
      { lifecycle: [ServiceLifecycle.RETIRED] },
      toPageRequest({ first: 100 }),
      "live",
    );
    expect(retired.nodes).toEqual([]);
    expect(await retired.totalCount).toBe(0);
  });

  it("treats an empty list filter as matching nothing", async () => {
    const page = await services().list({ codes: [] }, toPageRequest({ first: 10 }), "all");
    expect(page.nodes).toEqual([]);
    expect(await page.totalCount).toBe(0);
  });
});

describe("ServiceService.selectedByIds / byCodes", () => {
  it("answers null for a service out of scope, aligned with the keys", async () => {
    // The executor records nothing here: whole rows.
    const unknown = new OperationSelection();
    const ids = [sampleId.service("PRINT"), sampleId.service("EMAIL"), sampleId.service("ZTNA")];
    expect((await services().selectedByIds(ids, "all", unknown)).map((s) => s?.code ?? null)).toEqual([
      "PRINT",
      "EMAIL",
      "ZTNA",
    ]);
    expect((await services().selectedByIds(ids, "live", unknown)).map((s) => s?.code ?? null)).toEqual([
      null,
      "EMAIL",
      null,
    ]);
    expect((await services().byCodes(["ZTNA", "ERP"], "live")).map((s) => s?.code ?? null)).toEqual([null, "ERP"]);
  });
});

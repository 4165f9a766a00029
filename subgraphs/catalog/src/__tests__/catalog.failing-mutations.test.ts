import { changesFailingLateWriteNothing, dataOf } from "@itsm/kit/testing";
import { CatalogHarness } from "./support/harness";
import { newServiceInput } from "./support/services";

// Every catalog mutation writes its change and its history entry in one transaction: when the
// history write fails, after everything else was written, nothing of the change may remain.
const t = new CatalogHarness();

const execute = (name: string, input: Record<string, unknown>) => t.mutate(name, input, "id version");

async function created(name: "createService" | "createComponent", input: Record<string, unknown>) {
  return dataOf<{ id: string }>(await execute(name, input), name);
}

const newComponentInput = (name: string) => ({ name, kind: "DATA", description: "A component made by a test." });

describe("a failing catalog mutation", () => {
  it("leaves every table as it was, even when it fails after writing", async () => {
    const [a, b] = [
      await created("createService", newServiceInput()),
      await created("createService", newServiceInput()),
    ];
    const component = await created("createComponent", newComponentInput("Test Component"));
    await changesFailingLateWriteNothing(t.server.dataSource, [
      () => execute("addServiceDependency", { serviceId: a.id, dependsOnId: b.id, expectedVersion: 1 }),
      () => execute("createService", newServiceInput()),
      () => execute("updateService", { id: a.id, expectedVersion: 1, name: "Never Renamed" }),
      () => execute("setServiceLifecycle", { id: a.id, lifecycle: "LIVE", expectedVersion: 1 }),
      () => execute("attachComponent", { serviceId: a.id, componentId: component.id, expectedVersion: 1 }),
      () => execute("createComponent", newComponentInput("Never Made")),
      () => execute("updateComponent", { id: component.id, expectedVersion: 1, name: "Never Renamed" }),
    ]);
  });

  it("leaves a component attached when detaching it fails after writing", async () => {
    const [service, component] = [
      await created("createService", newServiceInput()),
      await created("createComponent", newComponentInput("Test Component")),
    ];
    dataOf(await execute("attachComponent", { serviceId: service.id, componentId: component.id }), "attachComponent");
    await changesFailingLateWriteNothing(t.server.dataSource, [
      () => execute("detachComponent", { serviceId: service.id, componentId: component.id }),
    ]);
  });
});

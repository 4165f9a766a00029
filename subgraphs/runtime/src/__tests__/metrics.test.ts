import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Metrics } from "../observability";

// A full collection on demand: the flag lets a fresh context see gc().
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

async function liveAfterFullGc(metrics: Metrics): Promise<number> {
  collect();
  // The observer hears of the collection on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const text = await metrics.registry.metrics();
  const line = text.split("\n").find((l) => l.startsWith("nodejs_heap_live_after_full_gc_bytes{"));
  return Number(line?.split(" ").pop());
}

describe("the live heap after a full collection", () => {
  it("rises with what the process keeps and falls when it lets go, whatever else the registry counts", async () => {
    const metrics = new Metrics("test");
    const before = await liveAfterFullGc(metrics);
    expect(before).toBeGreaterThan(0);
    let kept: number[][] | undefined = Array.from({ length: 64 }, () => new Array<number>(65_536).fill(1.5));
    const holding = await liveAfterFullGc(metrics);
    // 64 arrays of 64 Ki doubles: 32 MiB.
    expect(holding - before).toBeGreaterThan(30 * 2 ** 20);
    expect(kept.length).toBe(64);
    kept = undefined;
    const after = await liveAfterFullGc(metrics);
    expect(holding - after).toBeGreaterThan(30 * 2 ** 20);
    // A second registry in the process reads the same figure.
    expect(await liveAfterFullGc(new Metrics("other"))).toBeLessThan(holding);
  });
});

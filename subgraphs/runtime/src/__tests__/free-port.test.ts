import { createServer } from "node:net";
import type { Server } from "node:net";
import { canBind, ephemeralRangeStart, freePort, PortPicker } from "../http/free-port";

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

describe("freePort", () => {
  it("picks below the kernel's ephemeral range, where outgoing connections never take a port", async () => {
    const start = ephemeralRangeStart();
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(start);
    }
  });

  it("never hands out the same port twice in a process, even once it is free again", async () => {
    const picker = new PortPicker(20_000, 23_000, 7, async () => true);
    const seen = new Set<number>();
    for (let i = 0; i < 3_000; i++) seen.add(await picker.pick());
    expect(seen.size).toBe(3_000);
    await expect(picker.pick()).rejects.toThrow("no free port on 127.0.0.1 between 20000 and 22999");
  });

  it("skips a port that something already listens on", async () => {
    const taken = await freePort();
    const server = await listenOn(taken);
    try {
      expect(await canBind(taken, "127.0.0.1")).toBe(false);
      // A picker whose walk starts at the taken port moves past it.
      const picker = new PortPicker(taken, taken + 2_000, 0);
      expect(await picker.pick()).toBe(taken + 1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await canBind(taken, "127.0.0.1")).toBe(true);
  });

  it("starts different processes' walks far apart", async () => {
    const firstPort = (pid: number) => new PortPicker(20_000, 32_768, pid, async () => true).pick();
    const ports = await Promise.all([1000, 1001, 1002, 1003].map(firstPort));
    ports.sort((a, b) => a - b);
    for (let i = 1; i < ports.length; i++) expect(ports[i] - ports[i - 1]).toBeGreaterThan(100);
  });

  it("reads the start of the ephemeral range, with Linux's default when it cannot", () => {
    expect(ephemeralRangeStart(() => "32768\t60999\n")).toBe(32_768);
    expect(ephemeralRangeStart(() => "40000 50000")).toBe(40_000);
    expect(ephemeralRangeStart(() => "garbage")).toBe(32_768);
    expect(
      ephemeralRangeStart(() => {
        throw new Error("ENOENT");
      }),
    ).toBe(32_768);
  });

  it("falls back to a port the kernel picks when too few lie below the range", async () => {
    const picker = new PortPicker(20_000, 20_500, 1, async () => false);
    const port = await picker.pick();
    expect(port).toBeGreaterThan(0);
    expect(await canBind(port, "127.0.0.1")).toBe(true);
  });
});

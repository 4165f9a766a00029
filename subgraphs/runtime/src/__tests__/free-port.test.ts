import { createServer } from "node:net";
import type { Server } from "node:net";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canBind, ephemeralRangeStart, freePort, PortClaims, PortPicker } from "../http/free-port";

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const everyPortFree = async () => true;
const claimNothing = { claim: () => true };

describe("freePort", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "itsm-port-claims-test-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("picks below the kernel's ephemeral range, where outgoing connections never take a port", async () => {
    const start = ephemeralRangeStart();
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(start);
    }
  });

  it("never hands out the same port twice in a process, even once it is free again", async () => {
    const picker = new PortPicker({ low: 20_000, high: 23_000, claims: claimNothing, bindable: everyPortFree });
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
      // A range of two ports, one of them taken: the picker hands out the other, wherever it starts.
      const low = taken % 2 === 0 ? taken : taken - 1;
      const picker = new PortPicker({ low, high: low + 2, claims: claimNothing, enough: 2 });
      expect(await picker.pick()).toBe(taken === low ? low + 1 : low);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await canBind(taken, "127.0.0.1")).toBe(true);
  });

  it("skips a port another picker claimed, although nothing listens on it (another module copy, another process)", async () => {
    // Two pickers over the same 2,000 ports (as a jest global setup and a test file in one process).
    const first = new PortPicker({ low: 20_000, high: 22_000, claims: new PortClaims(dir), bindable: everyPortFree });
    const second = new PortPicker({ low: 20_000, high: 22_000, claims: new PortClaims(dir), bindable: everyPortFree });
    const fromFirst = new Set<number>();
    for (let i = 0; i < 1_000; i++) fromFirst.add(await first.pick());
    for (let i = 0; i < 1_000; i++) expect(fromFirst.has(await second.pick())).toBe(false);
    await expect(second.pick()).rejects.toThrow("no free port");
  });

  it("takes over the claim of a process that has ended, never a live one's", () => {
    const claims = new PortClaims(dir);
    writeFileSync(join(dir, "21000"), "2147483646"); // no such process
    writeFileSync(join(dir, "21001"), String(process.ppid)); // alive
    expect(claims.claim(21_000)).toBe(true);
    expect(claims.claim(21_001)).toBe(false);
    expect(claims.claim(21_002)).toBe(true);
    expect(new PortClaims(dir, 1).claim(21_002)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["21000", "21001", "21002"]);
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

  it("lets the kernel pick when too few ports lie below the range", async () => {
    const picker = new PortPicker({ low: 20_000, high: 20_500, claims: claimNothing, bindable: async () => false });
    const port = await picker.pick();
    expect(port).toBeGreaterThan(0);
    expect(await canBind(port, "127.0.0.1")).toBe(true);
  });
});

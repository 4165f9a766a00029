import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";

/**
 * Ports handed out by `freePort` come from below the kernel's ephemeral range, which every outgoing
 * connection (HTTP clients, MySQL pools, Galera, HAProxy checks) draws its local port from: a port
 * picked there ("listen on 0, close") can be taken by such a connection before the process that was
 * told to use it binds it. Nothing binds below the range unless asked to, so a port picked there
 * and checked free stays free until its process starts — unless another picker chose the same one,
 * which the per-process offset and the never-twice rule make unlikely.
 */
const LOWEST = 20_000;
/** Linux's default ephemeral range starts here; IANA's (macOS, Windows) at 49152. */
const DEFAULT_EPHEMERAL_START = 32_768;
/** Fewer ports than this below the ephemeral range: pick inside it, as before. */
const ENOUGH = 2_000;

/** The first port of the kernel's ephemeral range (Linux), or the default when it cannot be read. */
export function ephemeralRangeStart(
  read: () => string = () => readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8"),
): number {
  try {
    const start = Number(read().trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > 0 ? start : DEFAULT_EPHEMERAL_START;
  } catch {
    return DEFAULT_EPHEMERAL_START;
  }
}

/** Whether `port` on `host` can be bound right now (closed again before resolving). */
export function canBind(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

function kernelPickedPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/**
 * Hands out ports in [LOWEST, ephemeral start), walking from an offset derived from the process id
 * (parallel test workers and scripts start far apart), each port at most once per process, each
 * bound once to check it is free. Exported for tests; `freePort` uses one per process.
 */
export class PortPicker {
  private readonly issued = new Set<number>();
  private next: number;
  private readonly size: number;

  constructor(
    private readonly low = LOWEST,
    private readonly high = ephemeralRangeStart(),
    seed = process.pid,
    private readonly bindable: (port: number, host: string) => Promise<boolean> = canBind,
  ) {
    this.size = Math.max(0, high - low);
    // Knuth's multiplicative hash spreads neighbouring pids across the range.
    this.next = this.size > 0 ? Number((BigInt(seed) * 2654435761n) % BigInt(this.size)) : 0;
  }

  async pick(host = "127.0.0.1"): Promise<number> {
    if (this.size < ENOUGH) return kernelPickedPort(host);
    for (let tried = 0; tried < this.size; tried++) {
      const port = this.low + this.next;
      this.next = (this.next + 1) % this.size;
      if (this.issued.has(port)) continue;
      this.issued.add(port);
      if (await this.bindable(port, host)) return port;
    }
    throw new Error(`no free port on ${host} between ${this.low} and ${this.high - 1}`);
  }
}

let picker: PortPicker | undefined;

/**
 * A TCP port that is free right now on `host`, for wiring processes that must know each other's
 * port before they start. Chosen below the ephemeral range (see above), never the same twice in a
 * process.
 */
export function freePort(host = "127.0.0.1"): Promise<number> {
  picker ??= new PortPicker();
  return picker.pick(host);
}

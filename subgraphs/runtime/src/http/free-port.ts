import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { randomInt } from "node:crypto";
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Ports handed out by `freePort` come from below the kernel's ephemeral range, which every outgoing
 * connection (HTTP clients, MySQL pools, Galera, HAProxy checks) draws its local port from: a port
 * picked there ("listen on 0, close") can be taken by such a connection before the process that was
 * told to use it binds it. Nothing binds below the range unless told to.
 *
 * What remains is other pickers: another process, or another copy of this module in the same
 * process (jest loads one for its global setup and one per test file). A picked port is therefore
 * claimed in a folder every picker on the machine reads (a file named after the port, holding the
 * picker's pid), and skipped by the others while that process lives — also when nothing listens on
 * it yet or any more (a Galera node's state-transfer ports are bound only during a transfer).
 */
const LOWEST = 20_000;
/** Linux's default ephemeral range starts here; IANA's (macOS, Windows) at 49152. */
const DEFAULT_EPHEMERAL_START = 32_768;
/** Fewer ports than this below the ephemeral range: let the kernel pick, as before. */
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims of picked ports, shared by every picker on the machine: one file per port, holding the
 * pid of the process that picked it. A claim lasts as long as that process (its files stay; the
 * next picker to meet one whose process has ended takes it over). A process that starts servers
 * on picked ports and exits before them (`scripts/cluster.mjs start` from a shell) leaves their
 * unbound ports unclaimed.
 */
export class PortClaims {
  constructor(
    readonly dir = join(tmpdir(), "itsm-port-claims"),
    private readonly pid = process.pid,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Claims `port` for this process; false when a live process holds it. A dead one's claim is taken over. */
  claim(port: number): boolean {
    const file = join(this.dir, String(port));
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(file, String(this.pid), { flag: "wx" });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      let holder: number;
      try {
        holder = Number(readFileSync(file, "utf8"));
      } catch {
        continue; // taken over as stale meanwhile: try again
      }
      // A claim being written reads empty: taken.
      if (!Number.isInteger(holder) || holder <= 0 || alive(holder)) return false;
      try {
        unlinkSync(file);
      } catch {
        // Another picker took the stale claim over first: the next write fails and says so.
      }
    }
    return false;
  }
}

/**
 * Hands out ports in [low, high), walking from a random offset, each at most once per picker,
 * claimed (see above) and bound once to check that it is free. `freePort` uses one per process.
 */
export interface PortPickerOptions {
  /** The range, [low, high): by default from 20000 to the start of the ephemeral range. */
  low?: number;
  high?: number;
  claims?: Pick<PortClaims, "claim">;
  bindable?: (port: number, host: string) => Promise<boolean>;
  /** With fewer ports than this in the range, the kernel picks instead (inside the ephemeral range). */
  enough?: number;
}

export class PortPicker {
  private readonly issued = new Set<number>();
  private readonly low: number;
  private readonly high: number;
  private readonly size: number;
  private readonly enough: number;
  private readonly claims: Pick<PortClaims, "claim">;
  private readonly bindable: (port: number, host: string) => Promise<boolean>;
  private next: number;

  constructor(options: PortPickerOptions = {}) {
    this.low = options.low ?? LOWEST;
    this.high = options.high ?? ephemeralRangeStart();
    this.size = Math.max(0, this.high - this.low);
    this.enough = options.enough ?? ENOUGH;
    this.claims = options.claims ?? new PortClaims();
    this.bindable = options.bindable ?? canBind;
    this.next = this.size > 0 ? randomInt(this.size) : 0;
  }

  async pick(host = "127.0.0.1"): Promise<number> {
    if (this.size < this.enough) return kernelPickedPort(host);
    for (let tried = 0; tried < this.size; tried++) {
      const port = this.low + this.next;
      this.next = (this.next + 1) % this.size;
      if (this.issued.has(port)) continue;
      this.issued.add(port);
      if (this.claims.claim(port) && (await this.bindable(port, host))) return port;
    }
    throw new Error(`no free port on ${host} between ${this.low} and ${this.high - 1}`);
  }
}

let picker: PortPicker | undefined;

/**
 * A TCP port that is free right now on `host`, for wiring processes that must know each other's
 * port before they start: below the ephemeral range, claimed for this process's lifetime, never
 * the same twice in a process (see above).
 */
export function freePort(host = "127.0.0.1"): Promise<number> {
  picker ??= new PortPicker();
  return picker.pick(host);
}

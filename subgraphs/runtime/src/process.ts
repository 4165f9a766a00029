import { StartupError } from "./config";
import { startTracing } from "./observability/tracing";

const SHUTDOWN_GRACE_MS = 10_000;

/** A process that serves requests until stopped: the gateway or a subgraph. */
export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs a service as the main module of its process: starts it, stops it on SIGINT/SIGTERM (or
 * when the launcher that forked it goes away), and turns start-up failures into one clear line.
 */
export function runService(name: string, start: () => Promise<RunningService>): void {
  // Before the service's modules (and node:http) load: `start` imports them lazily.
  try {
    startTracing(name);
  } catch (error) {
    process.stderr.write(`${name}: failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  let running: RunningService | undefined;
  let stopping = false;

  const shutdown = (reason: string) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`${name}: ${reason}, shutting down\n`);
    const deadline = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    deadline.unref();
    void (running?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${name}: error while shutting down: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT received"));
  process.on("SIGTERM", () => shutdown("SIGTERM received"));
  // Started by the launcher with an IPC channel: never outlive it.
  if (process.send) process.on("disconnect", () => shutdown("launcher exited"));

  start().then(
    (service) => {
      running = service;
      process.send?.({ type: "ready", name, url: service.url });
      if (stopping) void service.stop();
    },
    (error: unknown) => {
      const message = error instanceof StartupError ? error.message : describeStartFailure(error);
      process.stderr.write(`${name}: failed to start: ${message}\n`);
      process.exit(1);
    },
  );
}

function describeStartFailure(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (err?.code === "EADDRINUSE") return `port ${err.port} on ${err.address} is already in use`;
  if (err instanceof Error) return err.stack ?? err.message;
  return String(error);
}

import pino from "pino";

export type Logger = pino.Logger;

/**
 * One logger per process; `name` is the service that writes it. JSON lines for log collectors,
 * readable colour output when a person watches a terminal.
 */
export function createLogger(name: string, level: string): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Credentials never reach the log, whatever a caller passes.
    redact: ["req.headers.authorization", "headers.authorization", "*.password", "*.token"],
    transport: process.stdout.isTTY
      ? { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l" } }
      : undefined,
  });
}

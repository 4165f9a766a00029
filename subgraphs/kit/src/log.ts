import pino from "pino";

export type Logger = pino.Logger;

/** One JSON logger per process; `name` is the service that writes it. */
export function createLogger(name: string, level: string): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Credentials never reach the log, whatever a caller passes.
    redact: ["req.headers.authorization", "headers.authorization", "*.password"],
  });
}

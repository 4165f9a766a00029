import { z } from "zod";

/** An expected reason a process cannot start; its message is the whole story (no stack is printed). */
export class StartupError extends Error {
  override readonly name: string = "StartupError";
}

/** Raised when an environment variable is missing or malformed; the message names the variable. */
export class ConfigError extends StartupError {
  override readonly name = "ConfigError";
}

export type Env = Record<string, string | undefined>;

const PORT_MESSAGE = "must be a port number from 0 to 65535";
const BOOLEAN_MESSAGE = "must be true or false";
const POSITIVE_MESSAGE = "must be a positive whole number";

/** The value types of environment variables, each with the message an operator reads when it is wrong. */
export const envValue = {
  port: z.coerce
    .number({ invalid_type_error: PORT_MESSAGE })
    .int(PORT_MESSAGE)
    .min(0, PORT_MESSAGE)
    .max(65535, PORT_MESSAGE),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
    errorMap: () => ({ message: "must be one of fatal, error, warn, info, debug, trace, silent" }),
  }),
  bool: z.enum(["true", "false"], { errorMap: () => ({ message: BOOLEAN_MESSAGE }) }).transform((v) => v === "true"),
  positiveInt: z.coerce
    .number({ invalid_type_error: POSITIVE_MESSAGE })
    .int(POSITIVE_MESSAGE)
    .positive(POSITIVE_MESSAGE),
  httpUrl: z.string().url("must be an http(s) URL"),
  databaseUrl: z
    .string()
    .url()
    .refine((url) => /^(mysql|mariadb):\/\//.test(url), "must be a mysql:// or mariadb:// URL"),
};

/**
 * Parses `env` with a zod object schema whose keys are variable names; every problem is reported at
 * once, by variable name. `variables` reads a key from a differently named variable (e.g. `PORT`
 * from `CATALOG_PORT`). The result's type is inferred from the schema (transforms included).
 */
export function parseEnv<S extends z.AnyZodObject>(
  schema: S,
  env: Env,
  variables: Partial<Record<keyof S["shape"], string>> = {},
): z.output<S> {
  const variableOf = (key: string): string => (variables as Record<string, string | undefined>)[key] ?? key;
  // Empty strings mean "not set", as in most .env tooling.
  const present = Object.fromEntries(
    Object.keys(schema.shape).map((key) => {
      const value = env[variableOf(key)];
      return [key, value === "" ? undefined : value];
    }),
  );
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "configuration");
      const value = present[key];
      return `${variableOf(key)} ${issue.message}${value === undefined ? "" : ` (got "${value}")`}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return result.data;
}

import { z } from "zod";
import { commonEnv, commonSettings, ConfigError, envValue, parseEnv, requireInternalSecret } from "../config";

describe("parseEnv", () => {
  const schema = z.object({ PORT: envValue.port.default(4001), ON: envValue.bool.default("false") });

  it("types the result from the schema, with defaults and transforms, and treats empty strings as unset", () => {
    expect(parseEnv(schema, { PORT: "5000", ON: "true" })).toEqual({ PORT: 5000, ON: true });
    expect(parseEnv(schema, { PORT: "", ON: "" })).toEqual({ PORT: 4001, ON: false });
  });

  it("reads a key from the variable it is renamed to, and names that variable in every problem at once", () => {
    expect(parseEnv(schema, { CATALOG_PORT: "6000" }, { PORT: "CATALOG_PORT" }).PORT).toBe(6000);
    let error: unknown;
    try {
      parseEnv(schema, { CATALOG_PORT: "70000", ON: "yes" }, { PORT: "CATALOG_PORT" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message } = error as Error;
    expect(message).toContain('CATALOG_PORT must be a port number from 0 to 65535 (got "70000")');
    expect(message).toContain('ON must be true or false (got "yes")');
  });
});

describe("requireInternalSecret", () => {
  it("stops a serving process without the shared secret, naming the variable", () => {
    expect(() => requireInternalSecret(commonSettings(parseEnv(commonEnv, {})))).toThrow(/INTERNAL_AUTH_SECRET/);
    expect(() => parseEnv(commonEnv, { INTERNAL_AUTH_SECRET: "short" })).toThrow(/INTERNAL_AUTH_SECRET/);
    const secret = "s".repeat(32);
    expect(requireInternalSecret(commonSettings(parseEnv(commonEnv, { INTERNAL_AUTH_SECRET: secret })))).toBe(secret);
  });
});

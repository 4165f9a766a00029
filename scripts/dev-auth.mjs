// Development tokens: the HS256 secret, issuer and audience that `npm start` gives the gateway when
// no identity provider is configured, and the signing that `npm run token` does with them.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// jose is the gateway's dependency (the version that verifies the tokens signs them too).
const { SignJWT } = createRequire(join(root, "gateway", "package.json"))("jose");

export const DEV_ISSUER = "itsm-dev";
export const DEV_AUDIENCE = "itsm-graph";
export const DEV_SECRET_FILE = "dev-auth-secret";
export const ROLES = ["admin", "editor", "analyst", "partner"];

/** The development secret in `<dataDir>/dev-auth-secret`, made (mode 0600) on first use. */
export function devAuthSecret(dataDir) {
  const path = join(resolve(root, dataDir), DEV_SECRET_FILE);
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
  return readFileSync(path, "utf8").trim();
}

/** Whether the environment configures a real way to verify tokens (then nothing is made up). */
export function identityProviderConfigured(env) {
  return Boolean(env.AUTH_JWKS_URL || env.AUTH_PUBLIC_KEY || env.AUTH_HS256_SECRET);
}

/**
 * The HS256 settings the gateway verifies with: the operator's AUTH_HS256_SECRET, or the
 * development ones (outside production, when no identity provider is configured).
 */
export function hs256Settings(env) {
  if (env.AUTH_HS256_SECRET) {
    return { secret: env.AUTH_HS256_SECRET, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE };
  }
  if (identityProviderConfigured(env)) {
    throw new Error(
      "the gateway verifies tokens of an identity provider (AUTH_JWKS_URL or AUTH_PUBLIC_KEY): get a token from it; this script signs HS256 tokens only",
    );
  }
  if (env.NODE_ENV === "production") {
    throw new Error("NODE_ENV=production has no development tokens: configure an identity provider (AUTH_*)");
  }
  return {
    secret: devAuthSecret(env.DATA_DIR || ".data"),
    issuer: env.AUTH_ISSUER || DEV_ISSUER,
    audience: env.AUTH_AUDIENCE || DEV_AUDIENCE,
  };
}

/** Signs a token with the claims the gateway maps by default (`role`, `customers`). */
export async function signToken({ secret, issuer, audience }, { role, customers = [], subject, expires = "1h" }) {
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(", ")} (got ${role})`);
  if (role === "partner" && customers.length === 0) throw new Error("a partner token needs --customer CODE");
  const claims = { role, ...(role === "partner" ? { customers } : {}) };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(subject || (role === "partner" ? `dev-partner-${customers.join("+")}` : `dev-${role}`))
    .setIssuedAt()
    .setExpirationTime(expires);
  if (issuer) jwt.setIssuer(issuer);
  if (audience) jwt.setAudience(audience);
  return jwt.sign(Buffer.from(secret, "utf8"));
}

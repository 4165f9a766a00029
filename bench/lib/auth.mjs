// What the benchmark needs to pass the graph's access control: the secret the gateways and
// subgraphs share, a development identity provider for our gateway, and the headers each target
// is called with. The load runs as an analyst (reads everything: no partner row filters).
import { randomBytes } from "node:crypto";
import { INTERNAL_IDENTITY_HEADER, signIdentity } from "@itsm/runtime";
import { signToken } from "../../scripts/dev-auth.mjs";

const ANALYST = { subject: "bench-analyst", role: "analyst", customerCodes: [] };
const DAY = 24 * 3600;

/** A fresh set of secrets for one benchmark run. */
export async function benchAuth() {
  const internalSecret = randomBytes(32).toString("base64url");
  const idp = { secret: randomBytes(32).toString("base64url"), issuer: "itsm-bench", audience: "itsm-graph" };
  const jwt = await signToken(idp, { role: "analyst", subject: ANALYST.subject, expires: "24h" });
  return {
    /** For every process: the subgraphs check, our gateway signs. */
    env: {
      INTERNAL_AUTH_SECRET: internalSecret,
      AUTH_HS256_SECRET: idp.secret,
      AUTH_ISSUER: idp.issuer,
      AUTH_AUDIENCE: idp.audience,
    },
    /** What a client sends a gateway: a bearer token (the stock and Hive gateways ignore it). */
    clientHeaders: { authorization: `Bearer ${jwt}` },
    /**
     * What the stock and Hive gateways add to every subgraph call, and what a direct subgraph
     * request carries: the analyst's identity signed for the run (ours signs per request).
     */
    subgraphHeaders: { [INTERNAL_IDENTITY_HEADER]: signIdentity(ANALYST, internalSecret, DAY) },
    /** What the subgraphs of another build (--baseline) need to sign the same identity with their own code. */
    signing: { identity: ANALYST, secret: internalSecret, seconds: DAY },
  };
}

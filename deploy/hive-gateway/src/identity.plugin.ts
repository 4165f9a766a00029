import type { GatewayPlugin } from "@graphql-hive/gateway";
import type { AuthenticationConfig } from "@itsm/gateway/dist/config";
import { createAuthenticator } from "@itsm/gateway/dist/authentication";
import type { Identity } from "@itsm/runtime";
import { INTERNAL_IDENTITY_HEADER, RequestRefused, signIdentity } from "@itsm/runtime";
import type { IncomingMessage } from "node:http";

export interface ItsmIdentityOptions {
  /** How callers' tokens are verified: our gateway's settings (AUTH_*, ANONYMOUS_ACCESS). */
  authentication: AuthenticationConfig;
  /** The secret our subgraphs verify the identity header with (INTERNAL_AUTH_SECRET). */
  internalSecret: string;
  /** Only requests to this path are authenticated (health and readiness probes are not). */
  graphqlEndpoint?: string;
}

/**
 * Hive Gateway plugin: verifies the caller's bearer token with our gateway's rules (the same
 * authenticator: issuer, audience, algorithms, role and customer claims, anonymous access), refuses
 * a bad one with our gateway's status and error (401/403/503, `extensions.code`), and signs the
 * caller's identity into `x-itsm-identity` on every subgraph request, freshly each time, as our
 * subgraphs trust nothing else.
 */
export function useItsmIdentity(options: ItsmIdentityOptions): GatewayPlugin {
  const graphqlEndpoint = options.graphqlEndpoint ?? "/graphql";
  // Built once; a JWKS is fetched lazily by jose, a PEM key imported here.
  const authenticator = createAuthenticator(options.authentication);
  const identities = new WeakMap<Request, Identity>();
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== graphqlEndpoint) return;
      try {
        // The authenticator reads only the Authorization header (and the address, for our gateway's rate key).
        const authorization = request.headers.get("authorization") ?? undefined;
        const req = { headers: { authorization }, socket: {} } as unknown as IncomingMessage;
        identities.set(request, (await (await authenticator).authenticate(req)).identity);
      } catch (error) {
        if (!(error instanceof RequestRefused)) throw error;
        endResponse(
          new Response(
            JSON.stringify({
              errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }],
            }),
            {
              status: error.status,
              headers: { "content-type": "application/json; charset=utf-8", ...error.headers },
            },
          ),
        );
      }
    },
    onFetch({ context, options: fetchOptions, setOptions }) {
      // Fetches outside a client's request (there are none with a static supergraph) carry no identity.
      const identity = "request" in context ? identities.get(context.request) : undefined;
      if (!identity) return;
      const headers = new Headers(fetchOptions.headers as HeadersInit | undefined);
      headers.set(INTERNAL_IDENTITY_HEADER, signIdentity(identity, options.internalSecret));
      setOptions({ ...fetchOptions, headers: Object.fromEntries(headers) });
    },
  };
}

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { generatePersistedQueryIdsFromManifest } from "@apollo/persisted-query-lists";
// Written by the build (`generate-persisted-query-manifest`) from src/operations: the operations
// the gateway trusts (TRUSTED_DOCUMENTS_PATH names the same file).
import manifest from "../persisted-query-manifest.json";
import { authorization } from "./session";

/**
 * The portal's Apollo Client: every operation is sent by its id in the trusted-documents
 * manifest (not its text), with the partner's token. `/graphql` is on the portal's own origin:
 * its server hands requests on to the gateway.
 */
export function createClient(): ApolloClient {
  const auth = new SetContextLink((previous) => ({ headers: { ...previous.headers, ...authorization() } }));
  const persisted = new PersistedQueryLink(generatePersistedQueryIdsFromManifest({ loadManifest: () => manifest }));
  return new ApolloClient({
    link: ApolloLink.from([auth, persisted, new HttpLink({ uri: "/graphql" })]),
    cache: new InMemoryCache(),
  });
}

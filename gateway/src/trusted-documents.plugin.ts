import type { ApolloServerPlugin } from "@apollo/server";
import { ConfigError, ANONYMOUS, isStaff } from "@itsm/runtime";
import { GraphQLError, parse } from "graphql";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { GatewayContext } from "./subgraph-data-source";

/** One operation of an Apollo persisted-query manifest. */
export interface TrustedDocument {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

/** An Apollo persisted-query manifest: the operations partners and anonymous callers may run, by id. */
export interface PersistedQueryManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: TrustedDocument[];
}

/** The id Apollo's manifest generator gives an operation: the SHA-256 hex of its body. */
export function documentId(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Reads and checks a manifest; anything wrong stops the gateway with a message naming TRUSTED_DOCUMENTS_PATH. */
export function loadTrustedDocuments(path: string): Map<string, TrustedDocument> {
  const fail = (problem: string) =>
    new ConfigError(`Invalid configuration: TRUSTED_DOCUMENTS_PATH=${path}: ${problem}`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw fail(`cannot read it as JSON: ${(error as Error).message}`);
  }
  const { format, version, operations } = (manifest ?? {}) as Partial<PersistedQueryManifest>;
  if (format !== "apollo-persisted-query-manifest" || version !== 1 || !Array.isArray(operations)) {
    throw fail(
      'not an Apollo persisted-query manifest ({"format":"apollo-persisted-query-manifest","version":1,"operations":[…]})',
    );
  }
  const documents = new Map<string, TrustedDocument>();
  operations.forEach((operation: Partial<TrustedDocument>, index) => {
    const { id, name, type, body } = operation ?? {};
    const at = `operations[${index}]`;
    if (typeof id !== "string" || typeof name !== "string" || typeof body !== "string") {
      throw fail(`${at} needs a string id, name and body`);
    }
    if (type !== "query" && type !== "mutation" && type !== "subscription") {
      throw fail(`${at} (${name}) has type ${String(type)}; expected query, mutation or subscription`);
    }
    if (id !== documentId(body)) throw fail(`${at} (${name}): its id is not the SHA-256 hex of its body`);
    if (documents.has(id)) throw fail(`${at} (${name}) repeats the id ${id}`);
    try {
      parse(body);
    } catch (error) {
      throw fail(`${at} (${name}) is not valid GraphQL: ${(error as Error).message}`);
    }
    documents.set(id, { id, name, type, body });
  });
  return documents;
}

function refusal(code: "PERSISTED_QUERY_ID_REQUIRED" | "PERSISTED_QUERY_NOT_IN_LIST", message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** What a refused request runs instead until `didResolveOperation` answers with the refusal. */
const PLACEHOLDER = "{ __typename }";

/**
 * Trusted documents: any caller may name a manifest operation by id (the APQ wire format,
 * `extensions.persistedQuery.sha256Hash`, without `query`); partners and anonymous callers may run
 * nothing else — free-form is PERSISTED_QUERY_ID_REQUIRED, an unknown id PERSISTED_QUERY_NOT_IN_LIST
 * (both HTTP 400, as Apollo's own persisted-query errors). Staff keep free-form queries and APQ.
 */
export function trustedDocumentsPlugin(documents: Map<string, TrustedDocument>): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const persisted: unknown = request.extensions?.persistedQuery;
      const hash =
        persisted && typeof persisted === "object" ? (persisted as { sha256Hash?: unknown }).sha256Hash : undefined;
      const document = typeof hash === "string" ? documents.get(hash) : undefined;
      let refused: GraphQLError | undefined;
      if (document) {
        request.query = document.body;
      } else if (!isStaff(contextValue.identity ?? ANONYMOUS)) {
        refused =
          typeof hash === "string"
            ? refusal("PERSISTED_QUERY_NOT_IN_LIST", `No trusted operation has the id ${hash}`)
            : refusal(
                "PERSISTED_QUERY_ID_REQUIRED",
                "Only trusted operations may be run without a staff token: send extensions.persistedQuery.sha256Hash with the operation's id",
              );
        // Apollo cannot be answered from requestDidStart, so the request runs a placeholder until
        // didResolveOperation, which answers with the refusal before anything executes.
        request.query = PLACEHOLDER;
        request.operationName = undefined;
      }
      if (document || refused) {
        // The body is the manifest's (or the placeholder): Apollo's own APQ has nothing to do.
        const { persistedQuery: _dropped, ...extensions } = request.extensions ?? {};
        request.extensions = extensions;
      }
      return {
        async didResolveOperation() {
          if (refused) throw refused;
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "./subgraph-data-source";

// A high surrogate not followed by a low one, or a low one not preceded by a high one
// (String.prototype.isWellFormed is ES2024; the build targets ES2023).
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isWellFormed = (text: string) => !UNPAIRED_SURROGATE.test(text);

/**
 * The path of the first string (value or key) in `value` that is not well-formed UTF-16, if any.
 * Iterative: variables may nest as deep as the body allows.
 */
export function illFormedStringPath(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, ""]];
  while (pending.length > 0) {
    const [item, path] = pending.pop()!;
    if (typeof item === "string") {
      if (!isWellFormed(item)) return path || "(value)";
    } else if (Array.isArray(item)) {
      item.forEach((element, i) => pending.push([element, `${path}[${i}]`]));
    } else if (item && typeof item === "object") {
      for (const [key, element] of Object.entries(item)) {
        const at = path ? `${path}.${key}` : key;
        if (!isWellFormed(key)) return at;
        pending.push([element, at]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses text with an unpaired surrogate (`"\udc00"` in JSON) in the variables
 * before anything runs: no database stores it (it would be silently replaced by U+FFFD), and some
 * validators throw on it (class-validator's IsEmail: "URI malformed") instead of refusing it.
 */
export function wellFormedTextPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          // (graphql-js's lexer already refuses one in the document: GRAPHQL_PARSE_FAILED.)
          const where = illFormedStringPath(request.variables ?? {});
          if (!where) return;
          throw new GraphQLError(`Text must be well-formed Unicode: variable ${where} has an unpaired surrogate`, {
            extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
          });
        },
      };
    },
  };
}

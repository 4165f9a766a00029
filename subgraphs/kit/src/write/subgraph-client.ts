import type { Identity, SubgraphName } from "@itsm/runtime";
import type { SubgraphConfig } from "../config";
import { INTERNAL_IDENTITY_HEADER, signIdentity, DomainError, ErrorCode } from "@itsm/runtime";

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Calls another subgraph directly (service to service), for the checks that keep references
 * across subgraphs valid. An unreachable or failing peer is SERVICE_UNAVAILABLE: the caller's
 * change is then not made, rather than made unchecked. Each call carries the caller's identity,
 * signed like the gateway signs it, so the peer applies the same authorization.
 */
export class SubgraphClient {
  constructor(
    readonly name: string,
    private readonly url: string,
    private readonly timeoutMs: number,
    /** The shared INTERNAL_AUTH_SECRET that signs the caller's identity. */
    private readonly secret: string | undefined,
  ) {}

  private unavailable(reason: string): DomainError {
    return new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The ${this.name} subgraph could not be consulted (${reason}); nothing was changed, retry shortly`,
      { serviceName: this.name },
    );
  }

  async execute<T>(query: string, variables: Record<string, unknown>, identity: Identity): Promise<T> {
    let answer: GraphQLAnswer<T>;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.secret) headers[INTERNAL_IDENTITY_HEADER] = signIdentity(identity, this.secret);
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      answer = (await response.json()) as GraphQLAnswer<T>;
    } catch (error) {
      throw this.unavailable((error as Error).name === "TimeoutError" ? "timed out" : "unreachable");
    }
    if (answer.errors?.length || !answer.data) {
      throw this.unavailable(answer.errors?.[0]?.message ?? "no data");
    }
    return answer.data;
  }

  /** Resolves entities by id through `_entities`; unknown ids come back as null, in order. */
  async entities<T>(
    typeName: string,
    ids: readonly string[],
    fields: string,
    identity: Identity,
  ): Promise<(T | null)[]> {
    if (ids.length === 0) return [];
    const data = await this.execute<{ _entities: (T | null)[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { ${fields} } } }`,
      { representations: ids.map((id) => ({ __typename: typeName, id })) },
      identity,
    );
    return data._entities;
  }
}

/** The client of the peer subgraph `name`, where this subgraph's configuration says it is. */
export function peerClient(
  config: Pick<SubgraphConfig, "peerUrls" | "peerTimeoutMs" | "internalSecret">,
  name: SubgraphName,
): SubgraphClient {
  return new SubgraphClient(name, config.peerUrls[name], config.peerTimeoutMs, config.internalSecret);
}

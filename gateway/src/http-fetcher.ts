import type { FetcherRequestInit, FetcherResponse } from "@apollo/utils.fetcher";
import http from "node:http";
import https from "node:https";

/**
 * The fetch the gateway calls subgraphs with: node:http(s) on pooled keep-alive connections, the
 * same pooling as Node's fetch (undici) without the WHATWG Request/Response/stream objects it
 * builds per call (gateway CPU per cross-subgraph request -20% in the bench A/B, bench/README.md).
 * Answers are read whole, as the gateway parses every subgraph answer as JSON anyway. `timeoutMs`
 * (per call): the longest the whole exchange may take, answer read included, then the request is
 * destroyed and the call fails with a TimeoutError — one timer, where an `AbortSignal.timeout` costs
 * a signal, its listeners on the request and stream, and a DOMException.
 */
export function keepAliveFetcher(
  options: { maxSockets?: number } = {},
): (url: string, init?: FetcherRequestInit, timeoutMs?: number) => Promise<FetcherResponse> {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, scheduling: "lifo" as const };
  const agents = { "http:": new http.Agent(agentOptions), "https:": new https.Agent(agentOptions) };
  return (url: string, init?: FetcherRequestInit, timeoutMs?: number) =>
    new Promise<FetcherResponse>((settle, fail) => {
      let timer: NodeJS.Timeout | undefined;
      const resolve = (response: FetcherResponse) => {
        clearTimeout(timer);
        settle(response);
      };
      const reject = (error: unknown) => {
        clearTimeout(timer);
        fail(error);
      };
      const protocol = new URL(url).protocol;
      if (protocol !== "http:" && protocol !== "https:") {
        reject(new Error(`cannot fetch ${protocol} URLs`));
        return;
      }
      const body = init?.body as string | undefined;
      const headers: Record<string, string> = { ...(init?.headers as Record<string, string> | undefined) };
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const signal = (init as { signal?: AbortSignal } | undefined)?.signal;
      const request = (protocol === "https:" ? https : http).request(
        url,
        { method: init?.method ?? "GET", headers, agent: agents[protocol], signal },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = response.statusCode ?? 0;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
            }
            resolve({
              ok: status >= 200 && status < 300,
              status,
              statusText: response.statusMessage ?? "",
              url,
              redirected: false,
              headers: responseHeaders,
              text: async () => text,
              json: async () => JSON.parse(text) as unknown,
              arrayBuffer: async () => Buffer.from(text),
              clone() {
                return this;
              },
            } as unknown as FetcherResponse);
          });
        },
      );
      request.on("error", reject);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          const error = Object.assign(new Error(`no answer from ${url} within ${timeoutMs} ms`), {
            name: "TimeoutError",
          });
          reject(error);
          request.destroy(error);
        }, timeoutMs);
        timer.unref();
      }
      request.end(body);
    });
}

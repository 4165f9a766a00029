// Load generation with autocannon, and the checks around it: a target must answer every request
// the benchmark will send with data and without errors before it is measured, and every answer
// under load must be one of the answers it gave then.
import autocannon from "autocannon";
import { isDeepStrictEqual } from "node:util";

/** The body of a GraphQL POST. */
export function graphqlBody(query, variables) {
  return JSON.stringify(variables ? { query, variables } : { query });
}

/**
 * A body as compared under load. autocannon joins the chunks of a response as strings, so a
 * multi-byte character split between two chunks would differ: only the ASCII characters count.
 */
export function comparable(text) {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(text) ? text.replace(/[^\x00-\x7f]/g, "") : text;
}

/** Posts a GraphQL body and returns the parsed JSON answer (throws on a non-JSON answer). */
export async function post(url, body, headers = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  try {
    return { status: response.status, text, json: JSON.parse(text) };
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
}

/**
 * Posts the body once and returns { text, json }. Throws when the answer is not a 200 with
 * `data` and no `errors`, or when `check` finds something wrong with the data.
 */
export async function verify(label, url, body, check, headers = {}) {
  const answer = await post(url, body, headers);
  if (answer.status !== 200 || answer.json.errors || !answer.json.data) {
    throw new Error(`${label}: answered ${answer.status} with ${answer.text.slice(0, 1000)}`);
  }
  const problem = check?.(answer.json.data);
  if (problem) throw new Error(`${label}: wrong data: ${problem}`);
  return answer;
}

/** Throws unless two answers carry the same data (keys in any order). */
export function assertSameData(label, expected, actual) {
  if (!isDeepStrictEqual(expected.json.data, actual.json.data)) {
    throw new Error(`${label}: its data differs from the reference answer`);
  }
}

let current;

/** Stops the autocannon run in progress, if any (on Ctrl-C). */
export function stopLoad() {
  current?.stop();
}

/**
 * Posts the bodies (in turn, shared by all connections, so concurrent requests differ whenever
 * there are at least as many bodies as connections) to the URL with `connections` connections
 * for `seconds` seconds. Returns throughput, every 2xx latency in ms (for exact percentiles) and
 * the failures: connection errors, timeouts, non-2xx answers, and answers not in `valid`.
 */
export function load({ url, headers = {}, bodies, valid, seconds, connections }) {
  const latencies = [];
  let firstMismatch;
  const { pathname, search } = new URL(url);
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            path: pathname + search,
            headers: { "content-type": "application/json", ...headers },
            setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
          },
        ],
        verifyBody: valid ? (body) => valid.has(comparable(body)) : undefined,
      },
      (error, result) => {
        current = undefined;
        if (error) return reject(error);
        // A response with a wrong body still fires "response": it does not count as served.
        const ok = Math.max(0, latencies.length - result.mismatches);
        resolve({
          ok,
          rps: ok / result.duration,
          seconds: result.duration,
          latencies,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
          firstMismatch,
        });
      },
    );
    current = instance;
    instance.on("reqMismatch", (body) => (firstMismatch ??= body));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

/** The p-th percentile (0–100) of sorted values, by the nearest-rank method. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

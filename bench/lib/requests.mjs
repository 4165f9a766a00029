// The requests of a run and their answers: the request bodies of each stack (walking the pages of
// each query) and the verification of every target against the reference before any load.
import { BASELINE, DIRECT, MAX_PAGES, QUERIES } from "./cases.mjs";
import { checkpoint } from "./lifecycle.mjs";
import { assertSameData, comparable, graphqlBody, verify } from "./load.mjs";

/**
 * The request bodies by stack and query: page after page of each query (counted on the subgraph
 * that owns it), all full pages, at most MAX_PAGES; or page 1 alone with --same-query. Each stack has
 * its own cursors (their format may differ between builds).
 */
export async function requestBodies(opts, stacks) {
  const bodies = {};
  for (const [stackName, stack] of Object.entries(stacks)) {
    bodies[stackName] = await pageBodies(opts, stack);
  }
  return bodies;
}

/**
 * Every target must answer every one of those requests, with the same data as the reference (the
 * catalog subgraph for the one-subgraph query, the first gateway for the other; the baseline the
 * same data as today's stack, ids aside), before any load. Returns, by target and query, the
 * answers given here: under load, every answer must be one of them, byte for byte.
 */
export async function verifyTargets({ opts, cases, targets, bodies, bodiesOf }) {
  console.log(
    `\nverifying every request on every target (${bodies.ours.cross.length} + ${bodies.ours.one.length} pages) …`,
  );
  const reference = {};
  const valid = {};
  for (const c of cases) {
    const key = `${c.target} ${c.query}`;
    if (key in valid) continue;
    const q = QUERIES[c.query];
    const referenceTarget = c.query === "one" ? DIRECT : opts.gateways[0];
    if (!reference[c.query]) {
      // One request at a time, like every other verification (a burst would inflate the RSS).
      reference[c.query] = [];
      for (const [i, body] of bodies.ours[c.query].entries()) {
        const label = `${referenceTarget} ${c.query} page ${i + 1}`;
        reference[c.query].push(
          await verify(label, targets[referenceTarget].url, body, q.check, targets[referenceTarget].headers),
        );
      }
    }
    valid[key] = new Set();
    let bytes = 0;
    const own = bodiesOf(c);
    if (own.length !== reference[c.query].length) {
      throw new Error(`${key}: ${own.length} pages against ${reference[c.query].length} in today's stack`);
    }
    for (const [i, body] of own.entries()) {
      const answer =
        c.target === referenceTarget
          ? reference[c.query][i]
          : await verify(`${key} page ${i + 1}`, targets[c.target].url, body, q.check, targets[c.target].headers);
      if (c.target === BASELINE)
        assertSameData(`${key} page ${i + 1}`, withoutIds(reference[c.query][i]), withoutIds(answer));
      else assertSameData(`${key} page ${i + 1}`, reference[c.query][i], answer);
      valid[key].add(comparable(answer.text));
      bytes += answer.text.length;
    }
    console.log(
      `  ${key.padEnd(24)} ok: ${own.length} pages, ${Math.round(bytes / own.length)} bytes per answer` +
        (c.target === BASELINE ? " (the same data as today's stack)" : ""),
    );
    checkpoint();
  }
  return valid;
}

/**
 * The request bodies of each query for one stack: the cursors of up to MAX_PAGES full pages, read
 * from the subgraph that owns the root field (page 1 alone with --same-query).
 */
async function pageBodies(opts, stack) {
  const bodies = {};
  for (const [name, q] of Object.entries(QUERIES)) {
    const afters = [null];
    while (!opts.sameQuery && afters.length < MAX_PAGES) {
      const page = await verify(
        `${q.owner} pages`,
        stack.subgraphUrl[q.owner],
        graphqlBody(q.pages, { after: afters.at(-1) }),
        undefined,
        stack.subgraphHeaders,
      );
      const { endCursor, hasNextPage } = q.connection(page.json.data).pageInfo;
      if (!hasNextPage) {
        afters.pop(); // the last page may be short
        break;
      }
      afters.push(endCursor);
    }
    if (afters.length === 0) throw new Error(`${name}: the dataset has no full page: seed a larger --scale`);
    bodies[name] = afters.map((after) => graphqlBody(q.text, { after }));
  }
  return bodies;
}

/** An answer with every `id` field left out, to compare two builds whose ids may be generated differently. */
function withoutIds(answer) {
  const strip = (value) => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== "id")
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return value;
  };
  return { json: { data: strip(answer.json.data) } };
}

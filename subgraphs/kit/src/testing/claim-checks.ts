import type { DataSource } from "typeorm";
import type { FakeClaimsPeer } from "./fake-claims";
import type { ExecutionResult } from "./index";
import { failure, snapshotTables, TEST_IDENTITIES } from "./index";

/**
 * Runs `change`, which must first ask the agreements peer for exactly one thing: `claim` of record
 * `id`, as the editor making the change (the identity the peer verified). Returns the change's answer.
 */
export async function changeClaimedFirst(
  peer: FakeClaimsPeer,
  { claim, id }: { claim: string; id: string },
  change: () => Promise<ExecutionResult>,
): Promise<ExecutionResult> {
  const asked = peer.requests.length;
  const result = await change();
  expect(peer.since(asked)).toEqual([[claim, id]]);
  expect(peer.requests[asked].identity).toEqual(TEST_IDENTITIES.editor);
  return result;
}

/**
 * Makes `change` while the agreements peer drops connections, then while it answers errors: each
 * time it must fail with SERVICE_UNAVAILABLE naming the agreements subgraph and write nothing.
 */
export async function refusedWhileAgreementsFail(
  dataSource: DataSource,
  peer: FakeClaimsPeer,
  change: () => Promise<ExecutionResult>,
): Promise<void> {
  const before = await snapshotTables(dataSource);
  for (const mode of ["drop", "errors"] as const) {
    peer.mode = mode;
    const error = failure(await change(), "SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(/^The agreements subgraph could not be consulted \(.+\); nothing was changed/);
    expect(error.extensions?.serviceName).toBe("agreements");
  }
  expect(await snapshotTables(dataSource)).toEqual(before);
}

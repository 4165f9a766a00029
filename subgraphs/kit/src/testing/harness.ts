import type { SubgraphName } from "@itsm/runtime";
import type { SubgraphConfig } from "../config";
import type { SubgraphServer } from "../subgraph-server";
import { TEST_IDENTITIES, testConfig } from "./index";
import { mutationDocument } from "./mutation-documents";

/** A fake of the peer a subgraph under test calls: where it listens, how it is reset and stopped. */
export interface FakePeer {
  url: string;
  reset(): void;
  close(): Promise<void>;
}

/** What a `PeeredHarness` runs: the subgraph, the peer it calls and how to start each. */
export interface PeeredHarnessSpec<C extends object, P extends FakePeer> {
  name: SubgraphName;
  peerName: SubgraphName;
  createServer(config: SubgraphConfig): Promise<SubgraphServer<C>>;
  startPeer(): Promise<P>;
}

/**
 * A subgraph on a test database (loaded with the sample), the one peer it calls a fake that is
 * reset before each test: made once per test file (construct it at the top), stopped after it.
 */
export class PeeredHarness<C extends object, P extends FakePeer> {
  server: SubgraphServer<C>;
  peer: P;

  constructor(private readonly spec: PeeredHarnessSpec<C, P>) {
    beforeAll(async () => {
      this.peer = await spec.startPeer();
      this.server = await this.startServer(this.peer.url);
    });
    afterAll(async () => {
      await this.server.stop();
      await this.peer.close();
    });
    beforeEach(() => this.peer.reset());
  }

  /** Runs mutation `name` of the subgraph as an editor (a writer) with `input`, selecting `selection`. */
  mutate(name: string, input: Record<string, unknown>, selection: string) {
    return this.server.execute(mutationDocument(this.spec.name, name, selection), { input }, TEST_IDENTITIES.editor);
  }

  /** Another server of the subgraph, on a database of its own, whose peer is at `peerUrl`. */
  private async startServer(peerUrl: string): Promise<SubgraphServer<C>> {
    const config = await testConfig(this.spec.name);
    config.peerUrls[this.spec.peerName] = peerUrl;
    return this.spec.createServer(config);
  }

  /** Runs `test` on a server of its own whose peer is gone (nothing listens at its URL); stops it after. */
  async withPeerGone(test: (server: SubgraphServer<C>) => Promise<void>): Promise<void> {
    const gone = await this.spec.startPeer();
    await gone.close();
    const isolated = await this.startServer(gone.url);
    try {
      await test(isolated);
    } finally {
      await isolated.stop();
    }
  }
}

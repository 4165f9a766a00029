import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { keepAliveFetcher } from "../http-fetcher";

describe("the keep-alive subgraph fetcher", () => {
  let server: Server;
  let url: string;
  const sockets = new Set<unknown>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      sockets.add(req.socket);
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        if (req.url === "/slow") return void setTimeout(() => res.end("{}"), 2_000);
        if (req.url === "/stall") {
          // Headers and half an answer, the rest too late.
          res.writeHead(200, { "content-type": "application/json" });
          res.write('{"data":');
          return void setTimeout(() => res.end("{}}"), 2_000);
        }
        res.writeHead(req.url === "/teapot" ? 418 : 200, { "content-type": "application/json", "x-seen": "yes" });
        res.end(JSON.stringify({ method: req.method, body, header: req.headers["x-itsm-identity"] ?? null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("posts the body and headers, and answers status, headers and JSON, over one kept-alive connection", async () => {
    const fetch = keepAliveFetcher();
    for (const body of ['{"query":"{ a }"}', '{"query":"{ é }"}']) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-itsm-identity": "signed" },
        body,
      });
      expect([response.ok, response.status, response.headers.get("x-seen")]).toEqual([true, 200, "yes"]);
      expect(await response.json()).toEqual({ method: "POST", body, header: "signed" });
    }
    expect(sockets.size).toBe(1);
    const teapot = await fetch(`${url}/teapot`, { method: "POST", body: "{}" });
    expect([teapot.ok, teapot.status]).toEqual([false, 418]);
  });

  it("gives up when its signal aborts, and fails when nothing listens", async () => {
    const fetch = keepAliveFetcher();
    await expect(
      fetch(`${url}/slow`, { method: "POST", body: "{}", signal: AbortSignal.timeout(100) } as never),
    ).rejects.toThrow();
    await expect(fetch("http://127.0.0.1:1/graphql", { method: "POST", body: "{}" })).rejects.toThrow(/ECONNREFUSED/);
    await expect(fetch("ftp://127.0.0.1/graphql", {})).rejects.toThrow(/ftp/);
  });

  it("gives up after timeoutMs, before the answer's head or in the middle of its body, and then serves on", async () => {
    const fetch = keepAliveFetcher();
    for (const path of ["/slow", "/stall"]) {
      const started = Date.now();
      const failed = await fetch(`${url}${path}`, { method: "POST", body: "{}" }, 100).catch((error: Error) => error);
      expect(failed).toMatchObject({ name: "TimeoutError", message: expect.stringMatching(/within 100 ms/) });
      expect(Date.now() - started).toBeLessThan(1_500);
    }
    const response = await fetch(`${url}/graphql`, { method: "POST", body: "{}" }, 1_000);
    expect(response.status).toBe(200);
  });
});

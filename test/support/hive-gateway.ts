import { freePort } from "@itsm/runtime";
import type { ChildProcess } from "node:child_process";
import { fork } from "node:child_process";
import { dirname, join } from "node:path";
import { ROOT, stopProcess } from "./graph";

/** The Hive Gateway deployment of deploy/hive-gateway, run as an operator would: its CLI, in its folder. */
export interface HiveGateway {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Starts `hive-gateway supergraph` in deploy/hive-gateway with `env`; resolves once /readiness answers 200. */
export async function startHiveGateway(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<HiveGateway> {
  const port = await freePort();
  const folder = join(ROOT, "deploy", "hive-gateway");
  // The package's main entry sits in dist/, beside its CLI (dist/bin.js, not exported).
  const bin = join(dirname(require.resolve("@graphql-hive/gateway", { paths: [folder] })), "bin.js");
  const child = fork(bin, ["supergraph"], {
    cwd: folder,
    env: { ...env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited (${child.exitCode}):\n${output}`);
    const status = await fetch(`${base}/readiness`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      await stopProcess(child, "SIGKILL");
      throw new Error(`Hive Gateway was not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { child, url: `${base}/graphql`, output: () => output, stop: () => stopProcess(child) };
}

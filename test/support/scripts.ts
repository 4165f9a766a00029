import { execFile } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./graph";

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the root `scripts/*.mjs` (built code, no turbo) with extra environment; never rejects. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, "scripts", script), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

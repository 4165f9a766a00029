// Child processes of the benchmark: started with fork (they report "ready" with their URL over
// IPC), all remembered so that every one of them is stopped at the end, however the run ends.
import { fork, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import process from "node:process";
import { setTimeout as delay } from "node:timers/promises";

const STOP_GRACE_MS = 10_000;
const running = new Set();
const logs = new Map();

/**
 * Starts a Node entry point and resolves with { child, url } once it reports ready; rejects if it
 * exits first (with `code` "EADDRINUSE" when it could not listen on its port).
 */
export function startProcess(name, entry, { env, cwd, execArgv, timeoutMs = 120_000 }) {
  const child = fork(entry, [], { cwd, env, execArgv, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  logs.set(name, () => output);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not become ready within ${timeoutMs / 1000} s; its output:\n${output}`));
    }, timeoutMs);
    child.on("message", (message) => {
      if (message?.type === "ready" && message.url) {
        clearTimeout(timer);
        // From now on a crash is reported with what the process last printed.
        child.removeAllListeners("exit");
        child.once("exit", (code, signal) => {
          running.delete(child);
          if (!child.stoppedByBench) {
            process.emitWarning(`${name} exited unexpectedly (${signal ?? `code ${code}`}); its output:\n${output}`);
          }
        });
        resolve({ name, child, url: message.url, output: () => output });
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      const error = new Error(
        `${name} exited before it was ready (${signal ?? `code ${code}`}); its output:\n${output}`,
      );
      // Its port was taken (the subgraphs' and gateways' start-up failure, old and new: "port N on H
      // is already in use"; Node's own error text otherwise): the caller may start it on another.
      if (/is already in use|EADDRINUSE/.test(output)) error.code = "EADDRINUSE";
      reject(error);
    });
  });
}

// How many times a start that lost a port is tried again on new ports.
const PORT_ATTEMPTS = 5;

/**
 * Runs `start` (which picks its ports anew each time) and, when it fails because a port it picked
 * was taken before its process could listen on it (an error with `code` "EADDRINUSE"), again, up to
 * PORT_ATTEMPTS times in all; `what` names it in the line printed before each new attempt.
 */
export async function retryOnLostPort(what, start) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (error.code !== "EADDRINUSE" || attempt === PORT_ATTEMPTS) throw error;
      console.log(
        `${error.message.trim().split("\n").at(-1)}: starting ${what} again on new ports ` +
          `(attempt ${attempt + 1} of ${PORT_ATTEMPTS})`,
      );
    }
  }
}

/** Runs a Node script to completion, echoing its output with a prefix; rejects on a non-zero exit. */
export function runScript(label, entry, args, { env, cwd }) {
  const child = spawn(process.execPath, [entry, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  const echo = (stream) => (chunk) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`  ${label}: ${line}\n`);
  };
  child.stdout.on("data", echo(process.stdout));
  child.stderr.on("data", echo(process.stderr));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `code ${code}`})`));
    });
  });
}

/** What each started process printed last (its logs are at LOG_LEVEL=warn: problems only). */
export function recentOutput(chars = 3000) {
  return [...logs].map(([name, output]) => [name, output().slice(-chars).trim()]).filter(([, text]) => text !== "");
}

/** Stops one process: SIGTERM, then SIGKILL if it is still there after the grace period. */
export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stoppedByBench = true;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const outcome = await Promise.race([exited.then(() => "exited"), delay(STOP_GRACE_MS).then(() => "timeout")]);
  if (outcome === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}

/** Stops every process the benchmark started, gateways and subgraphs alike. */
export async function stopAll() {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

/** Last resort on a hard exit: kill whatever is left without waiting. */
export function killAllNow() {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

/** Resident set size of a process in bytes (Linux /proc), or undefined where it cannot be read. */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc), or NaN. */
export function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at field 3; utime, stime are 14, 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

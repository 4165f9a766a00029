// The lifecycle of a run: every process, database and checkout it made is removed however the run
// ends — normally, on an error, on Ctrl-C (the load stops, then everything is stopped), or on a
// second Ctrl-C (killed at once).
import { rmSync } from "node:fs";
import process from "node:process";
import { stopLoad } from "./load.mjs";
import { killAllNow, recentOutput, stopAll } from "./processes.mjs";

class Interrupted extends Error {}
let interrupted = false;
let dataDir; // --service-level-report's temporary DATA_DIR
let store; // the run's databases (lib/databases.mjs)
let baselineCheckout;

/** Hands a temporary DATA_DIR to the run (removed at the end); returns it. */
export function ownDataDir(dir) {
  dataDir = dir;
  return dir;
}

/** Hands the run's databases (lib/databases.mjs) to the run (removed at the end); returns them. */
export function ownStore(opened) {
  store = opened;
  return opened;
}

/** Hands the baseline's checkout (lib/baseline.mjs) to the run (removed at the end, unless kept). */
export function ownBaselineCheckout(handle) {
  baselineCheckout = handle;
}

function removeData() {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  store?.removeNow();
}

function onSignal(signal) {
  if (interrupted) {
    killAllNow();
    removeData();
    baselineCheckout?.removeNow();
    process.exit(130);
  }
  interrupted = true;
  console.error(`\nbench: ${signal} received, stopping the load and every process started (again to force)`);
  stopLoad();
}

/** Stops everything on Ctrl-C, SIGTERM and an uncaught exception; call first. */
export function installSignalHandlers() {
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("uncaughtException", (error) => {
    console.error(`bench: ${error.stack ?? error}`);
    killAllNow();
    removeData();
    baselineCheckout?.removeNow();
    process.exit(1);
  });
}

/** Throws (ending the run through `runToEnd`) once the run has been interrupted. */
export function checkpoint() {
  if (interrupted) throw new Interrupted("interrupted");
}

/**
 * Runs `main`, then stops every process and removes what the run made; on a failure prints it with
 * what the processes logged last. Exits the process (130 when interrupted, 1 on a failure).
 */
export async function runToEnd(main) {
  try {
    await main();
  } catch (error) {
    if (error instanceof Interrupted) {
      process.exitCode = 130;
    } else {
      console.error(`\nbench failed: ${error.stack ?? error}`);
      for (const [name, text] of recentOutput()) console.error(`\n--- the last output of ${name} ---\n${text}`);
      process.exitCode = 1;
    }
  } finally {
    await stopAll();
    // Drops the databases it created on a --mariadb-url server (the forced paths only name them).
    await store?.remove().catch((error) => console.error(`bench: removing the databases failed: ${error.message}`));
    removeData();
    await baselineCheckout?.remove();
    // An interrupted autocannon run can leave its 10 s request timers behind: do not wait for them.
    process.exit(process.exitCode ?? 0);
  }
}

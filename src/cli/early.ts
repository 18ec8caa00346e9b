/**
 * verify's test process, started by bin/ts-dojo.js before the rest of the CLI loads. A Node
 * start is the longest single step on the way to a verdict (~60 ms here), and loading the CLI
 * takes ~40 ms more: begun this early, the process is ready by the time the bundle is. The
 * command takes it; one nobody took is killed when the command returns, and one left by a
 * crash exits by itself once our end of its stdin closes.
 */
import { startTestProcess, type TestProcess } from "../runner/run-tests.js";

let early: TestProcess | undefined;

/** argv without node and the script: start a test process when the command will want one. */
export function startEarly(argv: readonly string[]): void {
  if (argv[0] === "verify" && !argv.includes("--help") && !argv.includes("-h")) early = startTestProcess();
}

/** The process started early, once; undefined when there is none (e.g. main() called in a test). */
export function takeEarlyTestProcess(): TestProcess | undefined {
  const taken = early;
  early = undefined;
  return taken;
}

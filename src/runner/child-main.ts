/**
 * The test process. It starts before the bundle exists and waits for its path on stdin, so
 * a verify (or a save in watch mode) does not wait for a Node start. One run per process.
 */
// Loaded now, while we wait, because nearly every test file needs them.
import "node:test";
import "node:assert/strict";
import { basename, dirname } from "node:path";
import { pathToFileURL } from "node:url";

let buffered = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  buffered += chunk;
  const newline = buffered.indexOf("\n");
  if (newline === -1) return;
  // Stop reading so stdin does not keep the process alive once the tests are done.
  process.stdin.destroy();
  const bundle = buffered.slice(0, newline);
  process.env.TS_DOJO_RUN_DIR = dirname(bundle);
  // Run folders are named "<task id>-XXXXXX" (overlay.ts); the harness names the task in its replay commands.
  process.env.TS_DOJO_TASK = basename(dirname(bundle)).slice(0, -7);
  process.chdir(dirname(bundle));
  import(pathToFileURL(bundle).href).catch((err: unknown) => {
    // A top-level throw in the tests or the learner's module: report it as a failure.
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  });
});
// The dojo closed our stdin without a bundle (it was cancelled): leave quietly.
process.stdin.on("end", () => {
  if (!buffered.includes("\n")) process.exit(0);
});

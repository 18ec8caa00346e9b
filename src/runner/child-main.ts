/**
 * The test process. It starts before the bundle exists and waits for its path on stdin, so
 * a verify (or a save in watch mode) does not wait for a Node start. One run per process.
 */
// Loaded now, while we wait, because nearly every test file needs them.
import "node:test";
import "node:assert/strict";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";

let buffered = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  buffered += chunk;
  const newline = buffered.indexOf("\n");
  if (newline === -1) return;
  // Stop reading so stdin does not keep the process alive once the tests are done.
  process.stdin.destroy();
  // One JSON line: the bundle, and settings known only once the dojo has read the workspace
  // (the task id for the harness's replay commands, a DATABASE_URL from ts-dojo.yaml).
  const { bundle, env } = JSON.parse(buffered.slice(0, newline)) as { bundle: string; env?: Record<string, string> };
  Object.assign(process.env, env);
  process.env.TS_DOJO_RUN_DIR = dirname(bundle);
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

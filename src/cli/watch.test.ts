/** Watch mode end to end: edit a file in a temp workspace and wait for the verdict, as a learner would. */
import assert from "node:assert/strict";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { attemptFiles, exited, MINI, spawnCli, tempWorkspace, waitFor } from "../testing/cli.js";

let ws: string;
let cleanup: () => Promise<void>;
before(async () => {
  ({ dir: ws, cleanup } = await tempWorkspace());
});
after(() => cleanup());

test("watch verifies at start and again on every save, test verdict first, then stops cleanly on Ctrl-C", async () => {
  const child = spawnCli(["watch", "0.1-add"], ws);
  // Whatever happens below, never leave a watcher running.
  after(() => child.kill("SIGKILL"));
  const count = (re: RegExp) => child.output().match(re)?.length ?? 0;
  await waitFor(() => count(/FAILED 0\/3/g) === 1, child.output);
  await waitFor(() => count(/watching exercises\/phase-0\/0\.1-add/g) === 1, child.output);

  await copyFile(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), join(ws, "exercises/phase-0/0.1-add/src/add.ts"));
  await waitFor(() => count(/PASSED 3\/3/g) === 1, child.output);
  const out = child.output();
  assert.ok(out.indexOf("tests: 3/3 passed · type-checking…") < out.indexOf("PASSED 3/3"), "the test verdict comes before the type check");

  await writeFile(
    join(ws, "exercises/phase-0/0.1-add/src/add.ts"),
    "export function add(a: number, b: number): number {\n  return a === 0 ? b + 1 : a + b;\n}\n",
  );
  await waitFor(() => count(/FAILED 2\/3/g) === 1, child.output);
  await waitFor(() => count(/watching exercises/g) === 3, child.output);

  child.kill("SIGINT");
  assert.equal(await exited(child), 0);
  assert.match(child.output(), /stopped watching/);
  assert.equal((await attemptFiles(ws, "0.1-add")).length, 3, "each run is a recorded attempt");
});

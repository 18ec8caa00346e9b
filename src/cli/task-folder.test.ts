/** A workspace made before a task existed gets that task's folder on first use, and only then. */
import assert from "node:assert/strict";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cli, tempWorkspace } from "../testing/cli.js";

let ws: string;
let cleanup: () => Promise<void>;
before(async () => {
  ({ dir: ws, cleanup } = await tempWorkspace());
});
after(() => cleanup());

test("show on a task with no folder creates it from the starter and says so; the next show does not", async () => {
  const folder = join(ws, "exercises/phase-0/0.1-add");
  await rm(folder, { recursive: true });
  const first = await cli(["show", "0.1"], ws);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /\+ Added exercises\/phase-0\/0\.1-add: this task is newer than your workspace/);
  assert.ok(await stat(join(folder, "src/add.ts")), "the starter is there");
  assert.ok(await stat(join(folder, "README.md")), "with the lesson");
  const second = await cli(["show", "0.1"], ws);
  assert.doesNotMatch(second.stdout, /Added/);
});

test("an existing folder is never touched: the learner's edits stay", async () => {
  const file = join(ws, "exercises/phase-0/0.1-add/src/add.ts");
  await writeFile(file, "// mine\n");
  const r = await cli(["show", "0.1"], ws);
  assert.doesNotMatch(r.stdout, /Added/);
  assert.equal(await readFile(file, "utf8"), "// mine\n");
});

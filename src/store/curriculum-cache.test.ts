/** The cached curriculum follows an author's edits: a changed task.yaml, a new test file, a new diagram. */
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { MINI } from "../testing/cli.js";
import { loadCurriculumCached } from "./curriculum-cache.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ts-dojo-cache-"));
  await cp(MINI, root, { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const task = async () => (await loadCurriculumCached(root)).curriculum?.tasks.find((t) => t.id === "0.1-add");

test("a second load is served from the cache and equals the first", async () => {
  const first = await task();
  assert.ok(first);
  assert.deepEqual(await task(), first);
});

test("an edited task.yaml, a new test file and a new diagram are seen on the next load", async () => {
  await task();
  const yaml = join(root, "phase-0/0.1-add/task.yaml");
  await writeFile(yaml, (await readFile(yaml, "utf8")).replace(/^title: .*$/m, "title: Add, edited"));
  await writeFile(join(root, "phase-0/0.1-add/tests/more.test.ts"), "// another test file\n");
  await mkdir(join(root, "phase-0/0.1-add/diagrams"), { recursive: true });
  await writeFile(join(root, "phase-0/0.1-add/diagrams/0000000000000000.svg"), "<svg/>");
  const after = await task();
  assert.equal(after?.title, "Add, edited");
  assert.ok(after?.listing.includes("tests/more.test.ts"), "verify copies tests from the listing, so it must be current");
  assert.ok(after?.listing.includes("diagrams/0000000000000000.svg"));
});

/** `ts-dojo dev check` reports a broken curriculum with files, lines and reasons, and passes a good one. */
import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { cli, MINI } from "../testing/cli.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ts-dojo-devcheck-"));
  await cp(MINI, root, { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));
const check = (...args: string[]) => cli(["dev", "check", ...args], root, { TS_DOJO_CURRICULUM: root });

test("the fixture curriculum passes", async () => {
  const r = await check("--filter", "0.1");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /curriculum ok: 1 task\(s\) checked/);
});

test("malformed yaml and a missing file are reported with file, line and reason", async () => {
  await writeFile(join(root, "phase-0/0.2-hang/task.yaml"), "id: 0.2-hang\ntitle: [oops\nkind: code\n");
  await rm(join(root, "phase-0/0.1-add/lesson.md"));
  const r = await check("--no-run");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /phase-0\/0\.2-hang\/task\.yaml:\d+: malformed yaml/);
  assert.match(r.stderr, /phase-0\/0\.1-add\/lesson\.md: lesson\.md is missing/);
});

test("a schema error names the field and its line", async () => {
  await writeFile(
    join(root, "phase-0/0.1-add/task.yaml"),
    "id: 0.1-add\ntitle: Add\nkind: code\nsummary: s\ncriteria: [a, b, c]\nfiles: [src/add.ts]\nhints: []\nreview: [3 days]\n",
  );
  const r = await check("--no-run");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /0\.1-add\/task\.yaml:7: hints: /);
  assert.match(r.stderr, /0\.1-add\/task\.yaml:8: review\.0: /);
});

test("a starter that passes and a solution that fails are caught", async () => {
  await cp(join(root, "phase-0/0.1-add/solution/src/add.ts"), join(root, "phase-0/0.1-add/starter/src/add.ts"));
  await writeFile(
    join(root, "phase-0/0.1-add/solution/src/add.ts"),
    "export function add(a: number, b: number): number {\n  return a - b;\n}\n",
  );
  const r = await check("--filter", "0.1");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /phase-0\/0\.1-add\/starter\/: the starter passes every test/);
  assert.match(r.stderr, /phase-0\/0\.1-add\/solution\/: the solution must pass, but run 1 of 3 did not \(failing: adds small numbers/);
});

test("a known-bad solution the tests do not catch is reported, and so is one that only fails to type-check", async () => {
  await cp(join(root, "phase-0/0.1-add/solution/src/add.ts"), join(root, "phase-0/0.1-add/bad/off-by-one/src/add.ts"));
  await writeFile(
    join(root, "phase-0/0.1-add/bad/string-concat/src/add.ts"),
    "export function add(a: number, b: number): number {\n  return String(a);\n}\n",
  );
  const r = await check("--filter", "0.1");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\/off-by-one\/: known-bad bad\/off-by-one passes every test \(3\); the tests do not catch it/);
  assert.match(r.stderr, /bad\/string-concat\/: known-bad bad\/string-concat must type-check and fail on behaviour/);
});

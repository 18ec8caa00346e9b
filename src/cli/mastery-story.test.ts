/**
 * Drills, placement and review through the real CLI, with answers piped in and the clock moved
 * by TS_DOJO_NOW: months of a learner's life in a few seconds.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Curriculum } from "../core/curriculum.js";
import { loadCurriculum } from "../store/load-curriculum.js";
import { loadPlacement } from "../store/load-drills.js";
import { BIN, cliEnv, git, MINI, tempWorkspace } from "../testing/cli.js";
import { placementDeck } from "./questions.js";

let ws: string;
let cleanup: () => Promise<void>;
let curriculum: Curriculum;
before(async () => {
  ({ dir: ws, cleanup } = await tempWorkspace());
  curriculum = (await loadCurriculum(MINI)).curriculum as Curriculum;
});
after(() => cleanup());

/** Run the CLI with these lines on stdin. */
function answer(args: string[], lines: string[], now: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ws, env: cliEnv({ TS_DOJO_NOW: now }) }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, out: stdout + stderr });
    });
    child.stdin?.end(lines.map((l) => `${l}\n`).join(""));
  });
}

test("a drill played with piped answers scores them, corrects the wrong one, and is recorded", async () => {
  const r = await answer(["drill", "parity", "--count", "3", "--seed", "11"], ["even", "even", "odd"], "2026-01-01T09:00:00Z");
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /\[3\/3\]/);
  assert.match(r.out, /right \(\d+ %\)/);
  const wrong = r.out.match(/✗ the answer is (even|odd)/g) ?? [];
  const right = r.out.match(/✓ right/g) ?? [];
  assert.equal(wrong.length + right.length, 3);
  if (wrong.length > 0) assert.match(r.out, /\d+ \+ \d+ = \d+/, "a miss shows the explanation");
  assert.match((await git(ws, ["log", "-1", "--format=%s"])).trim(), /^drill parity: \d\/3 \(practice\)$/);
});

test("an unknown drill lists the real ones", async () => {
  const r = await answer(["drill", "parrity"], [], "2026-01-01T09:00:00Z");
  assert.equal(r.code, 2);
  assert.match(r.out, /No such drill[\s\S]*parity/);
});

test("placement: answering 0.1 well places it; its first review comes at the first interval", async () => {
  const seed = 5;
  const task = curriculum.tasks.find((t) => t.id === "0.1-add");
  const hang = curriculum.tasks.find((t) => t.id === "0.2-hang");
  assert.ok(task && hang);
  const { placement } = await loadPlacement(curriculum, "phase-0");
  // Right answers for 0.1-add, wrong ones for 0.2-hang: the CLI builds the same seeded questions.
  const q1 = await placementDeck(curriculum, placement, task, seed);
  const q2 = await placementDeck(curriculum, placement, hang, seed);
  const lines = [...q1.map((q) => q.expected), ...q2.map(() => "no such option")];
  const r = await answer(["placement", "phase-0", "--seed", String(seed), "--yes"], lines, "2026-02-01T09:00:00Z");
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /0\.1-add\s+4\/4\s+skip/);
  assert.match(r.out, /0\.2-hang\s+0\/3\s+do the task fully/);
  assert.match(r.out, /placed: 0\.1-add — first review in 3d/);
  assert.match(await git(ws, ["log", "-1", "--format=%s"]), /placement 0\.1-add: placed \(4\/4 right\)/);

  const before = await answer(["status"], [], "2026-02-03T09:00:00Z");
  assert.match(before.out, /0\.1-add\s+passed · review in 1 day/);
  assert.match(before.out, /Current task: 0\.2-hang/);
  const due = await answer(["status"], [], "2026-02-04T09:00:00Z");
  assert.match(due.out, /Reviews due \(1\):\n\s+↻ 0\.1-add/);
});

test("review: drills, then the kata resets the exercise; passing moves up a stage, failing drops back", async () => {
  const file = join(ws, "exercises/phase-0/0.1-add/src/add.ts");
  await copyFile(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), file);
  const r = await answer(["review"], ["even", "even", "odd"], "2026-02-04T10:00:00Z");
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /Review · 0\.1-add/);
  assert.match(r.out, /1\. Drills/);
  assert.match(r.out, /2\. Kata \(time box 20 minutes\)/);
  assert.match(await readFile(file, "utf8"), /TODO/, "the kata starts from the starter");
  assert.match(await git(ws, ["log", "--format=%s", "-5"]), /review 0\.1-add: drills \d\/\d, kata started/);

  await copyFile(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), file);
  const pass = await answer(["verify", "0.1-add"], [], "2026-02-04T10:10:00Z");
  assert.equal(pass.code, 0, pass.out);
  assert.match(pass.out, /Review passed \(stage 1 of 2\) — next review 2026-02-11/);

  await copyFile(join(MINI, "phase-0/0.1-add/bad/off-by-one/src/add.ts"), file);
  const fail = await answer(["verify", "0.1-add"], [], "2026-02-12T09:00:00Z");
  assert.equal(fail.code, 1);
  const status = await answer(["status"], [], "2026-02-12T09:05:00Z");
  assert.match(status.out, /0\.1-add\s+passed · review in 3 days/, "a lapse drops back to stage 0 and its interval");
  const log = await git(ws, ["log", "--format=%s", "-12"]);
  assert.match(log, /verify 0\.1-add: failed[\s\S]*verify 0\.1-add: passed/);
});

test("review with nothing due says when the next one is", async () => {
  const r = await answer(["review"], [], "2026-02-12T09:10:00Z");
  assert.equal(r.code, 0);
  assert.match(r.out, /No reviews due\. Next: 0\.1-add in 3 days \(2026-02-15\)/);
});

/**
 * The learner's loop, end to end through the real CLI and real git, on the fixture curriculum:
 * init → verify (fail) → verify (pass) → git log → status, with the clock moved by TS_DOJO_NOW.
 */
import assert from "node:assert/strict";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { attemptFiles, cli, git, MINI, tempWorkspace } from "../testing/cli.js";

const TASK = "exercises/phase-0/0.1-add";
const solution = join(MINI, "phase-0/0.1-add/solution/src/add.ts");
const offByOne = join(MINI, "phase-0/0.1-add/bad/off-by-one/src/add.ts");

describe("a learner's first task", () => {
  let ws: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ dir: ws, cleanup } = await tempWorkspace());
  });
  after(() => cleanup());
  // Every step happens on a fixed clock, moved forward where the story needs it.
  const dojo = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(args, ws, { TS_DOJO_NOW: "2026-03-01T09:00:00Z", ...env });

  test("init makes a git repository with the exercises, the lesson and one commit", async () => {
    assert.match(await readFile(join(ws, TASK, "README.md"), "utf8"), /Misconception/);
    assert.match(await readFile(join(ws, TASK, "src/add.ts"), "utf8"), /TODO/);
    assert.match(await readFile(join(ws, TASK, "add.test.ts"), "utf8"), /adds small numbers/);
    assert.equal((await git(ws, ["log", "--oneline"])).trim().split("\n").length, 1);
  });

  test("status points at the first task and says how to start", async () => {
    const r = await dojo([]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Current task: 0\.1-add/);
    assert.match(r.stdout, /ts-dojo show 0\.1-add/);
  });

  test("show renders the task page", async () => {
    const r = await dojo(["show"]);
    assert.equal(r.code, 0);
    for (const part of [/phase 0 · 0\.1-add/, /review intervals 3d 7d/, /Mastery criteria/, /ts-dojo verify 0\.1-add/, /a \+ b/])
      assert.match(r.stdout, part);
  });

  test("the untouched starter fails once per error: one TODO, shown once, naming the other tests it fails", async () => {
    const r = await dojo(["verify"]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout.match(/Error: TODO: add a and b/g)?.length, 1);
    assert.match(r.stdout, /the same error fails 2 more: adds negatives; adds zero/);
  });

  test("a wrong answer fails with expected vs actual and where, exit 1, and is committed", async () => {
    await copyFile(offByOne, join(ws, TASK, "src/add.ts"));
    const r = await dojo(["verify"]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /✗ adds small numbers/);
    assert.match(r.stdout, /2 \+ 3 should be 5/);
    assert.match(r.stdout, /expected: 5\n\s+actual: {3}6/);
    assert.match(r.stdout, /add\.test\.ts:6:/);
    assert.match(r.stdout, /FAILED 0\/3 tests passed/);
    assert.match(r.stdout, /ts-dojo hint 0\.1-add/);
    const log = await git(ws, ["log", "-1", "--format=%s%n%(trailers:key=Dojo-Result,valueonly)"]);
    assert.match(log, /verify 0\.1-add: failed \(0\/3 tests\)\nfailed/);
  });

  test("the fix passes, exit 0, and the first review is scheduled", async () => {
    await copyFile(solution, join(ws, TASK, "src/add.ts"));
    const r = await dojo(["verify", "0.1"], { TS_DOJO_NOW: "2026-03-01T10:00:00Z" });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /PASSED 3\/3 tests passed/);
    assert.match(r.stdout, /next review 2026-03-04 \(in 3 days\)/);
    const show = await git(ws, ["show", "--stat", "--format=%B", "HEAD"]);
    assert.match(show, /Dojo-Task: 0\.1-add/);
    assert.match(show, /Dojo-Tests: 3\/3/);
    assert.match(show, /src\/add\.ts/, "the learner's file is committed with the attempt");
    assert.equal((await attemptFiles(ws, "0.1-add")).length, 3);
  });

  test("status shows the pass, the next task, and the review date", async () => {
    const r = await dojo([], { TS_DOJO_NOW: "2026-03-02T10:00:00Z" });
    assert.match(r.stdout, /0\.1-add\s+passed · review in 2 days/);
    assert.match(r.stdout, /Current task: 0\.2-hang/);
    assert.match(r.stdout, /Next: 0\.1-add in 2 days \(2026-03-04\)/);
  });

  test("when the clock passes the due date, status lists the review and verify advances it", async () => {
    const later = { TS_DOJO_NOW: "2026-03-05T10:00:00Z" };
    const s = await dojo([], later);
    assert.match(s.stdout, /Reviews due \(1\)/);
    const v = await dojo(["verify", "0.1-add"], later);
    assert.equal(v.code, 0);
    assert.match(v.stdout, /Review passed \(stage 1 of 2\) — next review 2026-03-12/);
  });

  test("hints come one at a time, are recorded, and run out with a clear message", async () => {
    const one = await dojo(["hint", "0.1-add"]);
    assert.match(one.stdout, /Hint 1 of 2/);
    assert.doesNotMatch(one.stdout, /Hint 2 of 2/);
    const two = await dojo(["hint", "0.1-add"]);
    assert.match(two.stdout, /Hint 1 of 2[\s\S]*Hint 2 of 2/);
    const three = await dojo(["hint", "0.1-add"]);
    assert.equal(three.code, 2);
    assert.match(three.stderr, /No more hints/);
    assert.match(await git(ws, ["log", "-1", "--format=%s"]), /hint 0\.1-add: hint 2 revealed/);
  });

  test("the solution needs a pass, or --force with --yes when there is no terminal", async () => {
    const locked = await dojo(["solution", "0.2-hang"]);
    assert.equal(locked.code, 2);
    assert.match(locked.stderr, /not passed 0\.2-hang yet/);
    const noYes = await dojo(["solution", "0.2-hang", "--force"]);
    assert.equal(noYes.code, 2);
    assert.match(noYes.stderr, /--yes/);
    const forced = await dojo(["solution", "0.2-hang", "--force", "--yes"]);
    assert.equal(forced.code, 0);
    assert.match(forced.stdout, /return 42/);
    assert.match(await git(ws, ["log", "-1", "--format=%s"]), /solution 0\.2-hang: viewed before passing/);
    const free = await dojo(["solution", "0.1-add"]);
    assert.equal(free.code, 0, "a passed task's solution is free");
  });

  test("reset restores the starter and keeps the learner's version in git", async () => {
    const r = await dojo(["reset", "0.1-add"]);
    assert.equal(r.code, 0);
    assert.match(await readFile(join(ws, TASK, "src/add.ts"), "utf8"), /TODO/);
    const history = await git(ws, ["log", "-p", "--format=%s", "--", `${TASK}/src/add.ts`]);
    assert.match(history, /return a \+ b;/, "the solved version is still in history");
  });

  test("unknown tasks and commands get a suggestion and exit 2", async () => {
    const t = await dojo(["verify", "0.1-adx"]);
    assert.equal(t.code, 2);
    assert.match(t.stderr, /Did you mean 0\.1-add\?/);
    const c = await dojo(["verfy"]);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /Did you mean `verify`\?/);
  });

  test("a verify refused before it starts still exits: the test process started early is stopped", async () => {
    // bin starts verify's test process before parsing anything; a usage error must not leave
    // it waiting on our stdin, which would keep the CLI from exiting (killed after 10 s here).
    const r = await cli(["verify", "--bogus"], ws, {}, 10_000);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown option '--bogus'/);
  });
});

test("outside a workspace, commands say how to make one", async () => {
  const r = await cli(["status"], "/");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Not inside a dojo workspace/);
  assert.match(r.stderr, /ts-dojo init/);
});

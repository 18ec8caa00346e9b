/**
 * The two tasks a new learner meets first, on the real curriculum: 0.1 (a concept task) and
 * 1.3 (a code task). Read, fail with useful output, pass, see it in git log and in status.
 */
import assert from "node:assert/strict";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { curriculumRoot } from "../store/paths.js";
import { cli, git } from "../testing/cli.js";

const real = { TS_DOJO_CURRICULUM: curriculumRoot({}), TS_DOJO_NOW: "2026-05-04T08:00:00Z" };
const C = curriculumRoot({});
let parent: string;
let ws: string;
const dojo = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(args, ws, { ...real, ...env });

before(async () => {
  parent = await mkdtemp(join(tmpdir(), "ts-dojo-first-"));
  ws = join(parent, "my-dojo");
  const r = await cli(["init", ws], parent, real);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Current task: 0\.1-backend-mental-model/);
});
after(() => rm(parent, { recursive: true, force: true }));

test("0.1: the task page shows the lesson's diagram and the criteria", async () => {
  const r = await dojo(["show"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /phase 0 · 0\.1-backend-mental-model/);
  assert.match(r.stdout, /┌──────────┐/, "box drawings survive");
  assert.match(r.stdout, /Mastery criteria/);
  assert.match(r.stdout, /Further reading/);
});

test("0.1: the starter fails with messages that say what is missing", async () => {
  const r = await dojo(["verify"]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /not answered yet/);
  assert.match(r.stdout, /answers\.test\.ts:\d+:\d+/);
  assert.doesNotMatch(r.stdout, /subtests? failed/, "groups are not reported as failures of their own");
});

test("0.1: a typical mistake is named", async () => {
  await copyFile(
    join(C, "phase-0/0.1-backend-mental-model/bad/welcome-email-in-database/answers.ts"),
    join(ws, "exercises/phase-0/0.1-backend-mental-model/answers.ts"),
  );
  const r = await dojo(["verify"]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /✗ .*welcome e-mail/);
  assert.match(r.stdout, /FAILED 20\/21 tests passed/);
});

test("0.1: the answers pass, the attempt is in git log, status moves on", async () => {
  await copyFile(
    join(C, "phase-0/0.1-backend-mental-model/solution/answers.ts"),
    join(ws, "exercises/phase-0/0.1-backend-mental-model/answers.ts"),
  );
  const r = await dojo(["verify", "0.1"]);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /next review 2026-05-07/);
  assert.match(await git(ws, ["log", "--oneline"]), /verify 0\.1-backend-mental-model: passed \(21\/21 tests\)/);
  const s = await dojo([]);
  assert.match(s.stdout, /✓ 0\.1-backend-mental-model\s+passed · review in 3 days/);
  assert.match(s.stdout, /Current task: 0\.2-request-lifecycle/);
});

test("1.3: a channel that lets one send too many through fails on backpressure", async () => {
  const file = join(ws, "exercises/phase-1/1.3-async-channel/src/channel.ts");
  await copyFile(join(C, "phase-1/1.3-async-channel/bad/off-by-one-capacity/src/channel.ts"), file);
  const r = await dojo(["verify", "1.3"]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /✗ .*send\(\) waits while the buffer is full/);
  assert.match(r.stdout, /must wait \(backpressure\)/);
  assert.match(r.stdout, /channel\.test\.ts:\d+:\d+/);
});

test("1.3: the reference channel passes and is scheduled for review", async () => {
  await copyFile(
    join(C, "phase-1/1.3-async-channel/solution/src/channel.ts"),
    join(ws, "exercises/phase-1/1.3-async-channel/src/channel.ts"),
  );
  const r = await dojo(["verify", "1.3"]);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /PASSED 20\/20/);
  const log = await git(ws, ["log", "-1", "--format=%(trailers:key=Dojo-Task,valueonly)%(trailers:key=Dojo-Result,valueonly)"]);
  assert.equal(log.trim(), "1.3-async-channel\npassed");
  const early = await dojo(["status", "--all"], { TS_DOJO_NOW: "2026-05-06T08:00:00Z" });
  assert.match(early.stdout, /1\.3-async-channel\s+passed · review in 1 day/);
  assert.match(early.stdout, /No reviews due/);
  const later = await dojo(["status"], { TS_DOJO_NOW: "2026-05-08T08:00:00Z" });
  assert.match(later.stdout, /Reviews due \(2\):\n.*0\.1-backend-mental-model.*\n.*1\.3-async-channel/);
});

/**
 * Nothing the learner does, and nothing that happens to the dojo, may lose or damage their work:
 * Ctrl-C mid-verify, a killed dojo, an endless loop, a corrupt cache, two verifies at once.
 * Each test gets its own run folder (TS_DOJO_RUNS_DIR) so it can see exactly what was left behind.
 */
import assert from "node:assert/strict";
import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import { attemptFiles, cli, exited, git, MINI, spawnCli, tempWorkspace, waitFor } from "../testing/cli.js";

const HANG = "exercises/phase-0/0.2-hang/answer.ts";
const ADD = "exercises/phase-0/0.1-add/src/add.ts";
const spin = join(MINI, "phase-0/0.2-hang/bad/spin/answer.ts");

/** True once the test process (not the dojo, not tsc) has burnt real CPU time: the endless loop is running. */
async function spinning(marker: string): Promise<boolean> {
  for (const pid of await processesWith(marker)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (!cmdline.includes("child-main.js")) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const utime = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[11]);
    if (utime > 20) return true;
  }
  return false;
}

/** Processes whose environment carries this marker: the dojo and anything it started. */
async function processesWith(marker: string): Promise<number[]> {
  const pids = (await readdir("/proc")).filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  const found: number[] = [];
  for (const pid of pids) {
    const env = await readFile(`/proc/${pid}/environ`, "utf8").catch(() => "");
    if (env.includes(marker)) found.push(Number(pid));
  }
  return found;
}

describe("robustness", { concurrency: false }, () => {
  let ws: string;
  let cleanup: () => Promise<void>;
  let runs: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    ({ dir: ws, cleanup } = await tempWorkspace());
    runs = await mkdtemp(join(tmpdir(), "ts-dojo-runs-test-"));
    env = { TS_DOJO_RUNS_DIR: runs };
  });
  afterEach(() => cleanup());

  test("an endless loop is stopped at the task's time limit, reported, recorded, and leaves nothing running", async () => {
    await copyFile(spin, join(ws, HANG));
    const r = await cli(["verify", "0.2-hang"], ws, env);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /did not finish within 2s/);
    assert.equal((await attemptFiles(ws, "0.2-hang")).length, 1, "the timeout is a recorded failure");
    assert.deepEqual(await readdir(runs), [], "the run folder is removed");
    assert.deepEqual(await processesWith(runs), [], "the test process group is killed");
  });

  test("Ctrl-C during verify stops the run, records nothing, and leaves the learner's files as they were", async () => {
    await copyFile(spin, join(ws, HANG));
    const before = await readFile(join(ws, HANG), "utf8");
    const commits = await git(ws, ["rev-list", "--count", "HEAD"]);
    const child = spawnCli(["verify", "0.2-hang"], ws, env);
    // Wait until the learner's endless loop is really running.
    await waitFor(() => spinning(runs));
    child.kill("SIGINT");
    assert.equal(await exited(child), 130);
    assert.match(child.output(), /stopped — nothing was recorded/);
    assert.equal(await readFile(join(ws, HANG), "utf8"), before);
    assert.deepEqual(await attemptFiles(ws, "0.2-hang"), []);
    assert.equal(await git(ws, ["rev-list", "--count", "HEAD"]), commits, "no commit was made");
    await waitFor(async () => (await processesWith(runs)).length === 0);
    assert.deepEqual(await readdir(runs), []);
  });

  test("a dojo killed mid-verify damages nothing; the next verify cleans up after it and works", async () => {
    await copyFile(spin, join(ws, HANG));
    const child = spawnCli(["verify", "0.2-hang"], ws, env);
    await waitFor(() => spinning(runs));
    child.kill("SIGKILL");
    await exited(child);
    assert.equal((await processesWith(runs)).length > 0, true, "the orphaned test process is still spinning");
    await copyFile(join(MINI, "phase-0/0.2-hang/solution/answer.ts"), join(ws, HANG));
    const r = await cli(["verify", "0.2-hang"], ws, env);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    await waitFor(async () => (await processesWith(runs)).length === 0);
    assert.deepEqual(await readdir(runs), [], "the stale run folder is swept");
    assert.equal((await git(ws, ["status", "--porcelain"])).trim(), "", "the repository is clean");
    await git(ws, ["fsck", "--no-progress"]);
  });

  test("a corrupt state.json is rebuilt from the attempt records, with a note", async () => {
    await copyFile(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), join(ws, ADD));
    assert.equal((await cli(["verify", "0.1-add"], ws, env)).code, 0);
    await writeFile(join(ws, ".ts-dojo/state.json"), "{ this is not json");
    const r = await cli(["status"], ws, env);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /state\.json was unreadable; rebuilt it from 1 attempt records/);
    assert.match(r.stdout, /0\.1-add\s+passed/);
    assert.equal((await cli(["status"], ws, env)).stderr, "", "the rebuilt cache is good");
  });

  test("a damaged attempt record is skipped and named, never fatal", async () => {
    assert.equal((await cli(["verify", "0.1-add"], ws, env)).code, 1);
    const [file] = await attemptFiles(ws, "0.1-add");
    await writeFile(join(ws, ".ts-dojo/attempts/0.1-add", file ?? ""), "garbage");
    await writeFile(join(ws, ".ts-dojo/state.json"), "");
    const r = await cli(["status"], ws, env);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /skipped \.ts-dojo\/attempts\/0\.1-add\/.*: it is not a valid attempt record/);
  });

  test("two verifies at once are serialised: both recorded, both committed, repository intact", async () => {
    await copyFile(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), join(ws, ADD));
    const [a, b] = await Promise.all([cli(["verify", "0.1-add"], ws, env), cli(["verify", "0.1-add"], ws, env)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal((await attemptFiles(ws, "0.1-add")).length, 2);
    const subjects = await git(ws, ["log", "--format=%s"]);
    assert.equal(subjects.match(/verify 0\.1-add: passed/g)?.length, 2);
    await git(ws, ["fsck", "--no-progress"]);
    assert.equal((await git(ws, ["status", "--porcelain"])).trim(), "");
  });
});

describe("clear messages for bad input", () => {
  let ws: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: ws, cleanup } = await tempWorkspace());
  });
  afterEach(() => cleanup());

  test("a broken ts-dojo.yaml names the file, the line and the field, and nothing runs", async () => {
    await writeFile(join(ws, "ts-dojo.yaml"), "scheduler: sometimes\nretention: 0.9\n");
    const r = await cli(["status"], ws);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ts-dojo\.yaml has errors/);
    assert.match(r.stderr, /ts-dojo\.yaml:1: scheduler: /);
    assert.match(r.stderr, /delete ts-dojo\.yaml to use the defaults/);
  });

  test("a deleted exercise file is reported with the command that restores it, and no attempt is recorded", async () => {
    const { rm } = await import("node:fs/promises");
    await rm(join(ws, ADD));
    const r = await cli(["verify", "0.1-add"], ws);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Exercise files are missing/);
    assert.match(r.stderr, /ts-dojo reset 0\.1-add/);
    assert.deepEqual(await attemptFiles(ws, "0.1-add"), []);
  });
});

/**
 * Every Redis task's reference solution against the real Redis on this machine (CI starts one),
 * and, with no Redis answering, the run a learner without one gets: whatever needs no Redis
 * passes and the rest is reported as needing it — INCOMPLETE, never FAILED. Afterwards no key
 * of a finished run may be left in Redis, and no run folder on disk.
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Redis } from "ioredis";
import type { Task } from "../core/curriculum.js";
import { redisAnswers, staleKeys } from "../kit/harness/redis.js";
import { LOCAL_REDIS_URL } from "../kit/redis-url.js";
import { runTask } from "../runner/run-task.js";
import { startTestProcess } from "../runner/run-tests.js";
import { loadCurriculum } from "../store/load-curriculum.js";
import { curriculumRoot } from "../store/paths.js";

const ROOT = curriculumRoot({});
const SERVER = process.env.REDIS_URL || LOCAL_REDIS_URL;
const NOWHERE = "redis://127.0.0.1:1";
const runs = await mkdtemp(join(tmpdir(), "ts-dojo-redistasks-"));
const tasks = ((await loadCurriculum(ROOT)).curriculum?.tasks ?? []).filter((t) => t.services.includes("redis"));

function solve(task: Task, redisUrl: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, TS_DOJO_RUNS_DIR: runs, REDIS_URL: redisUrl };
  return runTask({
    task,
    curriculumRoot: ROOT,
    subjectDir: join(ROOT, task.dir, "solution"),
    testProcess: startTestProcess(env),
    typecheck: "off",
  });
}

const failures = (r: Awaited<ReturnType<typeof solve>>) =>
  r.tests
    .filter((t) => !t.ok && !t.skip)
    .map((t) => `${t.name}: ${t.failure?.message}`)
    .join("\n") ||
  r.reason ||
  r.output;

let up = false;
before(async () => {
  up = await redisAnswers(SERVER);
  // CI starts Redis (.ci/run); only a developer's machine without one may skip that half.
  if (process.env.CI) assert.ok(up, `CI must reach Redis at ${SERVER}`);
});
after(() => rm(runs, { recursive: true, force: true }));

test("the curriculum has Redis tasks to check", () => {
  assert.ok(tasks.length > 0);
});

for (const task of tasks) {
  describe(task.id, () => {
    test("the solution passes against the real Redis", async (t) => {
      if (!up) return t.skip(`no Redis at ${SERVER}`);
      const r = await solve(task, SERVER);
      assert.equal(r.status, "passed", failures(r));
      assert.ok(
        r.tests.every((x) => !x.skip),
        "with Redis up nothing is skipped",
      );
    });
    test("with no Redis answering, the tests that need it are reported as needing Redis, not failed", async () => {
      const r = await solve(task, NOWHERE);
      assert.equal(r.status, "error", failures(r));
      assert.equal(r.needs, "redis", failures(r));
      assert.ok(r.tests.some((t) => t.skip && t.skipReason?.startsWith("needs Redis")));
      assert.ok(
        r.tests.filter((t) => !t.skip).every((t) => t.ok),
        failures(r),
      );
    });
  });
}

test("nothing is left behind: no key of a finished run, no run folder", async (t) => {
  assert.deepEqual(await readdir(runs), [], "run folders are removed");
  if (!up) return t.skip("no Redis to inspect");
  const client = new Redis(SERVER);
  try {
    // Keys of live processes belong to runs still going (other test files may run beside this one).
    assert.deepEqual(await staleKeys(client), [], "every test file's keys are deleted when it ends");
  } finally {
    client.disconnect();
  }
});

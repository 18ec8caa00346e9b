/**
 * Every PostgreSQL task's reference solution, on both databases a learner may have: the
 * built-in PGlite (no DATABASE_URL) and the real server on this machine. Tasks whose
 * concurrency tests need a server (services: postgres-server) must, under PGlite, pass what
 * ran and report the rest as needing PostgreSQL. Afterwards nothing may be left behind: no
 * scratch database, no test process, no run folder.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import type { Task } from "../core/curriculum.js";
import { LOCAL_POSTGRES_URL } from "../kit/postgres-url.js";
import { runTask } from "../runner/run-task.js";
import { startTestProcess } from "../runner/run-tests.js";
import { loadCurriculum } from "../store/load-curriculum.js";
import { curriculumRoot } from "../store/paths.js";
import { postgresLoginError } from "../store/postgres-probe.js";

const ROOT = curriculumRoot({});
const SERVER = process.env.DATABASE_URL || LOCAL_POSTGRES_URL;
const runs = await mkdtemp(join(tmpdir(), "ts-dojo-pgtasks-"));
const tasks = ((await loadCurriculum(ROOT)).curriculum?.tasks ?? []).filter((t) => t.services.some((s) => s.startsWith("postgres")));

function solve(task: Task, databaseUrl: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, TS_DOJO_RUNS_DIR: runs };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
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
  up = (await postgresLoginError(SERVER, 2000)) === undefined;
  // CI starts PostgreSQL (.ci/run); only a developer's machine without one may skip that half.
  if (process.env.CI) assert.ok(up, `CI must reach PostgreSQL at ${SERVER}`);
});
after(() => rm(runs, { recursive: true, force: true }));

test("the curriculum has PostgreSQL tasks to check", () => {
  assert.ok(tasks.length > 0);
});

for (const task of tasks) {
  describe(task.id, () => {
    test("the solution passes on PGlite (concurrency tests, if any, reported as needing PostgreSQL)", async () => {
      const r = await solve(task, undefined);
      if (task.services.includes("postgres-server")) {
        assert.equal(r.needs, "postgres", `expected a run that needs PostgreSQL: ${r.status} ${failures(r)}`);
        assert.ok(r.tests.some((t) => t.skip && t.skipReason?.startsWith("needs PostgreSQL")));
        assert.ok(
          r.tests.filter((t) => !t.skip).every((t) => t.ok),
          failures(r),
        );
      } else {
        assert.equal(r.status, "passed", failures(r));
      }
    });
    test("the solution passes on the real PostgreSQL server", async (t) => {
      if (!up) return t.skip(`no PostgreSQL at ${SERVER}`);
      const r = await solve(task, SERVER);
      assert.equal(r.status, "passed", failures(r));
      assert.ok(
        r.tests.every((x) => !x.skip),
        "on a real server nothing is skipped",
      );
    });
  });
}

test("nothing is left behind: no scratch database, no test process, no run folder", async (t) => {
  assert.deepEqual(await readdir(runs), [], "run folders are removed");
  const procs = await new Promise<string>((resolve) => execFile("pgrep", ["-af", runs], (_e, out) => resolve(out)));
  assert.equal(procs.trim(), "", "no test process survives its run");
  if (!up) return t.skip("no PostgreSQL server to inspect");
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'ts\\_dojo\\_%'");
    // Scratch databases are named ts_dojo_<pid>_<8 hex>; the harness's own tests make fixtures
    // with other suffixes (and may be running beside this file), so only the real form counts.
    const ours = rows.map((r) => r.datname).filter((n) => /^ts_dojo_\d+_[0-9a-f]{8}$/.test(n) && !alive(Number(n.split("_")[2])));
    assert.deepEqual(ours, [], "every scratch database is dropped when its tests end");
  } finally {
    await admin.end();
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

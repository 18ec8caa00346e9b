/**
 * A run folder: the task's starter, with the subject's copies of the editable files laid over
 * it, plus the canonical tests. Tests, type checks and bundles all work inside it, so the
 * learner's folder is only ever read. Run folders live under the OS temp dir; each records its
 * owner so a later dojo can clean up after one that was killed.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Task } from "../core/curriculum.js";
import { DojoError } from "../core/errors.js";
import { modulesView } from "./modules-view.js";

/** Where run folders go; TS_DOJO_RUNS_DIR moves them (tests use it to watch their own runs). */
export const runsDir = () => process.env.TS_DOJO_RUNS_DIR || join(tmpdir(), "ts-dojo-runs");

/** The TypeScript settings every exercise is checked with; the workspace tsconfig matches. */
export const EXERCISE_COMPILER_OPTIONS = {
  target: "es2022",
  module: "nodenext",
  moduleResolution: "nodenext",
  lib: ["es2023"],
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
} as const;

export interface RunFolder {
  readonly dir: string;
  /** Copy the subject's editable files in again (watch mode keeps one folder across saves). */
  refresh(): Promise<void>;
  /** Record the test process so a sweep can kill it if we die. */
  own(childPid: number | undefined): Promise<void>;
  remove(): Promise<void>;
}

/**
 * subjectDir holds the task's editable files (workspace task folder, solution/ or bad/<name>/); undefined = starter.
 *
 * The folder is made with synchronous calls: a dozen small files through libuv's thread pool
 * took ~15 ms of round trips on the path of every verify, the same calls made directly ~2 ms,
 * and nothing in this process has other work meanwhile (the test process boots on its own).
 */
export async function prepareRun(task: Task, curriculumRoot: string, subjectDir: string | undefined): Promise<RunFolder> {
  const view = await modulesView();
  mkdirSync(runsDir(), { recursive: true });
  const dir = mkdtempSync(join(runsDir(), `${task.id}-`));
  const source = join(curriculumRoot, task.dir);
  // Copied file by file from the task's listing: fs.cp's recursive walk costs more than the copying.
  const under = (prefix: string) => task.listing.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
  const starter = under("starter/").filter((f) => !(subjectDir && task.files.includes(f)));
  const tests = under("tests/");
  const refreshNow = () => {
    if (!subjectDir) return;
    for (const file of task.files) {
      const from = join(subjectDir, file);
      if (!existsSync(from)) throw new DojoError("ExerciseMissing", { file: from, task: task.id });
      copyFileSync(from, join(dir, file));
    }
  };
  try {
    const folders = new Set([...starter, ...tests, ...task.files].map((f) => dirname(f)).filter((d) => d !== "."));
    for (const d of folders) mkdirSync(join(dir, d), { recursive: true });
    refreshNow();
    for (const f of starter) copyFileSync(join(source, "starter", f), join(dir, f));
    for (const f of tests) copyFileSync(join(source, "tests", f), join(dir, f));
    symlinkSync(view, join(dir, "node_modules"), "dir");
    const tsconfig = { compilerOptions: EXERCISE_COMPILER_OPTIONS, include: ["**/*.ts"], exclude: ["node_modules"] };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    // ES modules, as in the workspace: without this tsc treats the files as CommonJS (import.meta fails).
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    dir,
    refresh: async () => refreshNow(),
    own: async (childPid) => writeFileSync(join(dir, "owner.json"), JSON.stringify({ pid: process.pid, child: childPid })),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Remove run folders whose dojo process is gone, killing any test process they left running. */
export async function sweepStaleRuns(): Promise<number> {
  const names = await readdir(runsDir()).catch(() => [] as string[]);
  let swept = 0;
  for (const name of names) {
    const dir = join(runsDir(), name);
    const owner = await readFile(join(dir, "owner.json"), "utf8")
      .then((t) => JSON.parse(t) as { pid: number; child?: number })
      .catch(() => undefined);
    if (!owner || alive(owner.pid)) continue;
    if (owner.child && alive(owner.child)) {
      try {
        process.kill(-owner.child, "SIGKILL");
      } catch {}
    }
    await rm(dir, { recursive: true, force: true });
    swept++;
  }
  return swept;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

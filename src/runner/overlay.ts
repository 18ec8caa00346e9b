/**
 * A run folder: the task's starter, with the subject's copies of the editable files laid over
 * it, plus the canonical tests. Tests, type checks and bundles all work inside it, so the
 * learner's folder is only ever read. Run folders live under the OS temp dir; each records its
 * owner so a later dojo can clean up after one that was killed.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
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

/** subjectDir holds the task's editable files (workspace task folder, solution/ or bad/<name>/); undefined = starter. */
export async function prepareRun(task: Task, curriculumRoot: string, subjectDir: string | undefined): Promise<RunFolder> {
  await mkdir(runsDir(), { recursive: true });
  const dir = await mkdtemp(join(runsDir(), `${task.id}-`));
  const source = join(curriculumRoot, task.dir);
  // Copied file by file from the task's listing, all at once: fs.cp's recursive walk costs
  // more than the copying, and this is on the path of every verify.
  const under = (prefix: string) => task.listing.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
  const starter = under("starter/").filter((f) => !(subjectDir && task.files.includes(f)));
  const tests = under("tests/");
  const folders = new Set([...starter, ...tests, ...task.files].map((f) => dirname(f)).filter((d) => d !== "."));
  await Promise.all([...folders].map((d) => mkdir(join(dir, d), { recursive: true })));
  const refresh = async () => {
    if (!subjectDir) return;
    await Promise.all(
      task.files.map(async (file) => {
        const from = join(subjectDir, file);
        if (!(await stat(from).catch(() => undefined))) throw new DojoError("ExerciseMissing", { file: from, task: task.id });
        await copyFile(from, join(dir, file));
      }),
    );
  };
  const tsconfig = { compilerOptions: EXERCISE_COMPILER_OPTIONS, include: ["**/*.ts"], exclude: ["node_modules"] };
  await Promise.all([
    refresh(),
    ...starter.map((f) => copyFile(join(source, "starter", f), join(dir, f))),
    ...tests.map((f) => copyFile(join(source, "tests", f), join(dir, f))),
    modulesView().then((view) => symlink(view, join(dir, "node_modules"), "dir")),
    writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2)),
    // ES modules, as in the workspace: without this tsc treats the files as CommonJS (import.meta fails).
    writeFile(join(dir, "package.json"), '{ "type": "module" }\n'),
  ]).catch(async (e: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw e;
  });
  return {
    dir,
    refresh,
    own: (childPid) => writeFile(join(dir, "owner.json"), JSON.stringify({ pid: process.pid, child: childPid })),
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

/**
 * ts-dojo dev check: validate the whole curriculum and prove every exercise, reporting every
 * problem with its file (and line) before failing. Runs proofs in parallel, one per core.
 */

import { readdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Curriculum } from "../../core/curriculum.js";
import { DojoError } from "../../core/errors.js";
import { repeatedRuns, seedShingles } from "../../core/overlap.js";
import { formatProblem, type Problem } from "../../core/problem.js";
import { judge, type ProofJob, proofJobs } from "../../core/proofs.js";
import { checkLesson, checkRules } from "../../core/rules.js";
import { runTask } from "../../runner/run-task.js";
import { loadCurriculum } from "../../store/load-curriculum.js";
import { curriculumRoot } from "../../store/paths.js";
import type { Parsed } from "../command.js";
import type { IO } from "../io.js";

export const options = {
  filter: { type: "string", short: "f" },
  "no-run": { type: "boolean" },
  /** Folder of seed documents no lesson may repeat (default: $TS_DOJO_SEEDS). */
  seeds: { type: "string" },
  jobs: { type: "string", short: "j" },
} as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  if (args.positionals[0] !== "check")
    throw new DojoError("BadUsage", { detail: "the dev command has one subcommand: `ts-dojo dev check`", command: "dev" });
  const root = curriculumRoot(io.env);
  const { curriculum, problems } = await loadCurriculum(root);
  const warnings: Problem[] = [];
  if (curriculum) {
    problems.push(...checkRules(curriculum, ["drillsExist"]));
    // Drill files arrive with the drill engine; until then a missing one is a warning.
    warnings.push(...checkRules(curriculum).filter((p) => p.message.startsWith("drill ")));
    problems.push(...(await lessonProblems(curriculum, (args.values.seeds as string | undefined) || io.env.TS_DOJO_SEEDS || undefined)));
  }
  const filter = args.values.filter as string | undefined;
  const tasks = (curriculum?.tasks ?? []).filter((t) => !filter || t.id.startsWith(filter));
  const started = performance.now();
  if (curriculum && !args.values["no-run"]) {
    const jobs = proofJobs(tasks);
    const parallel = Number(args.values.jobs) || Math.max(1, availableParallelism());
    problems.push(...(await prove(jobs, curriculum, parallel, io)));
  }
  if (warnings.length > 0) {
    const ids = [...new Set(warnings.map((w) => /drill "([^"]+)"/.exec(w.message)?.[1]))].join(", ");
    io.err(`${c.yellow("warning")} ${warnings.length} drill reference(s) have no drill file yet: ${ids}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    io.err(`\n${c.red(c.bold(`✖ ${problems.length} problem(s) in ${root}`))}`);
    for (const p of problems) io.err(`  ${formatProblem(p)}`);
    return 2;
  }
  io.out(
    `${c.green("✓")} curriculum ok: ${tasks.length} task(s) checked${args.values["no-run"] ? "" : `, every starter fails, every solution passes 3×, every known-bad fails (${seconds}s)`}`,
  );
  return 0;
}

async function lessonProblems(curriculum: Curriculum, seedsDir: string | undefined): Promise<Problem[]> {
  const seeds = seedsDir
    ? await Promise.all((await readdir(seedsDir)).filter((f) => f.endsWith(".txt")).map((f) => readFile(join(seedsDir, f), "utf8")))
    : [];
  const shingles = seedShingles(seeds, 10);
  const out: Problem[] = [];
  for (const task of curriculum.tasks) {
    if (!task.listing.includes("lesson.md")) continue;
    const text = await readFile(join(curriculum.root, task.dir, "lesson.md"), "utf8");
    out.push(...checkLesson(task, text));
    for (const run of repeatedRuns(text, shingles, 10)) out.push({ file: `${task.dir}/lesson.md`, message: `repeats seed text: "${run}"` });
  }
  return out;
}

async function prove(jobs: ProofJob[], curriculum: Curriculum, parallel: number, io: IO): Promise<Problem[]> {
  const problems: Problem[] = [];
  let done = 0;
  let next = 0;
  const draw = (label: string) => {
    if (!io.interactive) return;
    const width = 24;
    const filled = Math.round((done / jobs.length) * width);
    process.stderr.write(`\r\u001b[2K[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${jobs.length} ${label}`);
  };
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as ProofJob;
      const subjectDir = job.subject === "starter" ? undefined : join(curriculum.root, job.task.dir, job.subject);
      const r = await runTask({ task: job.task, curriculumRoot: curriculum.root, subjectDir });
      const problem = judge(job, {
        status: r.status,
        total: r.tests.length,
        failing: r.tests.filter((t) => !t.ok && !t.skip).map((t) => `${t.name}: ${t.failure?.message.split("\n")[0] ?? ""}`),
        typeErrors: r.typeErrors.map((e) => `${e.file}:${e.line} ${e.message.split("\n")[0]}`),
        compileErrors: r.compileErrors.map((e) => `${e.file}:${e.line} ${e.message}`),
        reason: r.reason,
      });
      if (problem) problems.push(problem);
      done++;
      draw(`${job.task.id} ${job.subject}`);
      if (!io.interactive && problem) io.err(`✗ ${formatProblem(problem)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  if (io.interactive) process.stderr.write("\r\u001b[2K");
  return problems;
}

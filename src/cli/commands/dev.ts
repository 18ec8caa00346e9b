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
import { checkPlacement } from "../../core/placement.js";
import { formatProblem, type Problem } from "../../core/problem.js";
import { judge, type ProofJob, proofJobs } from "../../core/proofs.js";
import { checkLesson, checkRules } from "../../core/rules.js";
import { LOCAL_POSTGRES_URL } from "../../kit/postgres-url.js";
import { runSnippet } from "../../runner/run-snippet.js";
import { runTask } from "../../runner/run-task.js";
import { loadCurriculum } from "../../store/load-curriculum.js";
import { loadAllDrills, loadPlacement } from "../../store/load-drills.js";
import { curriculumRoot } from "../../store/paths.js";
import { postgresLoginError } from "../../store/postgres-probe.js";
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
    problems.push(...checkRules(curriculum));
    problems.push(...(await lessonProblems(curriculum, (args.values.seeds as string | undefined) || io.env.TS_DOJO_SEEDS || undefined)));
    problems.push(...(await drillProblems(curriculum, !args.values["no-run"])));
    for (const phase of curriculum.phases) {
      const { placement, problems: found, missing } = await loadPlacement(curriculum, phase.id);
      problems.push(...found);
      if (missing)
        warnings.push({
          file: `${phase.id}/placement.yaml`,
          message: "no placement questions yet: `ts-dojo placement` will use drills only",
        });
      if (placement) problems.push(...checkPlacement(placement, phase.tasks, `${phase.id}/placement.yaml`));
    }
  }
  const filter = args.values.filter as string | undefined;
  const tasks = (curriculum?.tasks ?? []).filter((t) => !filter || t.id.startsWith(filter));
  const started = performance.now();
  if (curriculum && !args.values["no-run"]) {
    if (tasks.some((t) => t.services.includes("postgres-server")) && !process.env.DATABASE_URL) {
      // Proving those tasks needs a real server. An author with one on the usual port should not
      // have to say so; without one, their proofs fail saying DATABASE_URL is needed.
      if ((await postgresLoginError(LOCAL_POSTGRES_URL, 1500)) === undefined) {
        process.env.DATABASE_URL = LOCAL_POSTGRES_URL;
        io.out(c.dim(`Tasks that need a real PostgreSQL are proved against ${LOCAL_POSTGRES_URL} (DATABASE_URL was not set).`));
      }
    }
    const jobs = proofJobs(tasks);
    const parallel = Number(args.values.jobs) || Math.max(1, availableParallelism());
    problems.push(...(await prove(jobs, curriculum, parallel, io)));
  }
  for (const w of warnings) io.err(`${c.yellow("warning")} ${formatProblem(w)}`);
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

/** Drill schemas and rules; with `run`, every predict snippet must print its stated output. */
async function drillProblems(curriculum: Curriculum, run: boolean): Promise<Problem[]> {
  const { drills, problems } = await loadAllDrills(curriculum);
  if (!run) return problems;
  const snippets = drills.flatMap((d) => (d.kind === "predict" ? d.items.map((item) => ({ d, item })) : []));
  let next = 0;
  const worker = async () => {
    while (next < snippets.length) {
      const { d, item } = snippets[next++] as (typeof snippets)[number];
      const r = await runSnippet(item.code);
      const printed = r.lines.join(" | ");
      if (r.error || printed !== item.output.join(" | ")) {
        const file = `drills/${d.id}.yaml`;
        problems.push({
          file,
          message: `predict snippet prints "${printed}"${r.error ? ` and fails (${r.error})` : ""}, not "${item.output.join(" | ")}":\n${item.code}`,
        });
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return problems;
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

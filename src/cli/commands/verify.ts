/** ts-dojo verify [task]: run the tests, show what failed and why, record the attempt in git. */
import { relative as relPath } from "node:path";
import type { Attempt } from "../../core/attempt.js";
import type { Task } from "../../core/curriculum.js";
import { relative } from "../../core/duration.js";
import { progressOf } from "../../core/mastery.js";
import type { RunFolder } from "../../runner/overlay.js";
import { type RunResult, runTask } from "../../runner/run-task.js";
import { startTestProcess, type TestProcess } from "../../runner/run-tests.js";
import { mark } from "../../runner/trace.js";
import { preloadRecording, recordVerify } from "../../store/record.js";
import type { Parsed } from "../command.js";
import { type Context, contextFor, pickTaskFolder } from "../context.js";
import { takeEarlyTestProcess } from "../early.js";
import type { IO } from "../io.js";
import { failureBlock, outputBlock, sourceErrorLine, testLine } from "../render/results.js";

export const options = { quiet: { type: "boolean", short: "q" } } as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  // The test process boots while we read the workspace and build the bundle: bin started it
  // before the CLI loaded, or it starts now (main() called in-process, as the tests do).
  const testProcess = takeEarlyTestProcess() ?? startTestProcess();
  try {
    const ctx = await contextFor(io);
    mark("context loaded");
    const task = await pickTaskFolder(ctx, args.positionals[0], io);
    return await verifyOnce(ctx, task, io, { testProcess });
  } finally {
    testProcess.kill();
  }
}

/** What a verify needs; the attempt records are read after the run, off the feedback path. */
type Base = Pick<Context, "curriculum" | "ws" | "config">;

/** One verify, shared with watch mode (which hands in a pre-started test process). */
export async function verifyOnce(
  ctx: Base,
  task: Task,
  io: IO,
  opts: { testProcess?: TestProcess; signal?: AbortSignal; earlyVerdict?: boolean; folder?: RunFolder },
): Promise<number> {
  const c = io.color;
  const { ws, curriculum } = ctx;
  io.out(`${c.bold(`verify ${task.id}`)} ${c.dim(`— ${task.title}`)}`);
  const controller = new AbortController();
  opts.signal?.addEventListener("abort", () => controller.abort(), { once: true });
  // Ctrl-C while the tests run cancels them; once they are done, the record is finished first
  // (it takes a few milliseconds), so an interrupt never leaves an attempt half-written.
  let recording = false;
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    if (!recording) controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onInterrupt);
  let result: RunResult;
  try {
    const running = runTask({
      task,
      curriculumRoot: curriculum.root,
      subjectDir: ws.taskDir(task),
      signal: controller.signal,
      testProcess: opts.testProcess,
      folder: opts.folder,
      removeInBackground: true,
      env: testEnv(ctx.config),
      onTest: (t) => io.out(testLine(t, c)),
      // In watch mode the test verdict comes first; type errors follow when tsc finishes.
      onTestsDone: opts.earlyVerdict ? (tests) => io.out(c.dim(earlyVerdict(tests))) : undefined,
      typecheck: opts.earlyVerdict ? "after" : "parallel",
    });
    preloadRecording();
    result = await running;
  } catch (e) {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
    throw e;
  }
  if (result.status === "cancelled") {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
    io.err(`${c.yellow("■ stopped")} — nothing was recorded and your files are untouched.`);
    return 130;
  }
  recording = true;

  const mapPath = (p: string) => relPath(io.cwd, `${ws.taskDir(task)}/${p}`) || p;
  printDetails(result, io, mapPath);

  const saved = await recordVerify(ctx, task, result, io.now()).finally(() => {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
  });
  mark("recorded");
  if (interrupted) return 130;
  printVerdict(result, saved.progress, io, saved.commit);
  nextStep(ctx, saved.records, task, result, io);
  // 3: could not run everything here (a service is missing); 2: the task itself is broken.
  return result.status === "passed" ? 0 : result.status === "failed" ? 1 : result.needs ? 3 : 2;
}

function printDetails(result: RunResult, io: IO, mapPath: (p: string) => string): void {
  const c = io.color;
  if (result.compileErrors.length > 0) {
    io.out(`\n${c.red(c.bold("Your code does not compile:"))}`);
    for (const e of result.compileErrors) io.out(sourceErrorLine(e, c, mapPath));
  }
  const failures = result.tests.filter((t) => !t.ok && !t.skip);
  if (failures.length > 0) {
    io.out("");
    // Many tests failing with one error (a TODO stub, say) are shown once, with the others named.
    const groups = new Map<string, typeof failures>();
    for (const t of failures) {
      const key = t.failure?.stack ? `${t.failure.message}\n${t.failure.stack.split("\n")[0]}` : t.name;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    const shown = [...groups.values()].slice(0, 5);
    for (const [first, ...same] of shown) {
      if (!first) continue;
      io.out(failureBlock(first, c, mapPath));
      if (same.length > 0) {
        const names = same
          .slice(0, 3)
          .map((t) => t.name)
          .join("; ");
        io.out(c.dim(`    the same error fails ${same.length} more: ${names}${same.length > 3 ? `; and ${same.length - 3} others` : ""}`));
      }
      io.out("");
    }
    const rest = failures.length - shown.reduce((n, g) => n + g.length, 0);
    if (rest > 0) io.out(c.dim(`  … and ${rest} more failing tests (fix the first ones first).`));
  }
  if (result.typeErrors.length > 0 && result.compileErrors.length === 0) {
    io.out(`${c.yellow(c.bold(`Type errors (${result.typeErrors.length}):`))}`);
    for (const e of result.typeErrors.slice(0, 10)) io.out(sourceErrorLine(e, c, mapPath));
  }
  if (result.output.trim()) io.out(`\n${c.dim("Your console output:")}\n${outputBlock(result, c)}`);
  if (result.reason) io.out(`\n${result.status === "error" ? c.red("!") : c.yellow("!")} ${result.reason}`);
}

function printVerdict(result: RunResult, after: ReturnType<typeof progressOf>, io: IO, commit: string): void {
  const c = io.color;
  const ran = result.tests.filter((t) => !t.skip);
  const passed = ran.filter((t) => t.ok).length;
  const counts =
    result.compileErrors.length > 0
      ? "the code does not compile"
      : `${passed}/${ran.length} tests passed${result.typeErrors.length ? `, ${result.typeErrors.length} type errors` : ""}`;
  const verdict =
    result.status === "passed"
      ? c.green(c.bold("PASSED"))
      : result.status === "failed"
        ? c.red(c.bold("FAILED"))
        : result.needs
          ? c.yellow(c.bold("INCOMPLETE"))
          : c.red(c.bold("ERROR"));
  io.out(`\n${verdict} ${counts} ${c.dim(`in ${result.durationMs} ms`)}${commit ? c.dim(` · recorded as commit ${commit}`) : ""}`);
  if (result.status === "passed" && after.due) {
    const now = io.now();
    io.out(
      `${c.green("★")} ${after.state === "passed" ? "Passed" : `Review passed (stage ${after.stage} of ${after.stages})`} — next review ${after.due.toISOString().slice(0, 10)} (${relative(after.due.getTime() - now.getTime())}).`,
    );
  } else if (after.state === "mastered") {
    io.out(`${c.green("★ Mastered")} — every review interval passed.`);
  }
}

function nextStep(ctx: Base, records: readonly Attempt[], task: Task, result: RunResult, io: IO): void {
  const c = io.color;
  const tasks = ctx.curriculum.tasks;
  if (result.status === "passed") {
    const next = tasks.find((t) => t.order > task.order && progressOf(t, records, ctx.config).state === "new");
    io.out(
      next
        ? `${c.cyan("→")} Next: ${c.bold(next.id)} — ${next.title}\n  ${c.dim(`ts-dojo show ${next.id}`)}`
        : `${c.cyan("→")} ${c.dim("ts-dojo status")}`,
    );
    return;
  }
  if (result.needs) {
    const what = result.needs === "postgres" ? "Start PostgreSQL and set DATABASE_URL" : "Start Redis (or set REDIS_URL)";
    io.out(`${c.cyan("→")} ${what} (see above), then \`ts-dojo verify ${task.id}\` again; \`ts-dojo doctor\` checks it.`);
    return;
  }
  const prior = progressOf(task, records, ctx.config);
  const hintNo = Math.min(prior.hintsUsed + 1, task.hints.length);
  io.out(
    `${c.cyan("→")} Fix the first failure, then \`ts-dojo verify ${task.id}\` again (or \`ts-dojo watch\` to re-run on save).\n` +
      (prior.hintsUsed < task.hints.length
        ? `  Stuck? \`ts-dojo hint ${task.id}\` (hint ${hintNo} of ${task.hints.length}).`
        : `  All hints shown: \`ts-dojo hint ${task.id}\` lists them again.`),
  );
}
/** What the tests' process needs from the workspace: the services the learner configured. */
export function testEnv(config: Base["config"]): Record<string, string> {
  const env: Record<string, string> = {};
  if (!process.env.DATABASE_URL && config.database_url) env.DATABASE_URL = config.database_url;
  if (!process.env.REDIS_URL && config.redis_url) env.REDIS_URL = config.redis_url;
  return env;
}

/** "tests: 3/3 passed · type-checking…" — printed the moment the tests finish. */
export function earlyVerdict(tests: ReadonlyArray<{ ok: boolean; skip: boolean }>): string {
  const ran = tests.filter((t) => !t.skip);
  return `tests: ${ran.filter((t) => t.ok).length}/${ran.length} passed · type-checking…`;
}

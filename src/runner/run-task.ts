/**
 * One run of a task's canonical tests against a subject: prepare the run folder, then bundle
 * and test in a pre-started child while the type checker runs beside it. Returns a verdict;
 * never prints and never records (verify does that).
 */
import type { Task } from "../core/curriculum.js";
import { parseDuration } from "../core/duration.js";
import { LOCAL_POSTGRES_URL, NEEDS_POSTGRES, redactUrl } from "../kit/postgres-url.js";
import { LOCAL_REDIS_URL, NEEDS_REDIS } from "../kit/redis-url.js";
import { bundleTests, type SourceError } from "./bundle.js";
import { prepareRun, type RunFolder, sweepStaleRuns } from "./overlay.js";
import { startTestProcess, type TestOutcome, type TestProcess } from "./run-tests.js";
import { mark } from "./trace.js";
import { typecheck } from "./typecheck.js";

/** The harness's skip reason up to its colon: the part every such test shares. */
const prefixOf = (reason: string) => reason.split(":")[0] ?? reason;

/** Services a test can be skipped for, with what verify says when it was. */
const SKIPPED_FOR = {
  postgres: {
    prefix: prefixOf(NEEDS_POSTGRES),
    advice: () =>
      "need a real PostgreSQL server: they open several connections at once, and the built-in database (PGlite) has one. " +
      `Start one (\`docker compose up -d postgres\` in your workspace, or a local install), set DATABASE_URL=${LOCAL_POSTGRES_URL} ` +
      "(or database_url in ts-dojo.yaml), and verify again; `ts-dojo doctor` checks the connection.",
  },
  redis: {
    prefix: prefixOf(NEEDS_REDIS),
    advice: (env: Record<string, string | undefined>) =>
      `need Redis, and none answered at ${redactUrl(env.REDIS_URL || LOCAL_REDIS_URL)}. ` +
      "Start one (`docker compose up -d redis` in your workspace, or `redis-server`), or point REDIS_URL (or redis_url in ts-dojo.yaml) at yours, " +
      "and verify again; `ts-dojo doctor` checks the connection.",
  },
} as const;

export type Service = keyof typeof SKIPPED_FOR;

export type RunStatus = "passed" | "failed" | "error" | "cancelled";

export interface RunResult {
  readonly status: RunStatus;
  readonly tests: readonly TestOutcome[];
  /** Syntax errors (nothing ran) and type errors (tests may still have run). */
  readonly compileErrors: readonly SourceError[];
  readonly typeErrors: readonly SourceError[];
  readonly output: string;
  readonly truncated: boolean;
  readonly timedOut: boolean;
  /** A service some tests needed and did not have (they were skipped; the run is an "error"). */
  readonly needs?: Service;
  /** Why the run is not a plain pass or fail, in a sentence. */
  readonly reason?: string;
  readonly durationMs: number;
  readonly timeoutMs: number;
}

export interface RunOptions {
  readonly task: Task;
  readonly curriculumRoot: string;
  /** Folder holding the subject's editable files; undefined runs the starter. */
  readonly subjectDir: string | undefined;
  readonly signal?: AbortSignal;
  readonly onTest?: (t: TestOutcome) => void;
  /** Called when the tests are done, before the type checker may have finished (watch mode). */
  readonly onTestsDone?: (tests: readonly TestOutcome[]) => void;
  /** A process started earlier (watch mode keeps one ready); started here otherwise. */
  readonly testProcess?: TestProcess;
  /** "parallel" (default) beside the tests; "after" the tests, so they get the CPU first (watch mode); "off". */
  readonly typecheck?: "parallel" | "after" | "off";
  readonly now?: () => number;
  /** Extra environment for the tests (the child was started before the workspace was read). */
  readonly env?: Record<string, string>;
  /**
   * Answer before the run folder is gone: verify records the attempt meanwhile. The pending
   * removal keeps the process alive until it is done, and a folder a killed process left is swept.
   */
  readonly removeInBackground?: boolean;
  /** A run folder kept across runs (watch mode): refreshed instead of rebuilt, and not removed. */
  readonly folder?: RunFolder;
}

export async function runTask(opts: RunOptions): Promise<RunResult> {
  const now = opts.now ?? performance.now.bind(performance);
  const started = now();
  const child = opts.testProcess ?? startTestProcess();
  const timeoutMs = parseDuration(opts.task.timeout) ?? 10_000;
  const base = { compileErrors: [], typeErrors: [], tests: [], output: "", truncated: false, timedOut: false, timeoutMs };
  let folder: Awaited<ReturnType<typeof prepareRun>> | undefined;
  try {
    if (opts.folder) {
      folder = opts.folder;
      await folder.refresh();
    } else {
      void sweepStaleRuns();
      folder = await prepareRun(opts.task, opts.curriculumRoot, opts.subjectDir);
    }
    await folder.own(child.pid);
    mark("run folder ready");
    const dir = folder.dir;
    const check = () =>
      typecheck(dir, opts.signal).then(
        (r) => {
          mark("type check done");
          return r;
        },
        (e: unknown) => e as Error,
      );
    let types: Promise<SourceError[] | Error> =
      opts.typecheck === "off" ? Promise.resolve([]) : opts.typecheck === "after" ? new Promise(() => {}) : check();
    const testFiles = opts.task.listing.filter((f) => f.startsWith("tests/") && f.endsWith(".test.ts")).map((f) => f.slice(6));
    const bundled = await bundleTests(dir, testFiles, { warm: opts.folder !== undefined });
    mark("bundled");
    if (opts.typecheck === "after") types = bundled.ok ? types : check();
    if (!bundled.ok) {
      child.kill();
      const typeErrors = await types;
      return finish({
        ...base,
        status: "failed",
        compileErrors: bundled.errors,
        typeErrors: Array.isArray(typeErrors) ? typeErrors : [],
        reason: "the code does not compile",
      });
    }
    const env = { ...opts.env, TS_DOJO_TASK: opts.task.id };
    const run = await child.run(bundled.bundle, { timeoutMs, onTest: opts.onTest, signal: opts.signal, env });
    mark("tests done");
    opts.onTestsDone?.(run.tests);
    if (opts.typecheck === "after") types = check();
    const checked = await types;
    // Cancelling aborts the type checker too, so look at cancellation before its result.
    if (run.cancelled || opts.signal?.aborted) {
      return finish({ ...base, tests: run.tests, output: run.output, status: "cancelled", reason: "stopped before the tests finished" });
    }
    if (checked instanceof Error) throw checked;
    const typeErrors = checked;
    const common = { ...base, tests: run.tests, output: run.output, truncated: run.truncated, timedOut: run.timedOut, typeErrors };
    if (run.timedOut)
      return finish({
        ...common,
        status: "failed",
        reason: `the tests did not finish within ${opts.task.timeout} (an endless loop, or a promise that never settles?)`,
      });
    const ran = run.tests.filter((t) => !t.skip);
    if (!run.completed) {
      const why = run.killedBy
        ? `the test process was killed by ${run.killedBy} before the tests finished (out of memory, or stopped from outside); verify again`
        : ran.length === 0 && run.exitCode !== 0
          ? "the code crashed before any test ran"
          : `the test process exited before the tests finished (exit code ${run.exitCode}) — does the code call process.exit()?`;
      return finish({ ...common, status: "failed", reason: why });
    }
    if (ran.some((t) => !t.ok)) return finish({ ...common, status: "failed" });
    const skippedFor = (Object.keys(SKIPPED_FOR) as Service[])
      .map((service) => ({ service, n: run.tests.filter((t) => t.skip && t.skipReason?.startsWith(SKIPPED_FOR[service].prefix)).length }))
      .find((s) => s.n > 0);
    if (ran.length === 0 && !skippedFor) return finish({ ...common, status: "error", reason: "no tests ran, so nothing was verified" });
    if (typeErrors.length > 0)
      return finish({ ...common, status: "failed", reason: `${ran.length > 0 ? "every test passed, but " : ""}the code has type errors` });
    if (skippedFor) {
      const { service, n } = skippedFor;
      const head = ran.length > 0 ? `the tests that ran all passed, but ${n} more` : `nothing could be verified here: all ${n} tests`;
      const advice = SKIPPED_FOR[service].advice({ ...process.env, ...opts.env });
      return finish({ ...common, status: "error", needs: service, reason: `${head} ${advice}` });
    }
    return finish({ ...common, status: "passed" });
  } finally {
    child.kill();
    if (folder && folder !== opts.folder && !process.env.TS_DOJO_KEEP_RUN) {
      const removal = folder.remove();
      // A folder that could not be removed in the background is swept by a later run.
      if (opts.removeInBackground) removal.catch(() => {});
      else await removal;
    }
  }

  function finish(r: Omit<RunResult, "durationMs">): RunResult {
    return { ...r, durationMs: Math.round(now() - started) };
  }
}

/**
 * Run a test bundle in a child Node process: pre-started, in its own process group, with a
 * time limit, an output cap and a structured event stream. The child can never hang the dojo:
 * on timeout or cancel the whole group is killed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ChildEvent } from "./events.js";
import { mark } from "./trace.js";

export const OUTPUT_CAP = 64 * 1024;

export interface TestOutcome {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly skip: boolean;
  readonly skipReason?: string;
  readonly failure?: Extract<ChildEvent, { t: "test" }>["failure"];
}

export interface ChildRun {
  readonly tests: TestOutcome[];
  /** The learner's console output (stdout and stderr interleaved), capped at OUTPUT_CAP. */
  readonly output: string;
  readonly truncated: boolean;
  readonly exitCode: number | null;
  /** The signal that ended the process, when it was not us (e.g. the kernel's OOM killer). */
  readonly killedBy?: NodeJS.Signals;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  /** True when the reporter finished; false means the process died mid-run. */
  readonly completed: boolean;
}

export interface TestProcess {
  readonly pid: number | undefined;
  run(
    bundle: string,
    opts: { timeoutMs: number; onTest?: (t: TestOutcome) => void; signal?: AbortSignal; env?: Record<string, string> },
  ): Promise<ChildRun>;
  /** Kill the process group; safe to call at any time, more than once. */
  kill(): void;
}

const reporter = fileURLToPath(new URL("./reporter.js", import.meta.url));
const childMain = fileURLToPath(new URL("./child-main.js", import.meta.url));

/** Start a test process now; give it a bundle later with run(). */
export function startTestProcess(env: NodeJS.ProcessEnv = process.env): TestProcess {
  const childEnv: NodeJS.ProcessEnv = { ...env, TS_DOJO_REPORT_FD: "3", FORCE_COLOR: "0" };
  // Inherited from our own test runner, this would switch the child to TAP on stdout.
  delete childEnv.NODE_TEST_CONTEXT;
  delete childEnv.NODE_OPTIONS;
  const child: ChildProcess = spawn(
    process.execPath,
    ["--enable-source-maps", `--test-reporter=${reporter}`, "--test-reporter-destination=stderr", childMain],
    { stdio: ["pipe", "pipe", "pipe", "pipe"], detached: true, env: childEnv },
  );
  let dead = false;
  child.on("exit", () => {
    dead = true;
  });
  child.on("error", () => {
    dead = true;
  });
  const kill = () => {
    if (dead || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  };
  return { pid: child.pid, kill, run: (bundle, opts) => collect(child, bundle, opts, kill) };
}

function collect(
  child: ChildProcess,
  bundle: string,
  opts: { timeoutMs: number; onTest?: (t: TestOutcome) => void; signal?: AbortSignal; env?: Record<string, string> },
  kill: () => void,
): Promise<ChildRun> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      // The pre-started process is already gone (killed from outside): nothing ran.
      return resolve({
        tests: [],
        output: "",
        truncated: false,
        exitCode: child.exitCode,
        timedOut: false,
        cancelled: false,
        completed: false,
      });
    }
    const tests: TestOutcome[] = [];
    let output = "";
    let truncated = false;
    let completed = false;
    let timedOut = false;
    let cancelled = false;
    const take = (chunk: Buffer) => {
      if (output.length >= OUTPUT_CAP) {
        truncated = true;
        return;
      }
      output += chunk.toString("utf8");
      if (output.length > OUTPUT_CAP) {
        output = output.slice(0, OUTPUT_CAP);
        truncated = true;
      }
    };
    child.stdout?.on("data", take);
    child.stderr?.on("data", take);
    let pending = "";
    child.stdio[3]?.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      let nl = pending.indexOf("\n");
      while (nl !== -1) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        nl = pending.indexOf("\n");
        const event = parse(line);
        if (event?.t === "test") {
          const outcome: TestOutcome = {
            name: event.name,
            ok: event.ok,
            ms: event.ms,
            skip: Boolean(event.skip),
            skipReason: event.skipReason,
            failure: event.failure,
          };
          tests.push(outcome);
          opts.onTest?.(outcome);
        } else if (event?.t === "done") {
          completed = true;
          mark("reporter done");
          // The verdict is in: answer now rather than after the process has exited (~10 ms),
          // letting output already in the pipes arrive first; finish() kills what is left.
          setImmediate(() => finish(null));
        }
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs);
    const onAbort = () => {
      cancelled = true;
      kill();
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    let settled = false;
    const finish = (code: number | null, signal?: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      const killedBy = signal && !timedOut && !cancelled ? signal : undefined;
      resolve({ tests, output, truncated, exitCode: code, killedBy, timedOut, cancelled, completed });
      kill();
    };
    child.on("close", (code, signal) => finish(code, signal));
    child.stdin?.on("error", () => {});
    child.stdin?.end(`${JSON.stringify({ bundle, env: opts.env ?? {} })}\n`);
  });
}

function parse(line: string): ChildEvent | undefined {
  try {
    return JSON.parse(line) as ChildEvent;
  } catch {
    return undefined;
  }
}

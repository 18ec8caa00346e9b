/**
 * Worker processes for the multi-process tests, and the code that starts them.
 *
 * A worker has to run your lock code in a process of its own. Your code is TypeScript, and
 * verify runs the tests as one bundle made by esbuild, so a separate .mjs script could not
 * import it. Instead a worker is this very module started again with `process.execPath`: in
 * the run folder that is the test bundle, which holds your code. With LOCK_WORKER set, the
 * block just below plays the worker and exits. Every test file of this task imports this module,
 * and a module's imports run before its own code, so the block runs before any test is declared.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { openRedis } from "ts-dojo/harness";
import { FencedStore } from "./src/fenced-store.ts";
import { withLock } from "./src/lock.ts";

export type Role = "counter" | "holder";

export interface WorkerConfig {
  url: string;
  lockKey: string;
  ttlMs: number;
  /** counter: the key to increment, and how many times. */
  counterKey?: string;
  rounds?: number;
  /** holder: the FencedStore's key. */
  storeKey?: string;
}

/** One critical section of a counter worker: the fence it held and the counter value it read. */
export interface Section {
  fence: number;
  before: number;
}

/** What a worker reports on stdout, one JSON object a line. */
export type Report =
  | { ev: "ready" }
  | { ev: "done"; sections: Section[] }
  | { ev: "acquired"; fence: number; token: string }
  | { ev: "wrote"; accepted: boolean }
  | { ev: "finished" };

const role = process.env.LOCK_WORKER;
if (role !== undefined) {
  try {
    await play(role as Role, JSON.parse(process.env.LOCK_WORKER_CONFIG ?? "{}") as WorkerConfig);
    process.exit(0);
  } catch (err) {
    process.stderr.write(`worker ${role} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  }
}

// ---- the worker side --------------------------------------------------------------------

async function play(role: Role, config: WorkerConfig): Promise<void> {
  const commands = commandReader();
  const harness = await openRedis(config.url);
  const redis = harness.connect();
  if (redis.status !== "ready") await once(redis, "ready");
  if (role === "counter") {
    const counterKey = config.counterKey ?? "";
    const sections: Section[] = [];
    await report({ ev: "ready" });
    await commands.next("go");
    for (let i = 0; i < (config.rounds ?? 1); i++) {
      await withLock(redis, config.lockKey, { ttlMs: config.ttlMs, waitMs: 10_000, retryMs: 5 }, async (lock) => {
        const before = Number((await redis.get(counterKey)) ?? 0);
        // The gap between read and write where a second holder would make an update vanish.
        await sleep(1);
        await redis.set(counterKey, String(before + 1));
        sections.push({ fence: lock.fence, before });
      });
    }
    await report({ ev: "done", sections });
  } else {
    const store = new FencedStore(redis, config.storeKey ?? "");
    await withLock(redis, config.lockKey, { ttlMs: config.ttlMs }, async (lock) => {
      await report({ ev: "acquired", fence: lock.fence, token: lock.token });
      // Like a process that checked its lock, then stalled: it writes without looking again.
      await commands.next("write");
      await report({ ev: "wrote", accepted: await store.write(lock.fence, `worker ${process.pid}`) });
    });
    await report({ ev: "finished" });
  }
  redis.disconnect();
  await harness.close();
}

/** Writes one report line and waits until it is out (stdout to a pipe can be asynchronous). */
function report(r: Report): Promise<void> {
  return new Promise((resolve) => process.stdout.write(`${JSON.stringify(r)}\n`, () => resolve()));
}

/** Commands from the test, one word a line on stdin. */
function commandReader() {
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  createInterface({ input: process.stdin })
    .on("line", (line) => {
      lines.push(line.trim());
      wake?.();
    })
    // The test process is gone: nobody will ever send the next command.
    .on("close", () => process.exit(2));
  return {
    async next(expected: string): Promise<void> {
      while (lines.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const got = lines.shift();
      if (got !== expected) throw new Error(`expected the command "${expected}", got "${got}"`);
    },
  };
}

// ---- the test side ----------------------------------------------------------------------

export interface Worker {
  readonly pid: number;
  /** The next report of kind `ev`; rejects if the worker exits first or stays silent for timeoutMs. */
  next<E extends Report["ev"]>(ev: E, timeoutMs?: number): Promise<Extract<Report, { ev: E }>>;
  send(command: "go" | "write"): void;
  signal(sig: NodeJS.Signals): void;
  /** Resolves when the process has ended. */
  readonly exited: Promise<void>;
}

const running = new Set<ChildProcess>();

/** Start this module as a worker process playing `role`. */
export function startWorker(role: Role, config: WorkerConfig): Worker {
  const env: NodeJS.ProcessEnv = { ...process.env, LOCK_WORKER: role, LOCK_WORKER_CONFIG: JSON.stringify(config) };
  // Set by node --test for its own children: it would make the worker act as a test file.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, [...loaderArgs(), fileURLToPath(import.meta.url)], {
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  running.add(child);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const reports: Report[] = [];
  let changed: (() => void) | undefined;
  let ended = false;
  createInterface({ input: child.stdout }).on("line", (line) => {
    try {
      reports.push(JSON.parse(line) as Report);
    } catch {
      stderr += `${line}\n`;
    }
    changed?.();
  });
  const exited = new Promise<void>((resolve) =>
    child.on("close", () => {
      ended = true;
      running.delete(child);
      changed?.();
      resolve();
    }),
  );
  child.stdin.on("error", () => {});
  return {
    pid: child.pid ?? -1,
    async next(ev, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = reports.findIndex((r) => r.ev === ev);
        if (i !== -1) return reports.splice(i, 1)[0] as Extract<Report, { ev: typeof ev }>;
        if (ended) throw new Error(`the ${role} worker exited before reporting "${ev}". Its output:\n${stderr || "(nothing)"}`);
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`the ${role} worker did not report "${ev}" within ${timeoutMs} ms (is it stuck waiting for the lock?)`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          changed = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    send(command) {
      child.stdin.write(`${command}\n`);
    },
    signal(sig) {
      child.kill(sig);
    },
    exited,
  };
}

/** Kill every worker still running (after each test, so none outlives it). */
export async function stopWorkers(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill("SIGKILL");
  await Promise.all(
    left.map(
      (child) =>
        new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("close", resolve))),
    ),
  );
}

/** The flags that let Node load TypeScript here (e.g. `--import tsx`), without the test runner's own. */
function loaderArgs(): string[] {
  const args: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg.startsWith("--test")) {
      if (!arg.includes("=") && argv[i + 1] !== undefined && !argv[i + 1]?.startsWith("-")) i++;
      continue;
    }
    args.push(arg);
  }
  return args;
}

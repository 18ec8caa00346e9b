// Lets the tests see the threads the pool starts and stops, without reaching into the pool.
// It swaps node:worker_threads' Worker for a subclass that records every instance and its
// 'exit'. syncBuiltinESMExports() makes `import { Worker } from "node:worker_threads"` in the
// learner's file see the subclass too. Call trackWorkers() before the first pool is created.
import { syncBuiltinESMExports } from "node:module";
import workerThreads from "node:worker_threads";

const OriginalWorker = workerThreads.Worker;
const all: { worker: InstanceType<typeof OriginalWorker>; exited: boolean }[] = [];

class TrackedWorker extends OriginalWorker {
  constructor(...args: ConstructorParameters<typeof OriginalWorker>) {
    super(...args);
    const record = { worker: this, exited: false };
    all.push(record);
    this.once("exit", () => {
      record.exited = true;
    });
  }
}

export function trackWorkers(): void {
  if (workerThreads.Worker === TrackedWorker) return;
  workerThreads.Worker = TrackedWorker;
  syncBuiltinESMExports();
}

/** A position in the record; count what happened after it with the functions below. */
export const mark = (): number => all.length;
/** Workers created since `from`. */
export const createdSince = (from: number): number => all.length - from;
/** Workers created since `from` that have exited. */
export const exitedSince = (from: number): number => all.slice(from).filter((r) => r.exited).length;
/** Workers created since `from` that are still running. */
export const aliveSince = (from: number): number => all.slice(from).filter((r) => !r.exited).length;

/** Terminates any thread a broken pool left behind, so a failed run still exits. */
export async function terminateStragglers(): Promise<number> {
  const left = all.filter((r) => !r.exited);
  await Promise.all(left.map((r) => r.worker.terminate()));
  return left.length;
}

/** Polls `check` on every event-loop turn until it is true; gives up after `turns` x 10 ms. */
export async function eventually(check: () => boolean, turns = 300): Promise<boolean> {
  for (let i = 0; i < turns; i++) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
}

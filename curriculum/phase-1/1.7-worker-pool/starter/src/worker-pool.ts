// A pool of worker threads for CPU-bound work. Read README.md first: it gives the message
// protocol (src/protocol.ts) and the exact rules the tests check.
// Run the tests with `npx ts-dojo verify 1.7-worker-pool`.
import { Worker } from "node:worker_threads";
import { PoolClosedError, TaskFailedError, TaskTimeoutError, WorkerCrashedError } from "./errors.ts";
import type { ReplyMessage, TaskMessage } from "./protocol.ts";

export interface WorkerPoolOptions {
  /** The worker script (an ES module) each worker runs; it answers TaskMessages. */
  script: URL;
  /** How many workers run at once; a positive integer. */
  size: number;
  /** A task still running after this long is rejected and its worker terminated. No limit if omitted. */
  taskTimeoutMs?: number;
}

export interface PoolStats {
  /** Workers running a task right now. */
  busy: number;
  /** Workers waiting for a task. busy + idle = size while the pool is open. */
  idle: number;
  /** Tasks waiting for a free worker. */
  queued: number;
  /** Workers replaced since the pool started (after a crash, a timeout or an abort). */
  restarts: number;
}

/** Runs tasks on `size` long-lived worker threads, first come first served. */
export class WorkerPool<In, Out> {
  constructor(opts: WorkerPoolOptions) {
    throw new Error("TODO: check opts.size (RangeError unless a positive integer) and start the workers");
  }

  /** A snapshot of what the pool is doing. */
  get stats(): PoolStats {
    throw new Error("TODO: implement stats");
  }

  /** Resolves with the worker's output for `input`; README.md lists every way it rejects. */
  run(input: In, signal?: AbortSignal): Promise<Out> {
    throw new Error("TODO: implement run()");
  }

  /** Rejects queued and running tasks, terminates every worker, resolves once all have exited. */
  close(): Promise<void> {
    throw new Error("TODO: implement close()");
  }
}

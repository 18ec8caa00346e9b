// Read-only: the dojo uses its own copy of this file when it verifies your work.
// Each error says which task failed and why; the pool decides which one applies.

/** The task's handler threw (or rejected) inside the worker. The worker itself is fine. */
export class TaskFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TaskFailedError";
  }
}

/** The worker running this task died (process.exit, an uncaught error, out of memory). */
export class WorkerCrashedError extends Error {
  constructor(message = "the worker running this task exited") {
    super(message);
    this.name = "WorkerCrashedError";
  }
}

/** The task ran longer than taskTimeoutMs, so its worker was terminated. */
export class TaskTimeoutError extends Error {
  constructor(ms: number) {
    super(`the task ran longer than ${ms} ms`);
    this.name = "TaskTimeoutError";
  }
}

/** run() after close(), or a task still queued or running when close() was called. */
export class PoolClosedError extends Error {
  constructor() {
    super("the worker pool is closed");
    this.name = "PoolClosedError";
  }
}

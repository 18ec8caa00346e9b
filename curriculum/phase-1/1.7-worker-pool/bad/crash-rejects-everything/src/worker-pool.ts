// A pool of worker threads for CPU-bound work.
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

interface Task<In, Out> {
  id: number;
  input: In;
  resolve: (output: Out) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface Slot<In, Out> {
  worker: Worker;
  task: Task<In, Out> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  lastError: unknown;
}

/** Runs tasks on `size` long-lived worker threads, first come first served. */
export class WorkerPool<In, Out> {
  readonly #script: URL;
  readonly #timeoutMs: number | undefined;
  // Only live workers are in here. A slot leaves it the moment we give up on its worker,
  // so a late 'message' or 'exit' from that worker is recognised and ignored.
  readonly #slots = new Set<Slot<In, Out>>();
  readonly #queue: Task<In, Out>[] = [];
  #nextId = 1;
  #restarts = 0;
  #closed = false;

  constructor(opts: WorkerPoolOptions) {
    if (!Number.isInteger(opts.size) || opts.size < 1) {
      throw new RangeError(`size must be a positive integer, got ${opts.size}`);
    }
    this.#script = opts.script;
    this.#timeoutMs = opts.taskTimeoutMs;
    for (let i = 0; i < opts.size; i++) this.#spawn();
  }

  /** A snapshot of what the pool is doing. */
  get stats(): PoolStats {
    let busy = 0;
    for (const slot of this.#slots) if (slot.task) busy++;
    return { busy, idle: this.#slots.size - busy, queued: this.#queue.length, restarts: this.#restarts };
  }

  /** Resolves with the worker's output for `input`; rejects as README.md describes. */
  run(input: In, signal?: AbortSignal): Promise<Out> {
    if (this.#closed) return Promise.reject(new PoolClosedError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Out>((resolve, reject) => {
      const task: Task<In, Out> = {
        id: this.#nextId++,
        input,
        resolve,
        reject,
        signal,
        onAbort: () => this.#abort(task),
      };
      signal?.addEventListener("abort", task.onAbort, { once: true });
      this.#queue.push(task);
      this.#dispatch();
    });
  }

  /** Rejects queued and running tasks, terminates every worker, resolves once all have exited. */
  async close(): Promise<void> {
    this.#closed = true;
    const closed = new PoolClosedError();
    for (const task of this.#queue.splice(0)) this.#settle(task).reject(closed);
    const slots = [...this.#slots];
    this.#slots.clear(); // their 'exit' events are now ours, not crashes
    await Promise.all(
      slots.map((slot) => {
        const task = this.#release(slot);
        if (task) task.reject(closed);
        return slot.worker.terminate();
      }),
    );
  }

  #spawn(): void {
    const slot: Slot<In, Out> = { worker: new Worker(this.#script), task: undefined, timer: undefined, lastError: undefined };
    slot.worker.on("message", (reply: ReplyMessage<Out>) => this.#onReply(slot, reply));
    // Without an 'error' listener, an uncaught exception inside the worker would be re-thrown
    // here and take down the main process. 'exit' always follows, so we only note it.
    slot.worker.on("error", (err) => {
      slot.lastError = err;
    });
    slot.worker.once("exit", (code) => this.#onExit(slot, code));
    this.#slots.add(slot);
  }

  /** Hands queued tasks to idle workers, oldest task first. */
  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.task) continue;
      const task = this.#queue.shift();
      if (!task) return;
      slot.task = task;
      if (this.#timeoutMs !== undefined) {
        const ms = this.#timeoutMs;
        slot.timer = setTimeout(() => this.#replace(slot, new TaskTimeoutError(ms)), ms);
      }
      const message: TaskMessage<In> = { id: task.id, input: task.input };
      slot.worker.postMessage(message);
    }
  }

  #onReply(slot: Slot<In, Out>, reply: ReplyMessage<Out>): void {
    if (!this.#slots.has(slot) || slot.task?.id !== reply.id) return; // a reply nobody waits for
    const task = this.#release(slot);
    if (!task) return;
    if ("error" in reply) task.reject(new TaskFailedError(reply.error.message));
    else task.resolve(reply.output);
    this.#dispatch();
  }

  /** An exit we did not ask for is a crash: fail only this worker's task, then replace it. */
  #onExit(slot: Slot<In, Out>, code: number): void {
    if (!this.#slots.delete(slot)) return; // we terminated it ourselves
    // Something broke: fail everything that is in flight or waiting, then carry on.
    const crashed = new WorkerCrashedError(`a worker exited with code ${code}`);
    for (const task of this.#queue.splice(0)) this.#settle(task).reject(crashed);
    for (const s of [slot, ...this.#slots]) this.#release(s)?.reject(crashed);
    this.#respawn();
  }

  /**
   * Gives up on a running task (timeout or abort). Synchronous JavaScript cannot be interrupted
   * from outside, so the only way to stop it is to terminate its whole thread and start another.
   */
  #replace(slot: Slot<In, Out>, reason: unknown): void {
    this.#slots.delete(slot);
    const task = this.#release(slot);
    void slot.worker.terminate();
    if (task) task.reject(reason);
    this.#respawn();
  }

  #respawn(): void {
    if (this.#closed) return;
    this.#restarts++;
    this.#spawn();
    this.#dispatch();
  }

  #abort(task: Task<In, Out>): void {
    const queuedAt = this.#queue.indexOf(task);
    if (queuedAt >= 0) {
      this.#queue.splice(queuedAt, 1);
      task.reject(task.signal?.reason);
      return;
    }
    for (const slot of this.#slots) {
      if (slot.task === task) {
        this.#replace(slot, task.signal?.reason);
        return;
      }
    }
  }

  /** Frees a slot: stops its timer and returns the task it was running, if any. */
  #release(slot: Slot<In, Out>): Task<In, Out> | undefined {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const task = slot.task;
    slot.task = undefined;
    return task ? this.#settle(task) : undefined;
  }

  /** Stops listening to the task's signal; the caller settles the promise next. */
  #settle(task: Task<In, Out>): Task<In, Out> {
    task.signal?.removeEventListener("abort", task.onAbort);
    return task;
  }
}

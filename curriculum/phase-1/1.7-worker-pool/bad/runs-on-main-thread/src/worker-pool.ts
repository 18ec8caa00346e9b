// A "pool" that imports the script and calls its handler directly: run() is async, so the
// work must happen in the background... except it runs on the main thread and blocks it.
import { PoolClosedError, TaskFailedError } from "./errors.ts";

export interface WorkerPoolOptions {
  script: URL;
  size: number;
  taskTimeoutMs?: number;
}

export interface PoolStats {
  busy: number;
  idle: number;
  queued: number;
  restarts: number;
}

type Handler<In, Out> = (input: In) => Out | Promise<Out>;

export class WorkerPool<In, Out> {
  readonly #script: URL;
  readonly #size: number;
  #busy = 0;
  #closed = false;

  constructor(opts: WorkerPoolOptions) {
    if (!Number.isInteger(opts.size) || opts.size < 1) {
      throw new RangeError(`size must be a positive integer, got ${opts.size}`);
    }
    this.#script = opts.script;
    this.#size = opts.size;
  }

  get stats(): PoolStats {
    return { busy: this.#busy, idle: this.#size - this.#busy, queued: 0, restarts: 0 };
  }

  async run(input: In, signal?: AbortSignal): Promise<Out> {
    if (this.#closed) throw new PoolClosedError();
    signal?.throwIfAborted();
    const mod = (await import(this.#script.href)) as { default: Handler<In, Out> };
    this.#busy++;
    try {
      return await mod.default(input);
    } catch (err) {
      throw new TaskFailedError(err instanceof Error ? err.message : String(err));
    } finally {
      this.#busy--;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}

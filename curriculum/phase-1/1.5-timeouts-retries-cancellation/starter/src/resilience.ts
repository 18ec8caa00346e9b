import { TimeoutError } from "./errors.ts"; // withTimeout rejects with this at the deadline

/** Options for retry(); see README.md, "The exercise". */
export interface RetryOptions {
  /** Extra attempts after the first one: 0 means "try once". */
  retries: number;
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** Upper bound on any single delay, applied before jitter. */
  maxMs: number;
  /** "none": wait the capped delay exactly. "full": wait floor(random() × capped delay). */
  jitter: "none" | "full";
  /** Decides whether a failure is worth another attempt. Default: every error is. */
  isRetryable?: (err: unknown) => boolean;
  /** Cancels the whole operation, including an attempt in progress and a backoff wait. */
  signal?: AbortSignal;
  /** Source of randomness in [0, 1). Default: Math.random. The tests replace it. */
  random?: () => number;
}

/**
 * Runs `work` with a signal that aborts after `ms` milliseconds or when `parent` aborts.
 * Rejects with a TimeoutError at the deadline even if `work` ignores its signal.
 * Use the global setTimeout for the deadline: the tests replace it with a fake clock.
 */
export function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, parent?: AbortSignal): Promise<T> {
  throw new Error("TODO: implement withTimeout (see README.md, 'The exercise')");
}

/**
 * Calls `work(attempt, signal)` (attempt = 1, 2, 3, …) until it succeeds, a failure is not
 * retryable, the retries run out, or `opts.signal` aborts. Waits with exponential backoff
 * (and optional full jitter) between attempts, using the global setTimeout.
 */
export function retry<T>(work: (attempt: number, signal: AbortSignal) => Promise<T>, opts: RetryOptions): Promise<T> {
  throw new Error("TODO: implement retry (see README.md, 'The exercise')");
}

// Known-bad: the backoff wait is a plain timer. The signal is checked before each attempt, so an
// abort during a long wait is only noticed when the timer fires.
import { TimeoutError } from "./errors.ts";

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
 */
export function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, parent?: AbortSignal): Promise<T> {
  if (parent?.aborted) return Promise.reject(parent.reason);

  const inner = new AbortController();
  return new Promise<T>((resolve, reject) => {
    // Stopping means three things at once: stop waiting (reject), stop the work (abort the
    // signal it was given) and stop listening (clear the timer, drop the parent listener).
    const stop = (reason: unknown): void => {
      cleanup();
      inner.abort(reason);
      reject(reason);
    };
    const onParentAbort = (): void => stop(parent?.reason);
    // A plain setTimeout rather than AbortSignal.timeout(): it can be cleared as soon as the
    // work settles, and fake clocks in tests can drive it.
    const timer = setTimeout(() => stop(new TimeoutError(ms)), ms);
    parent?.addEventListener("abort", onParentAbort, { once: true });

    function cleanup(): void {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParentAbort);
    }

    // The executor turns a synchronous throw inside work() into a rejection. Settling twice is
    // a no-op, so a late result after a timeout is dropped, and a late rejection is handled.
    new Promise<T>((run) => run(work(inner.signal))).then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

/**
 * Calls `work(attempt, signal)` (attempt = 1, 2, 3, …) until it succeeds, a failure is not
 * retryable, the retries run out, or `opts.signal` aborts. Waits with exponential backoff
 * (and optional full jitter) between attempts.
 */
export async function retry<T>(work: (attempt: number, signal: AbortSignal) => Promise<T>, opts: RetryOptions): Promise<T> {
  const { retries, signal, isRetryable = () => true, random = Math.random } = opts;
  // Without a caller's signal, hand the work one that simply never aborts.
  const attemptSignal = signal ?? new AbortController().signal;

  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await work(attempt, attemptSignal);
    } catch (error) {
      // A failure caused by the caller giving up is not a transient fault: never retry it,
      // and report the caller's reason rather than whatever the work turned it into.
      if (signal?.aborted) throw signal.reason;
      if (attempt > retries || !isRetryable(error)) throw error;
      await sleep(backoffMs(attempt, opts, random), signal);
    }
  }
}

/** The wait before retry number `n` (1 for the first retry): cap first, then jitter. */
function backoffMs(n: number, opts: RetryOptions, random: () => number): number {
  const capped = Math.min(opts.maxMs, opts.baseMs * 2 ** (n - 1));
  return opts.jitter === "full" ? Math.floor(random() * capped) : capped;
}

/** Resolves after `ms`. */
function sleep(ms: number, _signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

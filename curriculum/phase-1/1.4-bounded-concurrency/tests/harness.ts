// Test doubles for mapLimit: a task function whose calls the test finishes by hand, and a
// generator that records how far it has been pulled.

/** One call of the controlled task function, waiting for the test to finish it. */
export interface Call<T> {
  item: T;
  index: number;
  signal: AbortSignal;
  settled: boolean;
  resolve(value: string): void;
  reject(error: unknown): void;
}

/** A task function that never finishes by itself; it counts how many calls run at once. */
export function controlledTask<T>() {
  const calls: Call<T>[] = [];
  let running = 0;
  let peak = 0;
  const fn = (item: T, index: number, signal: AbortSignal): Promise<string> => {
    running++;
    peak = Math.max(peak, running);
    return new Promise<string>((resolve, reject) => {
      const call: Call<T> = {
        item,
        index,
        signal,
        settled: false,
        resolve(value) {
          if (call.settled) return;
          call.settled = true;
          running--;
          resolve(value);
        },
        reject(error) {
          if (call.settled) return;
          call.settled = true;
          running--;
          reject(error);
        },
      };
      calls.push(call);
    });
  };
  return {
    fn,
    calls,
    /** The i-th call made, in the order mapLimit made them. */
    call(i: number): Call<T> {
      const c = calls[i];
      if (c === undefined) {
        throw new Error(`expected at least ${i + 1} calls of fn, but only ${calls.length} were made`);
      }
      return c;
    },
    pending: () => calls.filter((c) => !c.settled),
    running: () => running,
    peak: () => peak,
  };
}

/** How far a generator has been pulled, and whether its finally block ran. */
export interface PullStats {
  pulled: number;
  closed: boolean;
}

/** Yields 0, 1, …, n-1 lazily, counting each pull. */
export function* countingRange(n: number, stats: PullStats): Generator<number> {
  try {
    for (let i = 0; i < n; i++) {
      stats.pulled++;
      yield i;
    }
  } finally {
    stats.closed = true;
  }
}

/** Lets every pending promise callback run (one turn of the event loop). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Watches a promise so a test can ask, without awaiting, whether it has settled yet. */
export function track<V>(promise: Promise<V>) {
  const state: { status: "pending" | "fulfilled" | "rejected"; value?: V; error?: unknown } = {
    status: "pending",
  };
  promise.then(
    (value) => {
      state.status = "fulfilled";
      state.value = value;
    },
    (error: unknown) => {
      state.status = "rejected";
      state.error = error;
    },
  );
  return state;
}

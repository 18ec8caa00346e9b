// Shared helpers for the resilience tests: a fake clock, a microtask flush and a promise watcher.
import type { TestContext } from "node:test";

/**
 * Replaces the global setTimeout/clearTimeout with node:test's fake clock for this test and
 * returns a function that moves the clock forward. Node 20.11+ takes { apis: [...] }; Node
 * 20.4-20.10 took a bare array, so fall back to that.
 */
export function useFakeTimeouts(t: TestContext): (ms: number) => void {
  const timers = t.mock.timers;
  try {
    timers.enable({ apis: ["setTimeout"] });
  } catch {
    (timers.enable as unknown as (apis: string[]) => void).call(timers, ["setTimeout"]);
  }
  return (ms) => timers.tick(ms);
}

/** Lets every pending promise callback run. Uses setImmediate, which the fake clock leaves alone. */
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

/** A promise that never settles unless its signal aborts; then it rejects with the reason. */
export function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

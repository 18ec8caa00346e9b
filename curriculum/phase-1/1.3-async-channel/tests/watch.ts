// Helpers for looking at a promise without awaiting it, so a test can say "this send() is
// still waiting" with no timers. A channel never needs a timer: once every queued microtask and
// a few macrotask turns have run, any promise that can settle has settled.
import assert from "node:assert/strict";

/** Runs all pending microtasks plus `turns` rounds of the event loop. */
export async function flush(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((done) => setImmediate(done));
}

export type Outcome<V> = { status: "pending" } | { status: "fulfilled"; value: V } | { status: "rejected"; reason: unknown };

export interface Watched<V> {
  readonly outcome: Outcome<V>;
}

/** Starts watching a promise; `.outcome` tells where it stands. Also marks rejections handled. */
export function watch<V>(promise: Promise<V>): Watched<V> {
  const watched: { outcome: Outcome<V> } = { outcome: { status: "pending" } };
  promise.then(
    (value) => {
      watched.outcome = { status: "fulfilled", value };
    },
    (reason: unknown) => {
      watched.outcome = { status: "rejected", reason };
    },
  );
  return watched;
}

/** Words for an outcome, for failure messages: "still pending", "rejected with Error: x". */
export function describe(outcome: Outcome<unknown>): string {
  if (outcome.status === "pending") return "still pending";
  if (outcome.status === "fulfilled") {
    return outcome.value === undefined ? "already resolved" : `resolved with ${show(outcome.value)}`;
  }
  return `rejected with ${show(outcome.reason)}`;
}

function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === "symbol") return value.toString();
  return JSON.stringify(value) ?? String(value);
}

/** Asserts the watched promise is still waiting. */
export function assertPending(watched: Watched<unknown>, message: string): void {
  if (watched.outcome.status !== "pending") {
    assert.fail(`${message} (it is ${describe(watched.outcome)})`);
  }
}

/** Asserts the watched promise resolved and returns its value. */
export function assertFulfilled<V>(watched: Watched<V>, message: string): V {
  if (watched.outcome.status !== "fulfilled") {
    assert.fail(`${message} (it is ${describe(watched.outcome)})`);
  }
  return watched.outcome.value;
}

/** Asserts the watched promise rejected and returns the reason. */
export function assertRejected(watched: Watched<unknown>, message: string): unknown {
  if (watched.outcome.status !== "rejected") {
    assert.fail(`${message} (it is ${describe(watched.outcome)})`);
  }
  return watched.outcome.reason;
}

/** Awaits a promise that must settle by itself; fails instead of hanging if it never does. */
export async function settles<V>(promise: Promise<V>, what: string, turns = 500): Promise<V> {
  const watched = watch(promise);
  for (let i = 0; i < turns && watched.outcome.status === "pending"; i++) await flush(1);
  if (watched.outcome.status === "pending") {
    assert.fail(`${what} never finished: something is still waiting that should have been woken`);
  }
  return promise;
}

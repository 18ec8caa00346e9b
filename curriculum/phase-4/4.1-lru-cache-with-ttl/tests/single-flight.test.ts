import assert from "node:assert/strict";
import { test } from "node:test";
import { singleFlight } from "./src/lru.ts";

/** A promise with its resolve and reject in reach (Promise.withResolvers is newer than Node 20). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A load function whose calls the test settles by hand. */
function controlledLoad<V>() {
  const calls: Array<{ key: string } & ReturnType<typeof deferred<V>>> = [];
  const load = (key: string): Promise<V> => {
    const d = deferred<V>();
    calls.push({ key, ...d });
    return d.promise;
  };
  return { load, calls };
}

/** Lets every queued promise callback run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

test("100 concurrent calls for a cold key call load once and all get its value", async () => {
  const { load, calls } = controlledLoad<{ name: string }>();
  const get = singleFlight(load);
  const results = Array.from({ length: 100 }, () => get("user:1"));
  await flush();
  assert.equal(calls.length, 1, "100 callers asking for the same key at the same time must share one load");
  const profile = { name: "Ada" };
  calls[0]?.resolve(profile);
  const values = await Promise.all(results);
  assert.ok(
    values.every((v) => v === profile),
    "every caller must receive the very value the single load produced",
  );
});

test("calls for different keys load independently", async () => {
  const { load, calls } = controlledLoad<string>();
  const get = singleFlight(load);
  const a = get("a");
  const b = get("b");
  const a2 = get("a");
  await flush();
  assert.deepEqual(
    calls.map((c) => c.key),
    ["a", "b"],
    "one load per distinct key: a and b each load once, the second a joins the first",
  );
  calls[1]?.resolve("B");
  calls[0]?.resolve("A");
  assert.deepEqual(await Promise.all([a, b, a2]), ["A", "B", "A"], "each caller gets the value for its own key");
});

test("once a load has succeeded, the next call loads again: single flight is not a cache", async () => {
  const { load, calls } = controlledLoad<number>();
  const get = singleFlight(load);
  const first = get("k");
  await flush();
  calls[0]?.resolve(1);
  assert.equal(await first, 1);
  const second = get("k");
  await flush();
  assert.equal(calls.length, 2, "a call after the first flight settled must start a new load, not reuse the old result");
  calls[1]?.resolve(2);
  assert.equal(await second, 2, "the new call returns the new load's value");
});

test("a failed load is shared by every concurrent caller, and load still runs only once", async () => {
  const { load, calls } = controlledLoad<number>();
  const get = singleFlight(load);
  const results = Array.from({ length: 100 }, () => get("k"));
  await flush();
  assert.equal(calls.length, 1, "concurrent callers share one load even when it is going to fail");
  const boom = new Error("database unavailable");
  calls[0]?.reject(boom);
  const settled = await Promise.allSettled(results);
  assert.ok(
    settled.every((s) => s.status === "rejected" && s.reason === boom),
    "all 100 callers must be rejected with the error the load rejected with",
  );
});

test("after a failed load, the next call tries again and can succeed", async () => {
  const { load, calls } = controlledLoad<string>();
  const get = singleFlight(load);
  const failing = get("k");
  await flush();
  calls[0]?.reject(new Error("timeout"));
  await assert.rejects(failing, /timeout/);
  const retry = get("k");
  await flush();
  assert.equal(calls.length, 2, "a failure must not be remembered: the call after it has to load again");
  calls[1]?.resolve("fresh");
  assert.equal(await retry, "fresh", "the retry returns the value of its own, successful load");
});

test("a caller that joins a flight late still shares it, as long as it has not settled", async () => {
  const { load, calls } = controlledLoad<string>();
  const get = singleFlight(load);
  const early = get("k");
  await flush();
  await flush();
  const late = get("k");
  await flush();
  assert.equal(calls.length, 1, "a call made while the first load is still pending joins it");
  calls[0]?.resolve("v");
  assert.deepEqual(await Promise.all([early, late]), ["v", "v"]);
});

test("a failed flight that nobody else awaits leaves no unhandled rejection behind", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const { load, calls } = controlledLoad<number>();
    const get = singleFlight(load);
    const only = get("k");
    await flush();
    calls[0]?.reject(new Error("nope"));
    await assert.rejects(only, /nope/);
    await flush();
    await flush();
    assert.deepEqual(
      unhandled,
      [],
      "the bookkeeping around a flight must not create a second, unobserved rejected promise (finally() without a catch does)",
    );
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});

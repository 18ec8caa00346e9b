import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { controlledTask, countingRange, flush, type PullStats, track } from "./harness.ts";
import { mapLimit } from "./src/map-limit.ts";

test("results come back in input order even when later items finish first", async () => {
  const task = controlledTask<string>();
  const result = track(mapLimit(["a", "b", "c", "d", "e"], 2, task.fn));
  // Always finish the newest running call first, so completion order differs from input order.
  for (let round = 0; round < 10 && result.status === "pending"; round++) {
    await flush();
    const newest = task.pending().at(-1);
    newest?.resolve(newest.item.toUpperCase());
  }
  await flush();
  assert.equal(result.status, "fulfilled", "mapLimit should resolve once every call has finished");
  assert.deepEqual(result.value, ["A", "B", "C", "D", "E"], "result i must belong to item i, whatever order the calls finished in");
});

test("fn receives each item with its input index and an AbortSignal that is not aborted", async () => {
  const seen: Array<[string, number, boolean]> = [];
  const result = await mapLimit(["x", "y", "z"], 2, async (item, index, signal) => {
    assert.ok(signal instanceof AbortSignal, "the third argument of fn must be an AbortSignal");
    seen.push([item, index, signal.aborted]);
    return `${item}${index}`;
  });
  assert.deepEqual(result, ["x0", "y1", "z2"]);
  assert.deepEqual(
    seen,
    [
      ["x", 0, false],
      ["y", 1, false],
      ["z", 2, false],
    ],
    "fn must get (item, index in the input, a live signal), items started in input order",
  );
});

test("never runs more than limit calls at once, and keeps limit busy while work remains", async () => {
  const task = controlledTask<number>();
  const result = track(mapLimit(countingRange(10, { pulled: 0, closed: false }), 3, task.fn));
  await flush();
  assert.equal(task.calls.length, 3, "with limit 3 and 10 items, exactly 3 calls should start at once");
  for (let round = 0; round < 20 && result.status === "pending"; round++) {
    const remaining = 10 - task.calls.length;
    const expectedRunning = Math.min(3, task.pending().length + remaining);
    assert.equal(task.running(), expectedRunning, "a free slot must be refilled while items remain");
    task.pending()[0]?.resolve("done");
    await flush();
  }
  assert.equal(result.status, "fulfilled", "mapLimit should resolve after all 10 calls finish");
  assert.equal(task.peak(), 3, "the number of calls in flight must never go above limit (3)");
});

test("a slot is refilled as soon as any call finishes, not when the whole batch is done", async () => {
  const task = controlledTask<number>();
  track(mapLimit([0, 1, 2, 3], 2, task.fn));
  await flush();
  assert.equal(task.calls.length, 2, "two calls should start with limit 2");
  task.call(1).resolve("second");
  await flush();
  assert.equal(task.calls.length, 3, "item 2 must start as soon as item 1 finishes, while item 0 is still running (a pool, not batches)");
  assert.equal(task.call(2).item, 2, "the next item taken must be the next one in input order");
});

test("an empty iterable resolves to [] without calling fn", async () => {
  let calls = 0;
  const result = await mapLimit([], 4, async () => {
    calls++;
    return 1;
  });
  assert.deepEqual(result, [], "no items means an empty result array");
  assert.equal(calls, 0, "fn must not be called when there are no items");
});

test("a limit larger than the number of items starts every item at once", async () => {
  const task = controlledTask<string>();
  const result = track(mapLimit(["p", "q", "r"], 50, task.fn));
  await flush();
  assert.equal(task.calls.length, 3, "all 3 items should start when limit is 50");
  for (const call of task.calls) call.resolve(call.item);
  await flush();
  assert.deepEqual(result.value, ["p", "q", "r"], "mapLimit should resolve with all three results");
});

test("rejects with a RangeError when limit is not a positive integer, without calling fn", async () => {
  for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    let calls = 0;
    let pending: Promise<number[]> | undefined;
    assert.doesNotThrow(() => {
      pending = mapLimit([1, 2, 3], limit, async (n) => {
        calls++;
        return n;
      });
    }, `mapLimit(items, ${limit}, fn) must return a rejected promise, not throw`);
    await assert.rejects(pending ?? Promise.resolve(), RangeError, `limit ${limit} must be rejected with a RangeError`);
    assert.equal(calls, 0, `fn must not run when limit is ${limit}`);
  }
});

test("pulls a lazy iterable only as slots free up, never materialising it", async () => {
  const stats: PullStats = { pulled: 0, closed: false };
  const task = controlledTask<number>();
  const result = track(mapLimit(countingRange(1_000_000, stats), 4, task.fn));
  await flush();
  assert.equal(task.calls.length, 4, "limit 4 should start 4 calls");
  assert.ok(
    stats.pulled <= 5,
    `with 4 calls in flight, at most 5 items may have been pulled from the generator, but ${stats.pulled} were (was it copied into an array?)`,
  );
  task.call(0).resolve("first");
  await flush();
  assert.equal(task.calls.length, 5, "finishing one call should start exactly one more");
  assert.ok(stats.pulled <= 6, `after one call finished, at most 6 items may be pulled, but ${stats.pulled} were`);
  task.call(1).reject(new Error("stop here"));
  await flush();
  assert.equal(result.status, "rejected", "a failing call should end the run");
});

test("rejects with the first error at once, without waiting for calls still running", async () => {
  const task = controlledTask<number>();
  const result = track(mapLimit([0, 1, 2, 3, 4, 5], 3, task.fn));
  await flush();
  const boom = new Error("item 1 failed");
  task.call(1).reject(boom); // calls 0 and 2 stay pending (and ignore their signal)
  await flush();
  assert.equal(result.status, "rejected", "mapLimit must reject as soon as one call fails");
  assert.equal(result.error, boom, "the rejection must carry the error of the call that failed first");
});

test("the first failure aborts the signal given to every call still running", async () => {
  const task = controlledTask<number>();
  track(mapLimit([0, 1, 2, 3], 3, task.fn));
  await flush();
  assert.equal(task.call(0).signal.aborted, false, "signals must not be aborted while all is well");
  task.call(1).reject(new Error("item 1 failed"));
  await flush();
  assert.equal(task.call(0).signal.aborted, true, "call 0 is still running and must be told to stop");
  assert.equal(task.call(2).signal.aborted, true, "call 2 is still running and must be told to stop");
});

test("after a failure no new item is started and the iterator is closed", async () => {
  const stats: PullStats = { pulled: 0, closed: false };
  const task = controlledTask<number>();
  track(mapLimit(countingRange(100, stats), 2, task.fn));
  await flush();
  task.call(0).reject(new Error("item 0 failed"));
  await flush();
  task.call(1).resolve("finished anyway");
  await flush();
  assert.equal(task.calls.length, 2, "no item may start after the run has failed, even when a slot frees up");
  assert.ok(stats.pulled <= 3, `after the failure the generator must not be pulled further (pulled ${stats.pulled})`);
  assert.equal(stats.closed, true, "the iterator must be closed (iterator.return()) so its finally blocks run");
});

test("a sibling finishing in the same step as the failure takes no new item", async () => {
  const task = controlledTask<number>();
  track(mapLimit([0, 1, 2, 3], 2, task.fn));
  await flush();
  // Both settle before either reaction runs: the abort must happen in the failing lane itself,
  // not later, when Promise.all has rejected, or lane 1 sees a live signal and starts item 2.
  task.call(0).reject(new Error("boom"));
  task.call(1).resolve("ok");
  await flush();
  assert.equal(task.calls.length, 2, "no item may start after the failure, not even from a call that finished at the same moment");
});

test("a synchronous throw inside fn becomes a rejection", async () => {
  const oops = new TypeError("fn threw before returning a promise");
  let pending: Promise<number[]> | undefined;
  assert.doesNotThrow(() => {
    pending = mapLimit([1, 2, 3], 2, (n) => {
      if (n === 2) throw oops;
      return Promise.resolve(n);
    });
  }, "mapLimit must report errors by rejecting its promise, never by throwing");
  await assert.rejects(pending ?? Promise.resolve(), (error) => error === oops, "the thrown error should reject mapLimit");
});

test("an iterable that throws while being read rejects the call", async () => {
  const broken = new Error("cursor lost");
  function* source(): Generator<number> {
    yield 1;
    yield 2;
    throw broken;
  }
  await assert.rejects(
    mapLimit(source(), 2, async (n) => n),
    (error) => error === broken,
    "an error thrown by the iterator must reject mapLimit with that error",
  );
});

test("calls that reject after the first failure do not cause unhandled rejections", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    // Every call rejects when its signal is aborted, the way fetch() does.
    const fn = (n: number, _index: number, signal: AbortSignal) =>
      new Promise<number>((_resolve, reject) => {
        if (n === 3) setImmediate(() => reject(new Error("item 3 failed")));
        signal.addEventListener("abort", () => reject(new Error(`item ${n} aborted`)), { once: true });
      });
    await assert.rejects(mapLimit([0, 1, 2, 3, 4], 5, fn), /item 3 failed/, "the first error should win");
    await flush();
    await flush();
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
  assert.deepEqual(unhandled, [], "every rejection of a sibling call must be handled by mapLimit");
});

test("for any size, limit and finishing order: peak equals min(limit, size) and order is kept", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
      async (size, limit, picks) => {
        const task = controlledTask<number>();
        const items = Array.from({ length: size }, (_, i) => i);
        const result = track(mapLimit(items, limit, task.fn));
        for (let round = 0; round <= size && result.status === "pending"; round++) {
          await flush();
          assert.ok(task.running() <= limit, `more than ${limit} calls ran at once`);
          const pending = task.pending();
          const pick = picks[round % picks.length] ?? 0;
          const chosen = pending[pick % Math.max(1, pending.length)];
          chosen?.resolve(`v${chosen.item}`);
        }
        await flush();
        assert.equal(result.status, "fulfilled", `mapLimit over ${size} items did not resolve`);
        assert.deepEqual(
          result.value,
          items.map((i) => `v${i}`),
          "results must be in input order",
        );
        assert.equal(task.peak(), Math.min(limit, size), `peak in flight must be min(limit, size)`);
      },
    ),
    { numRuns: 60 },
  );
});

import assert from "node:assert/strict";
import { after, afterEach, describe, test as nodeTest } from "node:test";
import { PoolClosedError, TaskFailedError, TaskTimeoutError, WorkerCrashedError } from "./src/errors.ts";
import { WorkerPool } from "./src/worker-pool.ts";
import { aliveSince, createdSince, eventually, exitedSince, mark, terminateStragglers, trackWorkers } from "./track-workers.ts";

trackWorkers();

// Every test finishes in well under a second with a working pool. The limit turns a pool that
// loses a task (a promise that never settles) into a failure instead of a hung run.
const test = (name: string, fn: () => void | Promise<void>) => nodeTest(name, { timeout: 5000 }, fn);

// The worker script every pool here runs. The pool only ever sees this URL.
const script = new URL("./fixtures/tasks.mjs", import.meta.url);

type Input =
  | { kind: "square"; n: number }
  | { kind: "count"; counter: Int32Array }
  | { kind: "spin"; flags: Int32Array; maxMs: number }
  | { kind: "throw"; message: string }
  | { kind: "exit" }
  | { kind: "uncaught" };
interface Squared {
  value: number;
  threadId: number;
}
interface Spun {
  released: boolean;
  threadId: number;
}
type Output = Squared | Spun | number;
type Pool = WorkerPool<Input, Output>;

let pools: Pool[] = [];
function makePool(size: number, taskTimeoutMs?: number): Pool {
  const pool = new WorkerPool<Input, Output>(taskTimeoutMs ? { script, size, taskTimeoutMs } : { script, size });
  pools.push(pool);
  return pool;
}
afterEach(async () => {
  await Promise.allSettled(pools.map((pool) => pool.close()));
  pools = [];
});
after(async () => {
  await terminateStragglers();
});

const square = (pool: Pool, n: number, signal?: AbortSignal) => pool.run({ kind: "square", n }, signal) as Promise<Squared>;

// Spin tasks busy-wait on a worker until the test releases them (or 3 s pass, when they give
// up and report released: false). flags[0] counts spin tasks that have started.
const sharedInts = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));
const spin = (pool: Pool, flags: Int32Array, signal?: AbortSignal) =>
  pool.run({ kind: "spin", flags, maxMs: 3000 }, signal) as Promise<Spun>;
const started = (flags: Int32Array) => Atomics.load(flags, 0);
const release = (flags: Int32Array) => Atomics.store(flags, 1, 1);

describe("results", () => {
  test("run() resolves with what the worker script returns, for every input", async () => {
    const pool = makePool(2);
    const inputs = Array.from({ length: 20 }, (_, i) => i - 5);
    const results = await Promise.all(inputs.map((n) => square(pool, n)));
    assert.deepEqual(
      results.map((r) => r.value),
      inputs.map((n) => n * n),
      "each promise should resolve with the square of its own input",
    );
  });

  test("a handler that throws rejects with TaskFailedError; the worker stays and takes the next task", async () => {
    const from = mark();
    const pool = makePool(1);
    await assert.rejects(
      pool.run({ kind: "throw", message: "bad input: -1" }),
      (err: unknown) => err instanceof TaskFailedError && err.message.includes("bad input: -1"),
      "expected a TaskFailedError carrying the handler's message",
    );
    assert.equal((await square(pool, 3)).value, 9, "the same pool should go on working");
    assert.equal(pool.stats.restarts, 0, "a thrown error is an answer, not a crash: no restart");
    assert.equal(createdSince(from), 1, "no new thread should be started for a handler error");
  });

  test("the constructor refuses a size that is not a positive integer", () => {
    for (const size of [0, -1, 1.5]) {
      assert.throws(() => makePool(size), RangeError, `size ${size} should throw a RangeError`);
    }
  });
});

describe("off the main thread", () => {
  test("tasks run on worker threads, `size` of them at the same time", async () => {
    const pool = makePool(2);
    const flags = sharedInts(2);
    const tasks = [spin(pool, flags), spin(pool, flags)];
    const bothStarted = await eventually(() => started(flags) === 2);
    release(flags);
    const [a, b] = await Promise.all(tasks);
    assert.ok(bothStarted, "with size 2, two tasks should be running at once");
    assert.ok(a?.released && b?.released, "both tasks should still be running when the test releases them");
    assert.notEqual(a?.threadId, 0, "threadId 0 is the main thread: the work must run on a worker");
    assert.notEqual(a?.threadId, b?.threadId, "two tasks at once need two different threads");
  });

  test("the event loop keeps running timers while every worker is busy", async () => {
    const pool = makePool(2);
    const flags = sharedInts(2);
    const tasks = [0, 1, 2, 3].map(() => spin(pool, flags));
    // Only this timer releases the spinning workers. If the heavy work blocked the main
    // thread, the timer could not fire and the tasks would give up unreleased.
    let ticks = 0;
    let seen = { busy: -1, idle: -1, queued: -1, restarts: -1 };
    const timer = setInterval(() => {
      ticks++;
      if (ticks >= 10 && started(flags) >= 2) {
        seen = pool.stats;
        release(flags);
        clearInterval(timer);
      }
    }, 5);
    const results = await Promise.all(tasks);
    clearInterval(timer);
    assert.ok(
      results.every((r) => r.released),
      "every task should have been released by the timer, which needs a free event loop",
    );
    assert.deepEqual(seen, { busy: 2, idle: 0, queued: 2, restarts: 0 }, "stats while 2 tasks run and 2 wait");
    assert.deepEqual(pool.stats, { busy: 0, idle: 2, queued: 0, restarts: 0 }, "stats once all 4 are done");
  });

  test("workers are reused: ten tasks on a pool of two start only two threads", async () => {
    const from = mark();
    const pool = makePool(2);
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => square(pool, n)));
    assert.equal(createdSince(from), 2, "a pool starts `size` threads and keeps them, not one per task");
    assert.ok(new Set(results.map((r) => r.threadId)).size <= 2, "the ten tasks should share two threads");
  });

  test("queued tasks start in the order run() was called", async () => {
    const pool = makePool(1);
    const counter = sharedInts(1);
    const order = await Promise.all([0, 1, 2, 3, 4].map(() => pool.run({ kind: "count", counter })));
    assert.deepEqual(order, [0, 1, 2, 3, 4], "the first task queued should be the first to run (FIFO)");
  });
});

describe("failures", () => {
  test("a worker that exits mid-task rejects only that task with WorkerCrashedError", async () => {
    const pool = makePool(2);
    const flags = sharedInts(2);
    const spinning = spin(pool, flags);
    await eventually(() => started(flags) === 1);
    const crash = pool.run({ kind: "exit" });
    const queued = square(pool, 7);
    await assert.rejects(crash, WorkerCrashedError, "the task whose worker exited should reject with WorkerCrashedError");
    release(flags);
    const [other, waiting] = await Promise.allSettled([spinning, queued]);
    assert.equal(other.status, "fulfilled", "a task on another, healthy worker must not be rejected");
    assert.equal(waiting.status, "fulfilled", "a queued task must not be rejected: it never ran on the dead worker");
    if (waiting.status === "fulfilled") assert.equal(waiting.value.value, 49, "the queued task should still run");
  });

  test("a crashed worker is replaced, so the pool keeps its size", async () => {
    const from = mark();
    const pool = makePool(2);
    await assert.rejects(pool.run({ kind: "exit" }), WorkerCrashedError);
    const replaced = await eventually(() => pool.stats.restarts === 1 && aliveSince(from) === 2);
    assert.ok(replaced, `expected restarts 1 and 2 live threads, got ${JSON.stringify(pool.stats)}`);
    const flags = sharedInts(2);
    const tasks = [spin(pool, flags), spin(pool, flags)];
    const bothStarted = await eventually(() => started(flags) === 2);
    release(flags);
    await Promise.all(tasks);
    assert.ok(bothStarted, "after the restart, two tasks should run at once again");
  });

  test("an uncaught error inside a worker is a crash of that task, not of the main process", async () => {
    const from = mark();
    const pool = makePool(1);
    await assert.rejects(pool.run({ kind: "uncaught" }), WorkerCrashedError);
    const replaced = await eventually(() => pool.stats.restarts >= 1 && aliveSince(from) >= 1);
    assert.ok(replaced, `expected the dead worker to be replaced, got ${JSON.stringify(pool.stats)}`);
    assert.equal((await square(pool, 5)).value, 25, "the replacement worker should take the next task");
    assert.equal(pool.stats.restarts, 1, "one crash ('error' then 'exit') means exactly one restart");
    assert.equal(aliveSince(from), 1, "a pool of size 1 should have exactly one live thread");
  });

  test("a task running past taskTimeoutMs rejects with TaskTimeoutError and its thread is terminated", async () => {
    const from = mark();
    const pool = makePool(1, 250);
    await assert.rejects(spin(pool, sharedInts(2)), TaskTimeoutError, "a runaway task should time out");
    const stopped = await eventually(() => exitedSince(from) === 1);
    assert.ok(stopped, "the runaway worker must be terminated: rejecting the promise does not stop its loop");
    assert.equal(pool.stats.restarts, 1, "the terminated worker counts as one restart");
    assert.equal(aliveSince(from), 1, "a fresh worker should have taken its place");
  });

  test("aborting a queued task rejects it with the signal's reason, and it never runs", async () => {
    const pool = makePool(1);
    const flags = sharedInts(2);
    const counter = sharedInts(1);
    const spinning = spin(pool, flags);
    await eventually(() => started(flags) === 1);
    const controller = new AbortController();
    const queued = pool.run({ kind: "count", counter }, controller.signal);
    assert.equal(pool.stats.queued, 1, "the count task should wait behind the spinning one");
    const reason = new Error("the client went away");
    controller.abort(reason);
    await assert.rejects(queued, (err) => err === reason, "expected the signal's own reason");
    assert.equal(pool.stats.queued, 0, "an aborted task leaves the queue");
    release(flags);
    await spinning;
    assert.equal(await pool.run({ kind: "count", counter }), 0, "the aborted task must never have run");
  });

  test("aborting a running task terminates its worker; an aborted signal rejects before any work", async () => {
    const from = mark();
    const pool = makePool(1);
    const flags = sharedInts(2);
    const controller = new AbortController();
    const running = spin(pool, flags, controller.signal);
    await eventually(() => started(flags) === 1);
    const reason = new Error("cancelled");
    controller.abort(reason);
    await assert.rejects(running, (err) => err === reason, "expected the signal's own reason");
    const stopped = await eventually(() => exitedSince(from) === 1);
    assert.ok(stopped, "the only way to stop a busy worker is to terminate it");
    const early = new Error("never mind");
    await assert.rejects(square(pool, 1, AbortSignal.abort(early)), (err) => err === early);
    assert.equal((await square(pool, 4)).value, 16, "the pool should go on working");
  });
});

describe("close()", () => {
  test("rejects queued and running tasks with PoolClosedError and leaves no thread behind", async () => {
    const from = mark();
    const pool = makePool(1);
    const flags = sharedInts(2);
    const running = assert.rejects(spin(pool, flags), PoolClosedError, "a running task rejects on close()");
    const queued = assert.rejects(square(pool, 1), PoolClosedError, "a queued task rejects on close()");
    await eventually(() => started(flags) === 1);
    await pool.close();
    assert.equal(aliveSince(from), 0, "every worker thread must have exited by the time close() resolves");
    await running;
    await queued;
  });

  test("run() after close() rejects with PoolClosedError", async () => {
    const pool = makePool(2);
    await pool.close();
    await assert.rejects(square(pool, 1), PoolClosedError);
  });
});

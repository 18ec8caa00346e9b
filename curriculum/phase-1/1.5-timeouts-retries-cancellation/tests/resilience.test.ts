import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { describe, test } from "node:test";
import { flush, track, untilAborted, useFakeTimeouts } from "./helpers.ts";
import { TimeoutError } from "./src/errors.ts";
import { retry, withTimeout } from "./src/resilience.ts";

describe("withTimeout", () => {
  test("resolves with the work's value when it finishes before the deadline", async (t) => {
    const tick = useFakeTimeouts(t);
    let inner: AbortSignal | undefined;
    const result = track(
      withTimeout(async (signal) => {
        inner = signal;
        return "fast";
      }, 100),
    );
    await flush();
    assert.equal(result.status, "fulfilled", "work that finishes at once should resolve at once");
    assert.equal(result.value, "fast");
    tick(500);
    await flush();
    assert.equal(inner?.aborted, false, "after the work has finished, the deadline timer must be cleared");
  });

  test("rejects with a TimeoutError exactly at the deadline, even if the work ignores its signal", async (t) => {
    const tick = useFakeTimeouts(t);
    const result = track(withTimeout(() => new Promise<string>(() => {}), 100));
    tick(99);
    await flush();
    assert.equal(result.status, "pending", "at 99 ms of a 100 ms deadline the work still has time");
    tick(1);
    await flush();
    assert.equal(result.status, "rejected", "at 100 ms withTimeout must give up, whatever the work does");
    assert.ok(result.error instanceof TimeoutError, "the rejection must be a TimeoutError (from src/errors.ts)");
  });

  test("aborts the signal given to the work at the deadline, with a TimeoutError as the reason", async (t) => {
    const tick = useFakeTimeouts(t);
    let inner: AbortSignal | undefined;
    const result = track(
      withTimeout((signal) => {
        inner = signal;
        return untilAborted(signal);
      }, 50),
    );
    await flush();
    assert.equal(inner?.aborted, false, "the work's signal must not be aborted before the deadline");
    tick(50);
    await flush();
    assert.equal(inner?.aborted, true, "at the deadline the work must be told to stop, not just abandoned");
    assert.ok(inner?.reason instanceof TimeoutError, "the abort reason should be the TimeoutError");
    assert.ok(result.error instanceof TimeoutError, "withTimeout should reject with the TimeoutError");
  });

  test("passes the work's own failure through unchanged", async (t) => {
    useFakeTimeouts(t);
    const refused = new Error("connection refused");
    await assert.rejects(
      withTimeout(async () => {
        throw refused;
      }, 100),
      (error) => error === refused,
      "an error from the work must reach the caller as it is",
    );
    const thrown = new Error("thrown before any promise existed");
    const sync = track(
      withTimeout(() => {
        throw thrown;
      }, 100),
    );
    await flush();
    assert.equal(sync.error, thrown, "a synchronous throw inside the work must become a rejection");
  });

  test("a parent abort rejects at once with the parent's reason and aborts the work's signal", async (t) => {
    useFakeTimeouts(t);
    const parent = new AbortController();
    let inner: AbortSignal | undefined;
    const result = track(
      withTimeout(
        (signal) => {
          inner = signal;
          return new Promise<string>(() => {}); // ignores its signal on purpose
        },
        1_000,
        parent.signal,
      ),
    );
    await flush();
    const reason = new Error("the client went away");
    parent.abort(reason);
    await flush();
    assert.equal(result.status, "rejected", "a parent abort must end withTimeout without waiting for the deadline");
    assert.equal(result.error, reason, "the rejection should be the parent's abort reason");
    assert.equal(inner?.aborted, true, "cancellation must flow from the parent down to the work");
  });

  test("an already-aborted parent rejects without calling the work", async (t) => {
    useFakeTimeouts(t);
    const reason = new Error("cancelled earlier");
    let called = false;
    await assert.rejects(
      withTimeout(
        async () => {
          called = true;
          return 1;
        },
        100,
        AbortSignal.abort(reason),
      ),
      (error) => error === reason,
      "an aborted parent should reject with its reason",
    );
    assert.equal(called, false, "work must not start when the parent is already aborted");
  });

  test("leaves no listener on the parent signal once the work has settled", async (t) => {
    useFakeTimeouts(t);
    const parent = new AbortController();
    await withTimeout(async () => "ok", 100, parent.signal);
    await assert.rejects(
      withTimeout(
        async () => {
          throw new Error("failed");
        },
        100,
        parent.signal,
      ),
    );
    assert.equal(
      getEventListeners(parent.signal, "abort").length,
      0,
      "a long-lived parent signal must not collect one abort listener per call",
    );
  });

  test("a work that rejects after being aborted does not cause an unhandled rejection", async (t) => {
    const tick = useFakeTimeouts(t);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const result = track(withTimeout((signal) => untilAborted(signal), 10));
      tick(10);
      await flush();
      assert.equal(result.status, "rejected");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    assert.deepEqual(unhandled, [], "the work's late rejection must still be handled");
  });
});

describe("retry", () => {
  test("returns the first success, passing attempt numbers 1, 2, 3", async (t) => {
    const tick = useFakeTimeouts(t);
    const attempts: number[] = [];
    const result = track(
      retry(
        async (attempt) => {
          attempts.push(attempt);
          if (attempt < 3) throw new Error(`flaky ${attempt}`);
          return "third time lucky";
        },
        { retries: 5, baseMs: 10, maxMs: 100, jitter: "none" },
      ),
    );
    for (let i = 0; i < 5 && result.status === "pending"; i++) {
      await flush();
      tick(100);
    }
    await flush();
    assert.deepEqual(attempts, [1, 2, 3], "work should be called with attempt 1, 2, 3 and then stop");
    assert.equal(result.value, "third time lucky", "retry should resolve with the successful result");
  });

  test("waits baseMs × 2^(n-1), capped at maxMs, before retry n when jitter is none", async (t) => {
    const tick = useFakeTimeouts(t);
    let attempts = 0;
    const result = track(
      retry(
        async (attempt) => {
          attempts = attempt;
          throw new Error(`failure ${attempt}`);
        },
        { retries: 5, baseMs: 100, maxMs: 1_000, jitter: "none" },
      ),
    );
    await flush();
    assert.equal(attempts, 1, "the first attempt should start at once");
    for (const [i, delay] of [100, 200, 400, 800, 1_000].entries()) {
      tick(delay - 1);
      await flush();
      assert.equal(attempts, i + 1, `retry ${i + 1} must not start before ${delay} ms have passed`);
      tick(1);
      await flush();
      assert.equal(attempts, i + 2, `retry ${i + 1} must start after exactly ${delay} ms`);
    }
    assert.equal(result.status, "rejected", "after 5 retries retry() must give up");
  });

  test("with full jitter waits floor(random() × capped delay) before each retry", async (t) => {
    const tick = useFakeTimeouts(t);
    const rolls = [0.5, 0.25, 0.9, 0.5];
    let rollsUsed = 0;
    const random = () => rolls[rollsUsed++] ?? 0;
    let attempts = 0;
    track(
      retry(
        async (attempt) => {
          attempts = attempt;
          throw new Error(`failure ${attempt}`);
        },
        { retries: 4, baseMs: 100, maxMs: 300, jitter: "full", random },
      ),
    );
    await flush();
    // Capped delays are 100, 200, 300, 300; jitter scales each by the next roll.
    for (const [i, delay] of [50, 50, 270, 150].entries()) {
      tick(delay - 1);
      await flush();
      assert.equal(attempts, i + 1, `retry ${i + 1} must not start before ${delay} ms`);
      tick(1);
      await flush();
      assert.equal(attempts, i + 2, `retry ${i + 1} must start after floor(random × min(maxMs, base × 2^n)) = ${delay} ms`);
    }
    assert.equal(rollsUsed, 4, "random() should be called once per retry");
  });

  test("gives up after `retries` retries and rejects with the last error", async (t) => {
    const tick = useFakeTimeouts(t);
    const errors: Error[] = [];
    const result = track(
      retry(
        async (attempt) => {
          const error = new Error(`failure ${attempt}`);
          errors.push(error);
          throw error;
        },
        { retries: 2, baseMs: 10, maxMs: 10, jitter: "none" },
      ),
    );
    for (let i = 0; i < 6; i++) {
      await flush();
      tick(10);
    }
    await flush();
    assert.equal(errors.length, 3, "retries: 2 means one attempt plus two retries, three calls in all");
    assert.equal(result.error, errors[2], "the rejection should be the error of the last attempt");
  });

  test("does not retry an error that isRetryable rejects", async (t) => {
    const tick = useFakeTimeouts(t);
    const badRequest = Object.assign(new Error("400 Bad Request"), { status: 400 });
    const judged: unknown[] = [];
    let calls = 0;
    const result = track(
      retry(
        async () => {
          calls++;
          throw badRequest;
        },
        {
          retries: 3,
          baseMs: 10,
          maxMs: 10,
          jitter: "none",
          isRetryable: (error) => {
            judged.push(error);
            return (error as { status?: number }).status === 503;
          },
        },
      ),
    );
    await flush();
    assert.equal(result.status, "rejected", "a non-retryable failure must reject at once, with no backoff wait");
    assert.equal(result.error, badRequest, "the rejection should be the non-retryable error itself");
    tick(1_000);
    await flush();
    assert.equal(calls, 1, "a 400 must never be sent again");
    assert.deepEqual(judged, [badRequest], "isRetryable should be asked about the error that happened");
  });

  test("an abort during the backoff wait rejects at once and makes no further attempt", async (t) => {
    const tick = useFakeTimeouts(t);
    const controller = new AbortController();
    let calls = 0;
    const result = track(
      retry(
        async () => {
          calls++;
          throw new Error("503 Service Unavailable");
        },
        { retries: 3, baseMs: 1_000, maxMs: 1_000, jitter: "none", signal: controller.signal },
      ),
    );
    await flush();
    assert.equal(calls, 1, "the first attempt should have run and failed");
    const reason = new Error("the user cancelled");
    controller.abort(reason);
    await flush();
    assert.equal(result.status, "rejected", "the backoff wait must end as soon as the signal aborts, not when its timer fires");
    assert.equal(result.error, reason, "the rejection should be the signal's abort reason");
    tick(10_000);
    await flush();
    assert.equal(calls, 1, "no attempt may start after the abort");
  });

  test("an abort during an attempt reaches the work and is not retried", async (t) => {
    const tick = useFakeTimeouts(t);
    const controller = new AbortController();
    let calls = 0;
    let seen: AbortSignal | undefined;
    const result = track(
      retry(
        (_attempt, signal) => {
          calls++;
          seen = signal;
          return untilAborted(signal);
        },
        { retries: 3, baseMs: 10, maxMs: 10, jitter: "none", signal: controller.signal },
      ),
    );
    await flush();
    const reason = new Error("shutting down");
    controller.abort(reason);
    await flush();
    tick(1_000);
    await flush();
    assert.equal(seen?.aborted, true, "the signal given to the work must abort when the caller's signal does");
    assert.equal(result.error, reason, "retry should reject with the caller's abort reason");
    assert.equal(calls, 1, "a failure caused by the caller's abort must not be retried");
  });

  test("an already-aborted signal rejects without calling the work", async (t) => {
    useFakeTimeouts(t);
    const reason = new Error("cancelled before we began");
    let calls = 0;
    await assert.rejects(
      retry(
        async () => {
          calls++;
          return 1;
        },
        { retries: 3, baseMs: 10, maxMs: 10, jitter: "none", signal: AbortSignal.abort(reason) },
      ),
      (error) => error === reason,
      "retry should reject with the abort reason",
    );
    assert.equal(calls, 0, "work must not run when the signal is already aborted");
  });

  test("leaves no listener on the caller's signal after it finishes", async (t) => {
    const tick = useFakeTimeouts(t);
    const controller = new AbortController();
    const result = track(
      retry(
        async (attempt) => {
          if (attempt < 3) throw new Error("not yet");
          return "done";
        },
        { retries: 3, baseMs: 10, maxMs: 10, jitter: "none", signal: controller.signal },
      ),
    );
    for (let i = 0; i < 5 && result.status === "pending"; i++) {
      await flush();
      tick(10);
    }
    await flush();
    assert.equal(result.value, "done");
    assert.equal(
      getEventListeners(controller.signal, "abort").length,
      0,
      "each backoff wait must remove its abort listener when the timer fires",
    );
  });
});

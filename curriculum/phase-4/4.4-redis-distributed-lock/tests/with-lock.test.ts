// Every test file imports workers.ts: in a worker process its top level plays the worker and exits before any test is declared.
import "./workers.ts";
import assert from "node:assert/strict";
import { once } from "node:events";
import { describe } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { redisTest, useRedis } from "ts-dojo/harness";
import { acquireLock, withLock } from "./src/lock.ts";

const redis = await useRedis();

async function connect(): Promise<Redis> {
  const conn = redis().connect();
  if (conn.status !== "ready") await once(conn, "ready");
  return conn;
}

/** True once `signal` aborts; false if it has not within `ms` (a bound that only catches a hang). */
function abortedWithin(signal: AbortSignal, ms: number): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      { once: true },
    );
  });
}

describe("withLock", () => {
  redisTest("runs fn holding the lock, returns its result and releases the lock", async () => {
    const key = redis().key("nightly-report");
    const result = await withLock(await connect(), key, { ttlMs: 5000 }, async (lock) => {
      assert.equal(await redis().client.get(key), lock.token, "while fn runs, the key must hold the token of the lock fn was given");
      return "report sent";
    });
    assert.equal(result, "report sent", "withLock must resolve with what fn resolved");
    assert.equal(await redis().client.exists(key), 0, "after fn resolved, withLock must release the lock");
  });

  redisTest("releases the lock when fn throws, and rejects with fn's error", async () => {
    const key = redis().key("nightly-report");
    const boom = new Error("the mail server is down");
    await assert.rejects(
      withLock(await connect(), key, { ttlMs: 5000 }, async () => {
        throw boom;
      }),
      (err) => err === boom,
      "withLock must reject with the very error fn threw",
    );
    assert.equal(
      await redis().client.exists(key),
      0,
      "after fn threw, the lock must be released (try/finally), not left to block everyone until the lease runs out",
    );
  });

  redisTest("rejects without calling fn when the lock stays taken for waitMs", async () => {
    const key = redis().key("nightly-report");
    const holder = await acquireLock(await connect(), key, { ttlMs: 60_000 });
    assert.ok(holder);
    let called = false;
    await assert.rejects(
      withLock(await connect(), key, { ttlMs: 5000, waitMs: 100, retryMs: 20 }, async () => {
        called = true;
      }),
      "withLock must reject when it cannot get the lock",
    );
    assert.equal(called, false, "fn must not run without the lock");
    assert.equal(await redis().client.get(key), holder.token, "the holder's lock must be untouched");
  });

  redisTest("keeps extending the lease while fn runs for three times ttlMs", async () => {
    const key = redis().key("nightly-report");
    // Renewals every 100 ms against a 300 ms lease: a renewal would have to be 200 ms late to lose it.
    const ttlMs = 300;
    const other = await connect();
    await withLock(await connect(), key, { ttlMs }, async (lock, signal) => {
      for (let i = 1; i <= 3; i++) {
        await sleep(ttlMs + 20);
        assert.equal(
          await acquireLock(other, key, { ttlMs }),
          null,
          `${i * (ttlMs + 20)} ms into fn, with ttlMs ${ttlMs}, another client took the lock: withLock must extend the lease (every ttlMs / 3) while fn runs`,
        );
      }
      assert.equal(await redis().client.get(key), lock.token, "after 3 × ttlMs the key must still hold fn's token");
      assert.equal(signal.aborted, false, "the signal must not abort while the lease is being extended");
    });
    assert.equal(await redis().client.exists(key), 0, "the lock must be released when fn is done");
  });

  redisTest("aborts the signal when the lock's key disappears under fn", async () => {
    const key = redis().key("nightly-report");
    const result = await withLock(await connect(), key, { ttlMs: 300 }, async (_lock, signal) => {
      await redis().client.del(key);
      const aborted = await abortedWithin(signal, 3000);
      assert.ok(aborted, "once the key is gone, the next extension fails and withLock must abort the signal (within ttlMs / 3, not 3 s)");
      return "stopped";
    });
    assert.equal(result, "stopped");
  });

  redisTest("aborts the signal when someone else holds the lock, and leaves their lock when fn ends", async () => {
    const key = redis().key("nightly-report");
    const intruder = "someone-else's-token";
    await withLock(await connect(), key, { ttlMs: 300 }, async (_lock, signal) => {
      // As if our lease had run out during a pause and another process had taken the lock.
      await redis().client.set(key, intruder, "PX", 60_000);
      assert.ok(await abortedWithin(signal, 3000), "withLock must abort the signal once an extension finds another token in the key");
    });
    assert.equal(await redis().client.get(key), intruder, "withLock's release at the end must not delete another holder's lock");
    const pttl = await redis().client.pttl(key);
    assert.ok(pttl > 30_000, `withLock must not extend another holder's lease; its PTTL is ${pttl} ms instead of about 60 s`);
  });

  redisTest("stops extending once fn has settled", async () => {
    const key = redis().key("nightly-report");
    const conn = await connect();
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    await withLock(conn, key, { ttlMs: 90 }, async () => {
      await sleep(100);
    });
    const timersAfter = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    assert.ok(
      timersAfter <= timersBefore,
      `withLock left ${timersAfter - timersBefore} timer(s) running after fn settled: clear the extension timer in a finally block`,
    );
  });
});

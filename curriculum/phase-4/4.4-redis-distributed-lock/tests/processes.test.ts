// Every test file imports workers.ts: in a worker process its top level plays the worker and exits before any test is declared.

import assert from "node:assert/strict";
import { afterEach, describe } from "node:test";
import { redisTest, useRedis } from "ts-dojo/harness";
import { FencedStore } from "./src/fenced-store.ts";
import { acquireLock } from "./src/lock.ts";
import { startWorker, stopWorkers } from "./workers.ts";

const redis = await useRedis();

describe("several processes, one lock", () => {
  afterEach(stopWorkers);

  redisTest("20 processes incrementing one counter under the lock lose no update", async () => {
    const processes = 20;
    const rounds = 3;
    const config = { url: redis().url, lockKey: redis().key("counter-lock"), counterKey: redis().key("counter"), ttlMs: 5000, rounds };
    const workers = Array.from({ length: processes }, () => startWorker("counter", config));
    // All connected before any starts, so that they really race for the lock.
    await Promise.all(workers.map((w) => w.next("ready", 20_000)));
    for (const w of workers) w.send("go");
    const reports = await Promise.all(workers.map((w) => w.next("done", 20_000)));

    const total = processes * rounds;
    const counter = Number(await redis().client.get(config.counterKey));
    assert.equal(
      counter,
      total,
      `each of ${processes} processes read the counter, waited 1 ms and wrote it plus one, ${rounds} times, under the lock: ` +
        `it should be ${total}, and ${total - counter} update(s) were lost, so two processes held the lock at the same time`,
    );
    const sections = reports.flatMap((r) => r.sections).sort((a, b) => a.fence - b.fence);
    assert.equal(
      new Set(sections.map((s) => s.fence)).size,
      total,
      "every acquisition, in any process, must get its own fence: fences come from one counter in Redis, not from each process",
    );
    assert.deepEqual(
      sections.map((s) => s.before),
      Array.from({ length: total }, (_, i) => i),
      "sorted by fence, the critical sections must have read 0, 1, 2, ...: a later grant of the lock always carries a higher fence",
    );
  });

  redisTest("a holder killed with SIGKILL is replaced once its lease runs out", async () => {
    const lockKey = redis().key("job");
    // 600 ms: the worker renews every 200 ms, so a loaded machine that delays one renewal by a few
    // hundred ms does not hand the lock on before the check just below.
    const holder = startWorker("holder", { url: redis().url, lockKey, storeKey: redis().key("store"), ttlMs: 600 });
    const held = await holder.next("acquired");
    const conn = redis().connect();
    assert.equal(
      await acquireLock(conn, lockKey, { ttlMs: 200 }),
      null,
      "while the worker holds the lock, an acquire with waitMs 0 must get null",
    );

    holder.signal("SIGKILL");
    await holder.exited;
    // The dead process will never release: only the key's expiry can free the lock.
    const next = await acquireLock(conn, lockKey, { ttlMs: 200, waitMs: 3000, retryMs: 20 });
    assert.ok(
      next,
      "the killed holder's lease was 600 ms, so an acquire waiting up to 3 s must get the lock: the key must be set with its expiry in the same command",
    );
    assert.ok(next.fence > held.fence, `the new holder's fence (${next.fence}) must be higher than the killed holder's (${held.fence})`);
  });

  redisTest("a holder frozen with SIGSTOP past its lease loses the lock, and its late write is refused by the fence", async (t) => {
    if (process.platform === "win32") return t.skip("SIGSTOP does not exist on Windows");
    const lockKey = redis().key("report-lock");
    const storeKey = redis().key("report");
    const old = startWorker("holder", { url: redis().url, lockKey, storeKey, ttlMs: 200 });
    const first = await old.next("acquired");

    // Frozen like a long GC pause: its timers cannot fire, so nobody extends its lease.
    old.signal("SIGSTOP");
    const conn = redis().connect();
    const second = await acquireLock(conn, lockKey, { ttlMs: 60_000, waitMs: 3000, retryMs: 20 });
    assert.ok(second, "with the holder frozen, its 200 ms lease must run out and an acquire waiting up to 3 s must get the lock");
    assert.ok(second.fence > first.fence, `the new holder's fence (${second.fence}) must be higher than the frozen one's (${first.fence})`);
    const store = new FencedStore(conn, storeKey);
    assert.equal(await store.write(second.fence, "from the new holder"), true, "the new holder's write must be accepted");

    // It wakes up and carries on where it stopped: it writes, believing it still holds the lock.
    old.signal("SIGCONT");
    old.send("write");
    const { accepted } = await old.next("wrote");
    assert.equal(accepted, false, `the old holder's write with fence ${first.fence} must be refused, the store has seen ${second.fence}`);
    assert.deepEqual(
      await store.read(),
      { fence: second.fence, value: "from the new holder" },
      "the store must keep the new holder's value",
    );

    await old.next("finished");
    assert.equal(
      await redis().client.get(lockKey),
      second.token,
      "when the old holder's withLock ends it releases, and that release must not delete the new holder's lock",
    );
  });
});

// Every test file imports workers.ts: in a worker process its top level plays the worker and exits before any test is declared.
import "./workers.ts";
import assert from "node:assert/strict";
import { once } from "node:events";
import { describe } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { redisTest, useRedis } from "ts-dojo/harness";
import { acquireLock } from "./src/lock.ts";

const redis = await useRedis();

/** A fresh connection for the code under test, ready to take commands. */
async function connect(): Promise<Redis> {
  const conn = redis().connect();
  if (conn.status !== "ready") await once(conn, "ready");
  return conn;
}

/**
 * Makes `conn` behave like a process that crashes right after Redis answered its first command:
 * that command took effect, and nothing it would have sent next ever reaches the server.
 */
function dieAfterFirstReply(conn: Redis): void {
  const send = conn.sendCommand.bind(conn);
  let dead = false;
  let answered = false;
  conn.sendCommand = (command, stream) => {
    if (dead) {
      command.reject(new Error("the process died"));
      return command.promise;
    }
    const reply = send(command, stream);
    if (!answered) {
      answered = true;
      command.promise.then(
        () => (dead = true),
        () => (dead = true),
      );
    }
    return reply;
  };
}

/**
 * Makes another client take the lock in the gap after `conn` reads `key` with GET: once the GET's
 * reply has arrived and before the code that sent it sees it, the key is given a new owner. Code
 * that compares the token in one command and acts in the next then acts on someone else's lock;
 * a Lua script sends no GET and is never interrupted. The function returned says whether the
 * takeover happened.
 */
function takeOverAfterGet(conn: Redis, key: string, intruder: string): () => boolean {
  const send = conn.sendCommand.bind(conn);
  let planted = false;
  conn.sendCommand = (command, stream) => {
    const reply = send(command, stream);
    if (planted || command.name !== "get" || String(command.args[0]) !== key) return reply;
    planted = true;
    // What the caller awaits is this promise: its GET has been answered, and it waits for the takeover.
    return (reply as Promise<unknown>).then(async (value) => {
      await redis().client.set(key, intruder, "PX", 60_000);
      return value;
    });
  };
  return () => planted;
}

describe("acquireLock", () => {
  redisTest("takes the lock: the key holds the lock's token and expires within ttlMs", async () => {
    const key = redis().key("orders");
    const lock = await acquireLock(await connect(), key, { ttlMs: 5000 });
    assert.ok(lock, "acquiring a free lock must resolve a Lock, not null");
    assert.equal(lock.key, key, "lock.key must be the key that was locked");
    assert.equal(typeof lock.token, "string");
    assert.ok(lock.token.length >= 16, `the token must be a long random string, got "${lock.token}"`);
    assert.equal(await redis().client.get(key), lock.token, "the lock's key must hold the token, so that only its owner can release it");
    const pttl = await redis().client.pttl(key);
    assert.ok(pttl > 0 && pttl <= 5000, `the key must expire within ttlMs = 5000 ms; PTTL is ${pttl} (-1 means no expiry at all)`);
  });

  redisTest("a second acquire with waitMs 0 gets null while the lock is held", async () => {
    const key = redis().key("orders");
    const first = await acquireLock(await connect(), key, { ttlMs: 5000 });
    assert.ok(first);
    const second = await acquireLock(await connect(), key, { ttlMs: 5000, waitMs: 0 });
    assert.equal(second, null, "while another holder has the lock, acquireLock with waitMs 0 must resolve null");
    assert.equal(await redis().client.get(key), first.token, "a failed acquire must not change the key");
  });

  redisTest("20 connections acquiring at the same moment: exactly one wins", async () => {
    const key = redis().key("orders");
    const conns = await Promise.all(Array.from({ length: 20 }, () => connect()));
    const results = await Promise.all(conns.map((c) => acquireLock(c, key, { ttlMs: 5000 })));
    const winners = results.filter((r) => r !== null);
    assert.equal(
      winners.length,
      1,
      `exactly one of 20 simultaneous acquires may succeed, ${winners.length} did: checking that the key is free and then setting it ` +
        "are two steps another client can slip between; SET ... NX does both in one",
    );
  });

  redisTest("release by the owner frees the lock, once; the next holder gets a different token", async () => {
    const key = redis().key("orders");
    const conn = await connect();
    const lock = await acquireLock(conn, key, { ttlMs: 5000 });
    assert.ok(lock);
    assert.equal(await lock.release(), true, "release() by the holder must resolve true");
    assert.equal(await redis().client.exists(key), 0, "after release() the key must be gone");
    assert.equal(await lock.release(), false, "a second release() must resolve false: the lock is no longer ours");
    const next = await acquireLock(conn, key, { ttlMs: 5000 });
    assert.ok(next, "once released, the lock must be free for the next acquire");
    assert.notEqual(
      next.token,
      lock.token,
      "every acquisition needs a fresh random token, or an old holder could release a new holder's lock",
    );
  });

  redisTest("release after the lease passed to another holder returns false and leaves that holder's lock", async () => {
    const key = redis().key("orders");
    const old = await acquireLock(await connect(), key, { ttlMs: 5000 });
    assert.ok(old);
    // What Redis does when a lease runs out: the key is gone. Then someone else takes the lock.
    await redis().client.del(key);
    const current = await acquireLock(await connect(), key, { ttlMs: 5000 });
    assert.ok(current, "once the old lease is gone, another client must get the lock");
    assert.equal(await old.release(), false, "the old holder's release() must resolve false: the key no longer holds its token");
    assert.equal(
      await redis().client.get(key),
      current.token,
      "the old holder's release() must leave the new holder's lock alone (compare the token and delete in one Lua script)",
    );
  });

  redisTest("release checks the token and deletes in one step: a lock taken over in between is left alone", async () => {
    const key = redis().key("orders");
    const conn = await connect();
    const lock = await acquireLock(conn, key, { ttlMs: 5000 });
    assert.ok(lock);
    const intruder = "the-next-holder's-token";
    const tookOver = takeOverAfterGet(conn, key, intruder);
    const released = await lock.release();
    if (tookOver()) {
      assert.equal(
        await redis().client.get(key),
        intruder,
        "release() read the key, and before its delete another client took the lock; the delete removed that client's lock. " +
          "Compare and delete in one Lua script, so nothing can happen between them",
      );
      assert.equal(released, false, "the lock changed hands before release() acted, so release() must resolve false");
    } else {
      assert.equal(released, true, "release() by the holder must resolve true");
    }
  });

  redisTest("extend checks the token and extends in one step: a lock taken over in between keeps its lease", async () => {
    const key = redis().key("orders");
    const conn = await connect();
    const lock = await acquireLock(conn, key, { ttlMs: 5000 });
    assert.ok(lock);
    const tookOver = takeOverAfterGet(conn, key, "the-next-holder's-token");
    const extended = await lock.extend(100);
    if (tookOver()) {
      const pttl = await redis().client.pttl(key);
      assert.ok(
        pttl > 30_000,
        `extend() read the key, and before its PEXPIRE another client took the lock with a 60 s lease; that lease now has ${pttl} ms. ` +
          "Compare and extend in one Lua script",
      );
      assert.equal(extended, false, "the lock changed hands before extend() acted, so extend() must resolve false");
    } else {
      assert.equal(extended, true, "extend() by the holder must resolve true");
    }
  });

  redisTest("extend by the owner resets the lease to the new ttlMs", async () => {
    const key = redis().key("orders");
    const lock = await acquireLock(await connect(), key, { ttlMs: 500 });
    assert.ok(lock);
    assert.equal(await lock.extend(60_000), true, "extend() by the holder must resolve true");
    const pttl = await redis().client.pttl(key);
    assert.ok(pttl > 30_000, `after extend(60000) the key must expire in about a minute; PTTL is ${pttl} ms`);
  });

  redisTest("extend after losing the lock returns false and leaves the new holder's lease alone", async () => {
    const key = redis().key("orders");
    const old = await acquireLock(await connect(), key, { ttlMs: 5000 });
    assert.ok(old);
    await redis().client.del(key);
    const current = await acquireLock(await connect(), key, { ttlMs: 60_000 });
    assert.ok(current);
    assert.equal(await old.extend(100), false, "extend() by a holder whose token is no longer in the key must resolve false");
    const pttl = await redis().client.pttl(key);
    assert.ok(pttl > 30_000, `the new holder's 60 s lease must be untouched by the old holder's extend(100); PTTL is ${pttl} ms`);
    assert.equal(await redis().client.get(key), current.token);
  });

  redisTest("fences continue from the count stored at <key>:fence and grow with every acquisition", async () => {
    const key = redis().key("orders");
    // As if 41 locks had been granted before, by processes long gone.
    await redis().client.set(`${key}:fence`, "41");
    const fences: number[] = [];
    for (let i = 0; i < 4; i++) {
      const lock = await acquireLock(await connect(), key, { ttlMs: 5000 });
      assert.ok(lock);
      assert.equal(await acquireLock(await connect(), key, { ttlMs: 5000 }), null, "the lock is held, so this acquire must get null");
      fences.push(lock.fence);
      await lock.release();
    }
    assert.equal(
      fences[0],
      42,
      `with the key's fence counter (\`\${key}:fence\`) at 41, the next lock's fence must be 42: INCR of that key, in the same step as the SET; got ${fences[0]}`,
    );
    for (let i = 1; i < fences.length; i++)
      assert.ok((fences[i] ?? 0) > (fences[i - 1] ?? 0), `fences must grow with every acquisition, got ${fences.join(", ")}`);
  });

  redisTest("with waitMs, an acquire waits while the lock is held and gets it after release", async () => {
    const key = redis().key("orders");
    const holder = await acquireLock(await connect(), key, { ttlMs: 60_000 });
    assert.ok(holder);
    let settled = false;
    const waiting = acquireLock(await connect(), key, { ttlMs: 5000, waitMs: 5000, retryMs: 10 }).finally(() => {
      settled = true;
    });
    await sleep(60);
    assert.equal(settled, false, "with waitMs 5000, acquireLock must keep trying while the lock is held, not give up at once");
    await holder.release();
    const lock = await waiting;
    assert.ok(lock, "after the holder released, the waiting acquire must get the lock");
    assert.ok(lock.fence > holder.fence, "the next holder's fence must be higher");
  });

  redisTest("when waitMs runs out it resolves null, after retrying every retryMs", async () => {
    const key = redis().key("orders");
    const holder = await acquireLock(await connect(), key, { ttlMs: 60_000 });
    assert.ok(holder);
    const conn = await connect();
    let sent = 0;
    const send = conn.sendCommand.bind(conn);
    conn.sendCommand = (command, stream) => {
      sent++;
      return send(command, stream);
    };
    const lock = await acquireLock(conn, key, { ttlMs: 5000, waitMs: 200, retryMs: 10 });
    assert.equal(lock, null, "the lock stayed held for all of waitMs, so acquireLock must resolve null");
    // About 20 attempts fit in 200 ms; 4 leaves room for a slow machine and still catches "try twice".
    assert.ok(sent >= 4, `while waiting 200 ms with retryMs 10, acquireLock must try again and again; it sent ${sent} command(s)`);
    // The upper bound catches a loop that never sleeps; 150 leaves room for several commands per attempt.
    assert.ok(
      sent <= 150,
      `while waiting 200 ms with retryMs 10, acquireLock should make about 20 attempts, but it sent ${sent} commands: sleep retryMs between attempts`,
    );
    assert.equal(await redis().client.get(key), holder.token);
  });

  redisTest("a holder that dies right after its first command leaves no lock that never expires", async () => {
    const key = redis().key("orders");
    const dying = await connect();
    dieAfterFirstReply(dying);
    await acquireLock(dying, key, { ttlMs: 150 }).catch(() => null);
    const pttl = await redis().client.pttl(key);
    assert.notEqual(
      pttl,
      -1,
      "the dying holder left the lock's key with no expiry, so nobody could ever take the lock again: " +
        "set the token and the expiry in one command (SET key token NX PX ttl), not SET then PEXPIRE",
    );
    const next = await acquireLock(await connect(), key, { ttlMs: 150, waitMs: 3000, retryMs: 20 });
    assert.ok(next, "after the dead holder's 150 ms lease ran out, an acquire waiting up to 3 s must get the lock");
  });
});

// The Redis idempotency store on its own: claims, answers, mismatches, abandon, simultaneous
// claims, and TTLs on everything it writes.
import assert from "node:assert/strict";
import { redisTest, useRedis } from "ts-dojo/harness";
import type { StoredResponse } from "./src/http.ts";
import { createRedisIdempotencyStore, type IdempotencyStore } from "./src/idempotency.ts";

const redis = await useRedis();

const CREATED: StoredResponse = {
  status: 201,
  headers: { "content-type": "application/json", location: "/payments/pay_7" },
  body: '{"id":"pay_7","amount":2500,"currency":"EUR","to":"acct_bakery","status":"succeeded"}',
};

const PREFIX = "idem:";

/** A store on a fresh connection of its own, as one server instance would have. */
function newStore(opts: { ttlSec?: number; lockTtlSec?: number } = {}): IdempotencyStore {
  return createRedisIdempotencyStore(redis().connect(), { prefix: redis().key(PREFIX), ttlSec: 3600, lockTtlSec: 30, ...opts });
}

/** Every key the store wrote, with its remaining time to live in ms (-1: none, forever). */
async function keysWithTtl(): Promise<Array<{ key: string; pttl: number }>> {
  const keys = await redis().keys();
  return Promise.all(keys.map(async (key) => ({ key, pttl: await redis().client.pttl(key) })));
}

redisTest("begin on an unused key answers new; a second begin with the same fingerprint answers in-progress", async () => {
  const store = newStore();
  assert.deepEqual(await store.begin("k1", "fp-a"), { state: "new" }, "the first begin for a key claims it");
  assert.deepEqual(await store.begin("k1", "fp-a"), { state: "in-progress" }, "a claimed, unfinished key is in-progress");
  assert.deepEqual(await store.begin("k2", "fp-a"), { state: "new" }, "another key is independent of the first");
});

redisTest("after complete, begin answers done with the status, headers and body exactly as stored", async () => {
  const store = newStore();
  await store.begin("k1", "fp-a");
  await store.complete("k1", "fp-a", CREATED);
  assert.deepEqual(await store.begin("k1", "fp-a"), { state: "done", response: CREATED }, "the stored response comes back whole");
  assert.deepEqual(await store.begin("k1", "fp-a"), { state: "done", response: CREATED }, "and keeps coming back");
});

redisTest("a key reused with another fingerprint answers mismatch, while running and after it finished", async () => {
  const store = newStore();
  await store.begin("k1", "fp-a");
  assert.deepEqual(await store.begin("k1", "fp-b"), { state: "mismatch" }, "a running key belongs to its first request");
  await store.complete("k1", "fp-a", CREATED);
  assert.deepEqual(await store.begin("k1", "fp-b"), { state: "mismatch" }, "a finished key belongs to its first request");
  assert.deepEqual(await store.begin("k1", "fp-a"), { state: "done", response: CREATED }, "the mismatch must not change what is stored");
});

redisTest("abandon frees the key: the next begin answers new", async () => {
  const store = newStore();
  await store.begin("k1", "fp-a");
  await store.abandon("k1");
  assert.deepEqual(await store.begin("k1", "fp-a"), { state: "new" }, "after abandon, a retry may run the request again");
});

redisTest("two stores on two connections share the state, as two server instances would", async () => {
  const a = newStore();
  const b = newStore();
  assert.deepEqual(await a.begin("k1", "fp-a"), { state: "new" });
  assert.deepEqual(await b.begin("k1", "fp-a"), { state: "in-progress" }, "the state must live in Redis, not in one process's memory");
  await a.complete("k1", "fp-a", CREATED);
  assert.deepEqual(await b.begin("k1", "fp-a"), { state: "done", response: CREATED });
});

redisTest("five begins for one key at the same instant: exactly one is new, the others in-progress", async () => {
  const store = newStore();
  // All five are called before any reply from Redis can arrive, so their commands interleave.
  // A GET followed by a SET lets every one of them read "nothing here"; one SET NX cannot.
  const results = await Promise.all([1, 2, 3, 4, 5].map(() => store.begin("race", "fp-a")));
  const states = results.map((r) => r.state).sort();
  assert.deepEqual(states, ["in-progress", "in-progress", "in-progress", "in-progress", "new"], "only one caller may win the claim");
});

redisTest("everything lives under the prefix with a TTL: a claim for lockTtlSec (60 s by default), an answer for ttlSec", async () => {
  const store = newStore({ ttlSec: 3600, lockTtlSec: 30 });
  await store.begin("k1", "fp-a");
  const claimed = await keysWithTtl();
  assert.ok(claimed.length > 0, "begin must write the claim to Redis");
  for (const { key, pttl } of claimed) {
    assert.ok(key.startsWith(redis().key(PREFIX)), `every key must start with the prefix ${redis().key(PREFIX)}; found ${key}`);
    assert.ok(
      pttl > 0 && pttl <= 30_000,
      `a claim must expire within lockTtlSec (30 s), so a crashed server cannot lock the key forever; ${key} has PTTL ${pttl}`,
    );
  }
  await store.complete("k1", "fp-a", CREATED);
  for (const { key, pttl } of await keysWithTtl())
    assert.ok(
      pttl > 30_000 && pttl <= 3_600_000,
      `a finished answer must be kept for ttlSec (3600 s) and then expire; ${key} has PTTL ${pttl}`,
    );

  await redis().flush();
  const byDefault = createRedisIdempotencyStore(redis().connect(), { prefix: redis().key(PREFIX), ttlSec: 3600 });
  await byDefault.begin("k2", "fp-a");
  for (const { key, pttl } of await keysWithTtl())
    assert.ok(pttl > 0 && pttl <= 60_000, `without lockTtlSec a claim lasts at most 60 s; ${key} has PTTL ${pttl}`);
});

// The read path: a miss fills Redis, later reads hit it, a herd of cold reads costs one load,
// missing notes are remembered briefly, and every TTL is exactly what the rules say.
import assert from "node:assert/strict";
import { redisTest, useRedis } from "ts-dojo/harness";
import { FakeNotes } from "./fake-notes.ts";
import { expectTtl, RELAXED_TIMEOUT_MS, reached, setUp, stored } from "./helpers.ts";
import { createCachedNotesApi } from "./src/cached-notes.ts";

const redis = await useRedis();

redisTest("a miss loads from the repository and stores the note as JSON with a TTL; the next reads are hits", async () => {
  const { inner, client, prefix, api } = setUp(redis, { ttlSec: 60 });
  const note = inner.seed("milk", "two litres");
  assert.deepEqual(await api.get(note.id), note, "the first get() returns the repository's note");
  assert.deepEqual(
    await stored(redis, client, prefix + note.id),
    note,
    `after a miss, Redis must hold the note as JSON at prefix + id ("${prefix}${note.id}")`,
  );
  const pttl = await redis().client.pttl(prefix + note.id);
  assert.ok(pttl > 0 && pttl <= 60_000, `the entry needs a TTL of at most ttlSec (60 s); Redis reports ${pttl} ms`);
  assert.deepEqual(await api.get(note.id), note, "the second get() returns the same note");
  assert.deepEqual(await api.get(note.id), note, "so does the third");
  assert.equal(inner.calls.get, 1, "only the first get() may reach the repository; the others must be answered by Redis");
});

redisTest("get() answers from what Redis holds, whoever put it there", async () => {
  const { inner, client, prefix, api } = setUp(redis);
  const note = inner.seed("from the repository");
  const other = { ...note, title: "already in Redis" };
  await redis().client.set(prefix + note.id, JSON.stringify(other), "PX", 60_000);
  assert.deepEqual(await api.get(note.id), other, "a note stored as JSON at prefix + id is a hit, returned as it is");
  assert.equal(inner.calls.get, 0, "a hit must not ask the repository");

  const second = createCachedNotesApi(inner, redis().connect(), { ttlSec: 60, prefix, timeoutMs: RELAXED_TIMEOUT_MS });
  const fresh = inner.seed("second note");
  await api.get(fresh.id);
  await client.ping();
  assert.deepEqual(await second.get(fresh.id), fresh, "another instance sharing Redis gets the note");
  assert.equal(inner.calls.get, 1, "what one instance cached is a hit for another instance on the same Redis and prefix");
});

redisTest("200 concurrent reads of a cold note reach the repository once", async () => {
  const { inner, client, api } = setUp(redis);
  const note = inner.seed("popular");
  const gate = inner.hold("get");
  const reads = Array.from({ length: 200 }, () => api.get(note.id));
  await reached(gate, reads, client);
  gate.release();
  const results = await Promise.all(reads);
  assert.equal(
    inner.calls.get,
    1,
    `200 concurrent get()s of one id must share one repository call, but it was called ${inner.calls.get} times`,
  );
  assert.ok(
    results.every((r) => r?.id === note.id && r.title === note.title),
    "every one of the 200 callers must receive the note",
  );
  assert.deepEqual(await api.get(note.id), note);
  assert.equal(inner.calls.get, 1, "once the shared load has stored the note, the next read is a hit");
  assert.deepEqual(
    api.stats(),
    { hits: 1, misses: 200, errors: 0 },
    "stats() counts callers, not lookups: the 200 that shared one load are 200 misses, and the read after them is a hit",
  );
});

redisTest("a failing repository read rejects with its error and is not cached", async () => {
  const { inner, client, prefix, api } = setUp(redis);
  const note = inner.seed("fine");
  const outage = new Error("database unavailable");
  inner.failNext("get", outage);
  await assert.rejects(api.get(note.id), (e) => e === outage, "get() must reject with the repository's own error");
  assert.equal(
    await stored(redis, client, prefix + note.id),
    undefined,
    "a failed load must leave nothing in Redis: neither a note nor 'missing'",
  );
  assert.deepEqual(await api.get(note.id), note, "the next get() loads again and gets the note");
  assert.equal(inner.calls.get, 2, "a failure must not be remembered: the next read goes to the repository");
});

redisTest("a missing note is cached as missing, and creating it clears that", async () => {
  const { inner, api } = setUp(redis);
  assert.equal(await api.get("n-1"), null, "no note n-1 yet: get() answers null");
  assert.equal(await api.get("n-1"), null);
  assert.equal(inner.calls.get, 1, "the second get() of a missing note must be answered by Redis (a negative entry), not the repository");
  const created = await api.create({ title: "now it exists" });
  assert.equal(created.id, "n-1", "(set-up) the fake repository hands out n-1 first");
  assert.deepEqual(await api.get("n-1"), created, "create() must clear the cached 'missing' for the new note's id");
});

redisTest("a note created behind the cache's back reads as missing until a write through the cache clears it", async () => {
  const { inner, api } = setUp(redis);
  assert.equal(await api.get("n-1"), null);
  inner.seed("created by another service");
  assert.equal(await api.get("n-1"), null, "the negative entry still answers: that bounded staleness is why its TTL is short");
  const updated = await api.update("n-1", { title: "edited through the cache" });
  assert.ok(updated !== null, "(set-up) the repository has n-1 now");
  assert.deepEqual(await api.get("n-1"), updated, "update() must clear the negative entry too");
});

redisTest("a missing note's TTL is min(ttlSec, 30) seconds, jittered like any other", async () => {
  const long = setUp(redis, { ttlSec: 600, jitter: 0, prefix: redis().key("long:") });
  await expectTtl(redis, long.prefix + "n-9", 30_000, () => long.api.get("n-9"), "ttlSec 600, jitter 0: a missing note is cached for 30 s");
  const short = setUp(redis, { ttlSec: 10, jitter: 0, prefix: redis().key("short:") });
  await expectTtl(
    redis,
    short.prefix + "n-9",
    10_000,
    () => short.api.get("n-9"),
    "ttlSec 10, jitter 0: a missing note is cached for ttlSec, 10 s",
  );
  const jittered = setUp(redis, { ttlSec: 600, jitter: 0.5, random: () => 0.5, prefix: redis().key("jittered:") });
  await expectTtl(
    redis,
    jittered.prefix + "n-9",
    22_500,
    () => jittered.api.get("n-9"),
    "ttlSec 600, jitter 0.5, random 0.5: 30 s × (1 − 0.25) = 22.5 s",
  );
});

redisTest("a note's TTL is ttlSec less a random share of up to jitter, to the millisecond", async () => {
  const cases = [
    { jitter: 0, expected: 100_000, what: "jitter 0: exactly ttlSec" },
    { jitter: undefined, expected: 97_500, what: "jitter left out means 0.1: 100 s × (1 − 0.1 × 0.25)" },
    { jitter: 0.2, expected: 95_000, what: "jitter 0.2, random 0.25: 100 s × (1 − 0.05)" },
  ];
  const inner = new FakeNotes();
  const note = inner.seed("timed");
  for (const [i, c] of cases.entries()) {
    const prefix = redis().key(`ttl-${i}:`);
    const opts = {
      ttlSec: 100,
      prefix,
      timeoutMs: RELAXED_TIMEOUT_MS,
      random: () => 0.25,
      ...(c.jitter === undefined ? {} : { jitter: c.jitter }),
    };
    const api = createCachedNotesApi(inner, redis().connect(), opts);
    await expectTtl(redis, prefix + note.id, c.expected, () => api.get(note.id), c.what);
  }
});

redisTest("different notes get different TTLs: one random() per entry, all within [ttl × (1 − jitter), ttl]", async () => {
  const draws = [0, 0.25, 0.5, 0.75, 0.999];
  let next = 0;
  const { inner, prefix, api } = setUp(redis, { ttlSec: 100, jitter: 0.2, random: () => draws[next++ % draws.length] ?? 0 });
  const notes = draws.map((_, i) => inner.seed(`note ${i}`));
  const expected = [100_000, 95_000, 90_000, 85_000, 80_020];
  for (const [i, note] of notes.entries()) {
    await expectTtl(
      redis,
      prefix + note.id,
      expected[i] ?? 0,
      () => api.get(note.id),
      `note ${i + 1} of 5, written with random() = ${draws[i]}`,
    );
  }
  for (const note of notes) await api.get(note.id);
  assert.equal(next, 5, `random() must be called once per entry written (5), not on hits; it was called ${next} times`);
});

redisTest("stats() counts each get() once, as a hit or a miss, and no errors while Redis is well", async () => {
  const { inner, api } = setUp(redis);
  assert.deepEqual(api.stats(), { hits: 0, misses: 0, errors: 0 }, "a new cache starts at zero");
  const note = inner.seed("counted");
  await api.get(note.id); // miss
  await api.get(note.id); // hit
  await api.get(note.id); // hit
  await api.get("n-404"); // miss: missing, now cached as missing
  await api.get("n-404"); // hit: the negative entry
  await api.update(note.id, { title: "changed" });
  await api.get(note.id); // miss: the update dropped the entry
  assert.deepEqual(
    api.stats(),
    { hits: 3, misses: 3, errors: 0 },
    "three reads came from Redis (one of them a cached 'missing'), three from the repository",
  );
});

// The write path: a write reaches the repository first and then drops the cached copy; a failed
// write leaves the cache alone; and reads that overlap a write, held at the repository so the
// order is exact, never leave the old note in Redis.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { redisTest, useRedis } from "ts-dojo/harness";
import { FakeNotes } from "./fake-notes.ts";
import { RELAXED_TIMEOUT_MS, reached, settle, setUp, stored } from "./helpers.ts";
import { createCachedNotesApi } from "./src/cached-notes.ts";

const redis = await useRedis();

/** Two instances of the service (two processes, say) over one repository and one Redis. */
function twoInstances() {
  const inner = new FakeNotes();
  const prefix = redis().key("notes:");
  const clientA = redis().connect();
  const clientB = redis().connect();
  const a = createCachedNotesApi(inner, clientA, { ttlSec: 60, prefix, timeoutMs: RELAXED_TIMEOUT_MS });
  const b = createCachedNotesApi(inner, clientB, { ttlSec: 60, prefix, timeoutMs: RELAXED_TIMEOUT_MS });
  return { inner, prefix, clientA, a, b };
}

redisTest("update() writes through the repository, and the next get() sees the new note", async () => {
  const { inner, client, prefix, api } = setUp(redis);
  const note = inner.seed("v1");
  await api.get(note.id);
  const updated = await api.update(note.id, { title: "v2" });
  assert.deepEqual(updated, inner.peek(note.id), "update() returns what the repository returned");
  assert.ok(
    !isDeepStrictEqual(await stored(redis, client, prefix + note.id), note),
    "after update() Redis must no longer hold the old note",
  );
  assert.deepEqual(await api.get(note.id), updated, "the next get() returns the updated note");
});

redisTest("remove() drops the cached note, and the next get() answers null", async () => {
  const { inner, client, prefix, api } = setUp(redis);
  const note = inner.seed("doomed");
  await api.get(note.id);
  assert.equal(await api.remove(note.id), true, "remove() returns what the repository returned");
  assert.ok(!isDeepStrictEqual(await stored(redis, client, prefix + note.id), note), "after remove() Redis must no longer hold the note");
  assert.equal(await api.get(note.id), null, "the next get() finds no note");
});

redisTest("a failed update rejects with the repository's error and leaves the cached note in place", async () => {
  const { inner, client, prefix, api } = setUp(redis);
  const note = inner.seed("kept");
  await api.get(note.id);
  const refused = new Error("deadlock detected, nothing written");
  inner.failNext("update", refused);
  await assert.rejects(
    api.update(note.id, { title: "never saved" }),
    (e) => e === refused,
    "update() must reject with the repository's own error",
  );
  assert.deepEqual(
    await stored(redis, client, prefix + note.id),
    note,
    "the write failed, so nothing changed: the cached note must stay (it is what keeps reads off a struggling database)",
  );
  assert.deepEqual(await api.get(note.id), note);
  assert.equal(inner.calls.get, 1, "the read after the failed update is still a hit");
});

redisTest("a read during a slow update cannot leave the old note cached: invalidate after the write, not before", async () => {
  const { inner, client, api } = setUp(redis);
  const note = inner.seed("v1");
  await api.get(note.id);
  const gate = inner.hold("update");
  const writing = api.update(note.id, { title: "v2" });
  await reached(gate, [writing], client);
  // The update is at the repository and not committed yet. A read now may see v1; what matters is
  // that v1 does not outlive the write in Redis.
  await api.get(note.id);
  gate.release();
  const updated = await writing;
  assert.deepEqual(
    await api.get(note.id),
    updated,
    "after update() returned, get() must give the new note; dropping the cache before the write lets a read in between cache the old one again",
  );
});

redisTest("a read that began before an update on another instance does not put the old note back", async () => {
  const { inner, prefix, clientA, a, b } = twoInstances();
  const note = inner.seed("v1");
  const gate = inner.hold("get");
  const reading = a.get(note.id); // loads v1 and is held before it can store it
  await reached(gate, [reading], clientA);
  const updated = await b.update(note.id, { title: "v2" });
  gate.release();
  await reading;
  assert.ok(
    !isDeepStrictEqual(await stored(redis, clientA, prefix + note.id), note),
    "the read loaded v1 before the update, so storing it after the update would cache stale data until the TTL; Redis must not hold v1",
  );
  assert.deepEqual(await a.get(note.id), updated, "instance A must now read v2");
  assert.deepEqual(await b.get(note.id), updated, "and so must instance B");
});

redisTest("a read that began before a remove does not bring the note back", async () => {
  const { inner, prefix, clientA, a, b } = twoInstances();
  const note = inner.seed("doomed");
  const gate = inner.hold("get");
  const reading = a.get(note.id);
  await reached(gate, [reading], clientA);
  assert.equal(await b.remove(note.id), true);
  gate.release();
  await reading;
  assert.ok(!isDeepStrictEqual(await stored(redis, clientA, prefix + note.id), note), "a removed note must not reappear in Redis");
  assert.equal(await a.get(note.id), null, "instance A must find no note");
  assert.equal(await b.get(note.id), null, "nor must instance B");
});

redisTest("on one instance, a get() after update() returned sees the new note, even while an older read is still loading", async () => {
  const { inner, client, prefix, api } = setUp(redis);
  const note = inner.seed("v1");
  const gate = inner.hold("get");
  const early = api.get(note.id);
  await reached(gate, [early], client);
  const updated = await api.update(note.id, { title: "v2" });
  const late = api.get(note.id);
  // A late read with a lookup of its own reaches the repository after a few Redis round trips;
  // one that joined the early read never does.
  for (let i = 0; i < 20 && inner.calls.get < 2; i++) {
    await client.ping();
    await settle();
  }
  if (inner.calls.get < 2) {
    gate.release();
    assert.fail("a get() that starts after update() returned must not join the read that began before it: that read loaded v1");
  }
  assert.deepEqual(await late, updated, "the get() that started after update() returned must give the new note");
  gate.release();
  await early;
  assert.ok(!isDeepStrictEqual(await stored(redis, client, prefix + note.id), note), "the early read must not store v1 over the new state");
  assert.deepEqual(await api.get(note.id), updated);
});

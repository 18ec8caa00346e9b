import assert from "node:assert/strict";
import { test } from "node:test";
import { type EvictReason, LruCache } from "./src/lru.ts";

type Eviction = [key: string, value: number, reason: EvictReason];

/** A cache over a fake clock that records every onEvict call. */
function setup(opts: { maxEntries: number; ttlMs?: number }) {
  const clock = { t: 0 };
  const evicted: Eviction[] = [];
  const cache = new LruCache<string, number>({
    ...opts,
    now: () => clock.t,
    onEvict: (key, value, reason) => evicted.push([key, value, reason]),
  });
  return { cache, clock, evicted };
}

/** The keys, of those asked about, that get() still finds (get refreshes them, so call it last). */
function present(cache: LruCache<string, number>, keys: string[]): string[] {
  return keys.filter((k) => cache.get(k) !== undefined);
}

test("the constructor throws a RangeError when maxEntries is below 1", () => {
  for (const maxEntries of [0, -1]) {
    assert.throws(() => new LruCache({ maxEntries }), RangeError, `maxEntries ${maxEntries} must throw a RangeError`);
  }
  const one = new LruCache<string, number>({ maxEntries: 1 });
  one.set("a", 1);
  one.set("b", 2);
  assert.equal(one.size, 1, "a cache of maxEntries 1 holds exactly one entry");
  assert.equal(one.get("b"), 2, "with maxEntries 1 the newest entry is the one kept");
});

test("get() returns the stored value, or undefined for a key never set", () => {
  const { cache } = setup({ maxEntries: 3 });
  assert.equal(cache.get("a"), undefined, "an empty cache has nothing to return");
  cache.set("a", 1);
  cache.set("b", 2);
  assert.equal(cache.get("a"), 1);
  assert.equal(cache.get("b"), 2);
  assert.equal(cache.get("c"), undefined, "a key never set must give undefined");
  assert.equal(cache.size, 2, "size counts the entries held");
});

test("a full cache evicts its least recently used entry, reporting key, value and 'capacity'", () => {
  const { cache, evicted } = setup({ maxEntries: 3 });
  cache.set("a", 1);
  cache.set("b", 2);
  cache.set("c", 3);
  assert.deepEqual(evicted, [], "nothing is evicted while the cache has room");
  cache.set("d", 4);
  assert.deepEqual(evicted, [["a", 1, "capacity"]], "the fourth set into a cache of 3 must evict the oldest entry, a");
  assert.equal(cache.size, 3, "size never goes above maxEntries");
  assert.deepEqual(present(cache, ["a", "b", "c", "d"]), ["b", "c", "d"]);
});

test("get() refreshes recency, so an entry that was just read survives the next eviction", () => {
  const { cache, evicted } = setup({ maxEntries: 3 });
  cache.set("a", 1);
  cache.set("b", 2);
  cache.set("c", 3);
  assert.equal(cache.get("a"), 1);
  cache.set("d", 4);
  assert.deepEqual(evicted, [["b", 2, "capacity"]], "a was read after b was written, so b is now the least recently used");
  assert.deepEqual(present(cache, ["a", "b", "c", "d"]), ["a", "c", "d"]);
});

test("eviction order follows the whole history of gets and sets", () => {
  const { cache, evicted } = setup({ maxEntries: 4 });
  for (const [i, k] of ["a", "b", "c", "d"].entries()) cache.set(k, i);
  cache.get("b"); // order, oldest first: a c d b
  cache.get("a"); // c d b a
  cache.get("zzz"); // a miss changes nothing
  cache.set("e", 4); // evicts c -> d b a e
  cache.get("d"); // b a e d
  cache.set("f", 5); // evicts b -> a e d f
  cache.set("g", 6); // evicts a -> e d f g
  cache.get("e"); // d f g e
  cache.set("h", 7); // evicts d -> f g e h
  assert.deepEqual(
    evicted.map(([k]) => k),
    ["c", "b", "a", "d"],
    "each set into the full cache must evict whichever entry was used (read or written) longest ago",
  );
  assert.ok(
    evicted.every(([, , reason]) => reason === "capacity"),
    "entries pushed out to make room are reported as 'capacity'",
  );
  assert.deepEqual(present(cache, ["a", "b", "c", "d", "e", "f", "g", "h"]), ["e", "f", "g", "h"]);
});

test("set() of an existing key replaces the value and refreshes recency, without evicting anything", () => {
  const { cache, evicted } = setup({ maxEntries: 2 });
  cache.set("a", 1);
  cache.set("b", 2);
  cache.set("a", 10);
  assert.deepEqual(evicted, [], "overwriting a key in a full cache must not evict (nor report) anything, not even the old value");
  assert.equal(cache.size, 2, "overwriting does not add an entry");
  cache.set("c", 3);
  assert.deepEqual(evicted, [["b", 2, "capacity"]], "the overwrite made a the most recently used, so b goes first");
  assert.equal(cache.get("a"), 10, "get() must return the new value");
});

test("an entry expires exactly when its time to live has passed: alive at set + ttl - 1, gone at set + ttl", () => {
  const { cache, clock, evicted } = setup({ maxEntries: 10, ttlMs: 100 });
  clock.t = 1_000;
  cache.set("a", 1);
  clock.t = 1_099;
  assert.equal(cache.get("a"), 1, "set at t=1000 with ttl 100, the entry is still alive at t=1099");
  assert.deepEqual(evicted, []);
  clock.t = 1_100;
  assert.equal(cache.get("a"), undefined, "at t=1100 (set + ttl) the entry has expired: expired means now >= set time + ttl");
  assert.deepEqual(evicted, [["a", 1, "expired"]], "get() that finds an expired entry removes it and reports 'expired'");
  assert.equal(cache.size, 0, "the expired entry is gone once get() has found it");
  assert.equal(cache.get("a"), undefined);
  assert.equal(evicted.length, 1, "an entry is reported once, not again on the next get()");
});

test("get() does not extend the time to live", () => {
  const { cache, clock } = setup({ maxEntries: 10, ttlMs: 100 });
  cache.set("a", 1);
  for (const t of [30, 60, 99]) {
    clock.t = t;
    assert.equal(cache.get("a"), 1, `still alive at t=${t}`);
  }
  clock.t = 100;
  assert.equal(
    cache.get("a"),
    undefined,
    "reads refresh recency, not expiry: set at t=0 with ttl 100, it is gone at t=100 however often it was read",
  );
});

test("set() of an existing key starts a fresh time to live", () => {
  const { cache, clock } = setup({ maxEntries: 10, ttlMs: 100 });
  cache.set("a", 1);
  clock.t = 80;
  cache.set("a", 2);
  clock.t = 179;
  assert.equal(cache.get("a"), 2, "written again at t=80, the entry lives until t=180");
  clock.t = 180;
  assert.equal(cache.get("a"), undefined, "written again at t=80 with ttl 100, it has expired at t=180");
});

test("a per-entry ttl overrides the default, shorter or longer", () => {
  const { cache, clock } = setup({ maxEntries: 10, ttlMs: 100 });
  cache.set("short", 1, 10);
  cache.set("long", 2, 1_000);
  cache.set("default", 3);
  clock.t = 10;
  assert.deepEqual(present(cache, ["short", "long", "default"]), ["long", "default"], "at t=10 only the 10 ms entry has expired");
  clock.t = 100;
  assert.deepEqual(present(cache, ["long", "default"]), ["long"], "at t=100 the entry using the default ttl (100) has expired");
  clock.t = 999;
  assert.equal(cache.get("long"), 2, "the 1000 ms entry is alive at t=999");
  clock.t = 1_000;
  assert.equal(cache.get("long"), undefined, "the 1000 ms entry has expired at t=1000");
});

test("without a default ttl entries never expire, but a per-entry ttl still applies", () => {
  const { cache, clock } = setup({ maxEntries: 10 });
  cache.set("forever", 1);
  cache.set("brief", 2, 50);
  clock.t = 50;
  assert.equal(cache.get("brief"), undefined, "a per-entry ttl of 50 expires at t=50 even with no default ttl");
  clock.t = 1e12;
  assert.equal(cache.get("forever"), 1, "with no ttl at all an entry must never expire");
});

test("size counts an expired entry until an operation discovers it", () => {
  const { cache, clock, evicted } = setup({ maxEntries: 10, ttlMs: 100 });
  cache.set("a", 1);
  cache.set("b", 2);
  clock.t = 500;
  assert.equal(cache.size, 2, "expiry is discovered lazily: nothing has looked at a or b yet, so size is still 2");
  assert.deepEqual(evicted, [], "reading size must not fire onEvict");
  cache.get("a");
  assert.equal(cache.size, 1, "get() found a expired and removed it");
  assert.equal(cache.delete("b"), false, "delete() of an expired entry removes no live entry, so it returns false");
  assert.equal(cache.size, 0, "delete() removed the expired b anyway");
  assert.deepEqual(
    evicted,
    [
      ["a", 1, "expired"],
      ["b", 2, "expired"],
    ],
    "both were reported as 'expired', whichever operation found them",
  );
});

test("delete() removes a live entry, returns true and reports 'deleted'; a missing key gives false", () => {
  const { cache, evicted } = setup({ maxEntries: 3 });
  cache.set("a", 1);
  cache.set("b", 2);
  assert.equal(cache.delete("a"), true, "deleting a live entry returns true");
  assert.deepEqual(evicted, [["a", 1, "deleted"]], "delete() must call onEvict(key, value, 'deleted')");
  assert.equal(cache.get("a"), undefined);
  assert.equal(cache.size, 1);
  assert.equal(cache.delete("a"), false, "deleting it again returns false");
  assert.equal(cache.delete("never"), false, "deleting a key never set returns false");
  assert.equal(evicted.length, 1, "deleting a missing key must not call onEvict");
  cache.set("c", 3);
  cache.set("d", 4);
  assert.equal(evicted.length, 1, "after a delete there is room again: three entries fit without an eviction");
});

test("when set() makes room, a least recently used entry that has already expired is reported as 'expired'", () => {
  const { cache, clock, evicted } = setup({ maxEntries: 2, ttlMs: 100 });
  cache.set("a", 1, 50);
  cache.set("b", 2);
  clock.t = 60;
  cache.set("c", 3);
  assert.deepEqual(evicted, [["a", 1, "expired"]], "a was the oldest entry and had expired at t=50, so it leaves as 'expired'");
  cache.set("d", 4);
  assert.deepEqual(evicted[1], ["b", 2, "capacity"], "b was still alive at t=60, so it leaves as 'capacity'");
});

test("set() never reports the key it writes, even when its old entry had expired", () => {
  const { cache, clock, evicted } = setup({ maxEntries: 2, ttlMs: 100 });
  cache.set("a", 1);
  clock.t = 200;
  cache.set("a", 2);
  assert.deepEqual(evicted, [], "writing a key replaces its entry; onEvict is not called for the replaced value");
  assert.equal(cache.size, 1, "the old and the new entry for a are one entry");
  assert.equal(cache.get("a"), 2);
});

test("keys are compared like Map keys, so objects work as keys", () => {
  const alice = { id: 1 };
  const alsoAlice = { id: 1 };
  const cache = new LruCache<object, string>({ maxEntries: 2 });
  cache.set(alice, "profile");
  assert.equal(cache.get(alice), "profile");
  assert.equal(cache.get(alsoAlice), undefined, "a different object with the same fields is a different key");
});

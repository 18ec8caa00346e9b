import assert from "node:assert/strict";
import { test } from "node:test";
import { type EvictReason, LruCache } from "./src/lru.ts";

// "O(1) per operation" is checked by size, not by a stopwatch. This workload holds 50,000
// entries and runs about 850,000 operations, 130,000 of which evict. An implementation that
// pays O(n) per operation (indexOf/splice on an array of keys, or a scan for the oldest entry on
// every eviction) does billions of steps and needs a minute or more, far past the task's 10 s
// limit. A Map plus a doubly linked list takes a few hundred milliseconds, and a Map used as the
// recency list (delete, then set) about a second. The size is picked so that both margins stay
// wide on a slow or busy machine. Nothing here measures time: a slow implementation fails
// because verify stops it at the limit, and the checks at the end make sure a fast one also got
// every answer right.

const MAX = 50_000;
const HOT = 20_000; // keys read over and over; each read finds its key near the middle of the recency order
const READS_PER_WRITE = 4;
const STREAM = 160_000; // keys written once and never read

test("a large mixed workload keeps the hot keys, evicts the one-off keys oldest first, and finishes in time", () => {
  let expectedVictim = 0;
  let wrongVictims = 0;
  let firstWrong: [string, EvictReason] | undefined;
  const cache = new LruCache<string, number>({
    maxEntries: MAX,
    onEvict: (key, _value, reason) => {
      // Hot keys are always read more recently than the oldest one-off key, so LRU evicts the
      // one-off keys in the order they were written.
      if (key !== `stream:${expectedVictim}` || reason !== "capacity") {
        wrongVictims++;
        firstWrong ??= [key, reason];
      }
      expectedVictim++;
    },
  });
  for (let h = 0; h < HOT; h++) cache.set(`hot:${h}`, h);
  let misses = 0;
  let next = 0;
  for (let s = 0; s < STREAM; s++) {
    for (let r = 0; r < READS_PER_WRITE; r++) {
      if (cache.get(`hot:${next}`) !== next) misses++;
      next = next + 1 === HOT ? 0 : next + 1;
    }
    cache.set(`stream:${s}`, s);
  }

  assert.equal(misses, 0, "every read of a hot key must hit: each is read again long before it could become the least recently used");
  assert.equal(wrongVictims, 0, `every eviction must be the oldest one-off key, as 'capacity' (first wrong one: ${firstWrong})`);
  assert.equal(expectedVictim, HOT + STREAM - MAX, "one eviction per write once the cache is full");
  assert.equal(cache.size, MAX, "the cache ends full");
  const keptStreams = MAX - HOT;
  const oldestKept = STREAM - keptStreams;
  assert.equal(
    cache.get(`stream:${oldestKept - 1}`),
    undefined,
    `stream:${oldestKept - 1} is one past the newest ${keptStreams} one-off keys and must be gone`,
  );
  for (let s = oldestKept; s < STREAM; s++) {
    if (cache.get(`stream:${s}`) !== s)
      assert.fail(`the newest ${keptStreams} one-off keys must all be present, but stream:${s} is missing`);
  }
  for (let h = 0; h < HOT; h++) {
    if (cache.get(`hot:${h}`) !== h) assert.fail(`every hot key must survive, but hot:${h} is missing`);
  }
});

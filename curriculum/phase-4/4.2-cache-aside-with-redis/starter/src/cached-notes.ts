/**
 * Cache-aside in front of the notes repository: reads look in Redis first and fill it on a miss,
 * writes go to the repository and then drop the cached copy. Redis is an optimisation here,
 * never a dependency: when it is slow or gone, every call still gets the repository's answer.
 *
 * The rules the tests hold you to (the lesson explains each):
 * - a note is cached as JSON under `prefix + id`; a missing note as the JSON `null`;
 * - TTL in milliseconds = Math.round(base × 1000 × (1 − jitter × random())), set with PX, where
 *   base is ttlSec for a note and min(ttlSec, 30) for a missing one; random() is called once
 *   for each entry written;
 * - concurrent get()s of one id share one lookup: the repository sees one call, not 200;
 * - create, update and remove invalidate the id after the repository's write succeeds, never
 *   before it and never when it fails;
 * - a read that began before a write must not put its older answer back after that write,
 *   even when the read and the write run in different processes (instances);
 * - every Redis command gets at most timeoutMs; a failed or late one counts in `errors` and the
 *   call goes on without the cache;
 * - each get() counts once in stats: a hit when its answer came from Redis, else a miss.
 */
import type { Redis } from "ioredis";
import type { NotesApi } from "./notes-api.ts";

export interface CachedNotesOptions {
  /** How long a cached note lives, in seconds, before jitter. */
  ttlSec: number;
  /** Put in front of every key this cache uses: the note with id "n-1" lives at prefix + "n-1". */
  prefix: string;
  /** The largest fraction taken off a TTL at random, 0 ≤ jitter < 1 (default 0.1). */
  jitter?: number;
  /** The longest any one Redis command may take before the cache gives up on it (default 100). */
  timeoutMs?: number;
  /** A number in [0, 1), called once per entry written (default Math.random). */
  random?: () => number;
}

export interface CacheStats {
  /** get() calls answered from Redis (a cached missing note counts too). */
  hits: number;
  /** get() calls answered by the repository, whatever the reason. */
  misses: number;
  /** Redis commands that failed or did not answer within timeoutMs. */
  errors: number;
}

export type CachedNotesApi = NotesApi & { stats(): CacheStats };

/** Wrap `inner` (the repository) with a Redis cache, cache-aside. */
export function createCachedNotesApi(inner: NotesApi, redis: Redis, opts: CachedNotesOptions): CachedNotesApi {
  void inner;
  void redis;
  void opts;
  return {
    async get() {
      throw new Error("TODO: look in Redis (within timeoutMs), else load from inner once for all concurrent callers and store it");
    },
    async create() {
      throw new Error("TODO: create through inner, then invalidate the new note's id");
    },
    async update() {
      throw new Error("TODO: update through inner, then invalidate the id (only if inner succeeded)");
    },
    async remove() {
      throw new Error("TODO: remove through inner, then invalidate the id (only if inner succeeded)");
    },
    stats() {
      throw new Error("TODO: return { hits, misses, errors }");
    },
  };
}

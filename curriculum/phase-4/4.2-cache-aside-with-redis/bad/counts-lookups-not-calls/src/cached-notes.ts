/**
 * Cache-aside in front of the notes repository: reads look in Redis first and fill it on a miss,
 * writes go to the repository and then drop the cached copy. Redis is an optimisation here,
 * never a dependency: when it is slow or gone, every call still gets the repository's answer.
 *
 * Stale fills are stopped with a generation counter per note, kept in Redis beside the entry:
 * a write bumps it, and a fill only lands if the counter is still what it was when the read
 * began. Both steps are Lua scripts, so each is atomic in Redis.
 */
import type { Redis } from "ioredis";
import type { Note, NotesApi } from "./notes-api.ts";

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

/** A missing note is remembered for at most this long: it may be created by someone else. */
const NEGATIVE_TTL_CAP_SEC = 30;
/**
 * How long a note's generation outlives its last write. A read that takes longer than this
 * could fill in an old value again; no read through a timed-out repository gets near it.
 */
const GENERATION_TTL_MS = 10 * 60_000;

/** KEYS: entry, generation. ARGV: the generation seen when the read began, value, ttl in ms. */
const FILL = `
local now = redis.call('GET', KEYS[2]) or ''
if now ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

/** KEYS: entry, generation. ARGV: how long to keep the generation, in ms. */
const INVALIDATE = `
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[1])
return 1`;

type Lookup = { note: Note | null; fromCache: boolean };
type Attempt<T> = { ok: true; value: T } | { ok: false };

/** Wrap `inner` (the repository) with a Redis cache, cache-aside. */
export function createCachedNotesApi(inner: NotesApi, redis: Redis, opts: CachedNotesOptions): CachedNotesApi {
  const { ttlSec, prefix, jitter = 0.1, timeoutMs = 100, random = Math.random } = opts;
  if (!(ttlSec > 0)) throw new RangeError(`ttlSec must be above 0, got ${ttlSec}`);
  if (!(jitter >= 0 && jitter < 1)) throw new RangeError(`jitter must be in [0, 1), got ${jitter}`);

  const counts: CacheStats = { hits: 0, misses: 0, errors: 0 };
  const flights = new Map<string, Promise<Lookup>>();
  const entryKey = (id: string) => prefix + id;
  // Ids in this system never contain "#", so this cannot meet another note's entry.
  const generationKey = (id: string) => `${prefix}${id}#gen`;

  /** One Redis command, given at most timeoutMs. A failure is counted and reported, never thrown. */
  async function attempt<T>(command: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await withTimeout(command(), timeoutMs) };
    } catch {
      counts.errors++;
      return { ok: false };
    }
  }

  function ttlMs(note: Note | null): number {
    const base = note === null ? Math.min(ttlSec, NEGATIVE_TTL_CAP_SEC) : ttlSec;
    return Math.max(1, Math.round(base * 1000 * (1 - jitter * random())));
  }

  async function lookup(id: string): Promise<Lookup> {
    // One round trip reads the entry and the generation together, so they agree.
    const read = await attempt(() => redis.mget(entryKey(id), generationKey(id)));
    if (read.ok && read.value[0] != null) {
      counts.hits++;
      return { note: JSON.parse(read.value[0]) as Note | null, fromCache: true };
    }
    counts.misses++;
    const note = await inner.get(id);
    // When Redis just failed us, a fill would most likely fail too and only make callers wait.
    if (read.ok) {
      const seen = read.value[1] ?? "";
      await attempt(() => redis.eval(FILL, 2, entryKey(id), generationKey(id), seen, JSON.stringify(note), ttlMs(note)));
    }
    return { note, fromCache: false };
  }

  async function invalidate(id: string): Promise<void> {
    // A get() from now on must not join a lookup that began before this write.
    flights.delete(id);
    await attempt(() => redis.eval(INVALIDATE, 2, entryKey(id), generationKey(id), GENERATION_TTL_MS));
  }

  return {
    async get(id) {
      let flight = flights.get(id);
      if (flight === undefined) {
        const started = lookup(id);
        const done = () => {
          if (flights.get(id) === started) flights.delete(id);
        };
        started.then(done, done);
        flights.set(id, started);
        flight = started;
      }
      // Counted in lookup(): once per shared lookup, however many callers joined it.
      const { note } = await flight;
      return note;
    },
    async create(input) {
      const note = await inner.create(input);
      await invalidate(note.id);
      return note;
    },
    // A rejection from inner skips the invalidation: nothing was written, and the cached copy
    // is what keeps reads going while the database struggles.
    async update(id, input) {
      const note = await inner.update(id, input);
      await invalidate(id);
      return note;
    },
    async remove(id) {
      const removed = await inner.remove(id);
      await invalidate(id);
      return removed;
    },
    stats() {
      return { ...counts };
    },
  };
}

/** `work`, or a rejection after `ms`; the timer never outlives the race. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// Known-bad: textbook cache-aside with plain GET, SET and DEL. Correct until a read and a write
// overlap: a read that loaded the old note before an update stores it after the update's DEL,
// and the old note is served until its TTL runs out.
import type { Redis } from "ioredis";
import type { Note, NotesApi } from "./notes-api.ts";

export interface CachedNotesOptions {
  ttlSec: number;
  prefix: string;
  jitter?: number;
  timeoutMs?: number;
  random?: () => number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  errors: number;
}

export type CachedNotesApi = NotesApi & { stats(): CacheStats };

type Lookup = { note: Note | null; fromCache: boolean };

export function createCachedNotesApi(inner: NotesApi, redis: Redis, opts: CachedNotesOptions): CachedNotesApi {
  const { ttlSec, prefix, jitter = 0.1, timeoutMs = 100, random = Math.random } = opts;
  const counts: CacheStats = { hits: 0, misses: 0, errors: 0 };
  const flights = new Map<string, Promise<Lookup>>();

  async function safely<T>(command: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("Redis timed out")), timeoutMs);
    });
    try {
      return await Promise.race([command(), late]);
    } catch {
      counts.errors++;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async function lookup(id: string): Promise<Lookup> {
    let failed = false;
    const cached = await safely(async () => {
      try {
        return await redis.get(prefix + id);
      } catch (error) {
        failed = true;
        throw error;
      }
    });
    if (typeof cached === "string") return { note: JSON.parse(cached) as Note | null, fromCache: true };
    if (cached === undefined) failed = true;
    const note = await inner.get(id);
    if (!failed) {
      const base = note === null ? Math.min(ttlSec, 30) : ttlSec;
      const px = Math.max(1, Math.round(base * 1000 * (1 - jitter * random())));
      await safely(() => redis.set(prefix + id, JSON.stringify(note), "PX", px));
    }
    return { note, fromCache: false };
  }

  async function invalidate(id: string): Promise<void> {
    flights.delete(id);
    await safely(() => redis.del(prefix + id));
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
      try {
        const { note, fromCache } = await flight;
        if (fromCache) counts.hits++;
        else counts.misses++;
        return note;
      } catch (error) {
        counts.misses++;
        throw error;
      }
    },
    async create(input) {
      const note = await inner.create(input);
      await invalidate(note.id);
      return note;
    },
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

/** Why an entry left the cache. */
export type EvictReason = "capacity" | "expired" | "deleted";

export interface LruOptions<K, V> {
  /** The most entries the cache holds at once: a whole number, at least 1 (else RangeError). */
  maxEntries: number;
  /** Default time to live in ms. Without it (and without a per-entry ttl) entries never expire. */
  ttlMs?: number;
  /** The clock, in ms. Defaults to Date.now; tests pass a fake one. */
  now?: () => number;
  /** Called once for each entry that leaves the cache, except when set() replaces it. */
  onEvict?: (key: K, value: V, reason: EvictReason) => void;
}

/**
 * A least-recently-used cache with an optional time to live, every operation O(1).
 * The exact rules are in the lesson's "The exercise" section.
 */
export class LruCache<K, V> {
  constructor(opts: LruOptions<K, V>) {
    throw new Error(`TODO: validate and store the options (maxEntries = ${opts.maxEntries})`);
  }

  /** Entries held, including expired ones no operation has looked at yet. */
  get size(): number {
    throw new Error("TODO: return how many entries the cache holds");
  }

  /** The live value for key (and it becomes the most recently used), or undefined. */
  get(key: K): V | undefined {
    throw new Error(`TODO: get ${String(key)}`);
  }

  /** Stores value as the most recently used entry; ttlMs overrides the default for this entry. */
  set(key: K, value: V, ttlMs?: number): void {
    throw new Error(`TODO: set ${String(key)} = ${String(value)} (ttl ${ttlMs})`);
  }

  /** Removes key; true only if a live entry was removed. */
  delete(key: K): boolean {
    throw new Error(`TODO: delete ${String(key)}`);
  }
}

/**
 * Wraps load so that concurrent calls for the same key share one in-flight promise. Not a
 * cache: once a flight settles, the next call loads again, and a failure is never kept.
 */
export function singleFlight<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  return (key) => Promise.reject(new Error(`TODO: share one call of load(${String(key)}) among concurrent callers`));
}

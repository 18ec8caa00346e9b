/** Why an entry left the cache. */
export type EvictReason = "capacity" | "expired" | "deleted";

export interface LruOptions<K, V> {
  /** The most entries the cache holds at once: a whole number, at least 1. */
  maxEntries: number;
  /** Default time to live in ms. Without it (and without a per-entry ttl) entries never expire. */
  ttlMs?: number;
  /** The clock, in ms. Defaults to Date.now; tests pass a fake one. */
  now?: () => number;
  /** Called once for each entry that leaves the cache, except when set() replaces it. */
  onEvict?: (key: K, value: V, reason: EvictReason) => void;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A least-recently-used cache with an optional time to live. The values live in a Map; the
 * recency order is an array of keys, oldest first.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>();
  /** Keys from least to most recently used. */
  #order: K[] = [];
  readonly #maxEntries: number;
  readonly #ttlMs: number | undefined;
  readonly #now: () => number;
  readonly #onEvict: ((key: K, value: V, reason: EvictReason) => void) | undefined;

  constructor(opts: LruOptions<K, V>) {
    if (!Number.isInteger(opts.maxEntries) || opts.maxEntries < 1) {
      throw new RangeError(`maxEntries must be a whole number of at least 1, got ${opts.maxEntries}`);
    }
    this.#maxEntries = opts.maxEntries;
    this.#ttlMs = opts.ttlMs;
    this.#now = opts.now ?? Date.now;
    this.#onEvict = opts.onEvict;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#now() >= entry.expiresAt) {
      this.#remove(key, entry, "expired");
      return undefined;
    }
    this.#touch(key);
    return entry.value;
  }

  set(key: K, value: V, ttlMs: number | undefined = this.#ttlMs): void {
    const expiresAt = ttlMs === undefined ? Number.POSITIVE_INFINITY : this.#now() + ttlMs;
    if (this.#entries.has(key)) {
      this.#entries.set(key, { value, expiresAt });
      this.#touch(key);
      return;
    }
    const oldest = this.#order[0];
    if (this.#entries.size >= this.#maxEntries && oldest !== undefined) {
      const victim = this.#entries.get(oldest);
      if (victim !== undefined) this.#remove(oldest, victim, this.#now() >= victim.expiresAt ? "expired" : "capacity");
    }
    this.#entries.set(key, { value, expiresAt });
    this.#order.push(key);
  }

  delete(key: K): boolean {
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    const live = this.#now() < entry.expiresAt;
    this.#remove(key, entry, live ? "deleted" : "expired");
    return live;
  }

  /** Moves key to the most recently used end: indexOf and splice walk the array, O(n). */
  #touch(key: K): void {
    this.#order.splice(this.#order.indexOf(key), 1);
    this.#order.push(key);
  }

  #remove(key: K, entry: Entry<V>, reason: EvictReason): void {
    this.#order.splice(this.#order.indexOf(key), 1);
    this.#entries.delete(key);
    this.#onEvict?.(key, entry.value, reason);
  }
}

/**
 * Wraps load so that concurrent calls for the same key share one in-flight promise. It is not
 * a cache: once a flight settles, the next call starts a new one, and a failure is never kept.
 */
export function singleFlight<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const inFlight = new Map<K, Promise<V>>();
  return (key) => {
    const running = inFlight.get(key);
    if (running !== undefined) return running;
    let flight: Promise<V>;
    try {
      flight = Promise.resolve(load(key));
    } catch (error) {
      return Promise.reject(error); // a load that throws before returning a promise
    }
    inFlight.set(key, flight);
    // Registered before any caller sees the promise, so the entry is gone by the time a caller
    // resumes. then(done, done) rather than finally(): finally() would return a second promise
    // that rejects with nobody listening, an unhandled rejection.
    const done = () => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
    };
    flight.then(done, done);
    return flight;
  };
}

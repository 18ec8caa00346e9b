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

/** One entry, and its place in the recency list (oldest ... newest). */
interface Node<K, V> {
  readonly key: K;
  value: V;
  expiresAt: number;
  older: Node<K, V> | undefined;
  newer: Node<K, V> | undefined;
}

/**
 * A least-recently-used cache with an optional time to live. Every operation is O(1): the Map
 * finds a key's node, and a doubly linked list keeps the nodes in recency order, so moving one
 * to the front or dropping the oldest touches two neighbours, never the whole list.
 */
export class LruCache<K, V> {
  readonly #nodes = new Map<K, Node<K, V>>();
  #oldest: Node<K, V> | undefined;
  #newest: Node<K, V> | undefined;
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

  /** Entries held, including expired ones no operation has looked at yet. */
  get size(): number {
    return this.#nodes.size;
  }

  /** The live value for key (and it becomes the most recently used), or undefined. */
  get(key: K): V | undefined {
    const node = this.#nodes.get(key);
    if (node === undefined) return undefined;
    if (this.#isExpired(node)) {
      this.#remove(node, "expired");
      return undefined;
    }
    // A read refreshes recency but not the time to live: the data is as old as it was.
    this.#unlink(node);
    this.#pushNewest(node);
    return node.value;
  }

  /** Stores value as the most recently used entry; ttlMs overrides the default for this entry. */
  set(key: K, value: V, ttlMs: number | undefined = this.#ttlMs): void {
    const expiresAt = ttlMs === undefined ? Number.POSITIVE_INFINITY : this.#now() + ttlMs;
    const existing = this.#nodes.get(key);
    if (existing !== undefined) {
      // Replacing is not an eviction: the key stays, only its value, expiry and place change.
      existing.value = value;
      existing.expiresAt = expiresAt;
      this.#unlink(existing);
      this.#pushNewest(existing);
      return;
    }
    if (this.#nodes.size >= this.#maxEntries && this.#oldest !== undefined) {
      const victim = this.#oldest;
      // The victim may have expired without anyone noticing; then that is why it leaves.
      this.#remove(victim, this.#isExpired(victim) ? "expired" : "capacity");
    }
    const node: Node<K, V> = { key, value, expiresAt, older: undefined, newer: undefined };
    this.#nodes.set(key, node);
    this.#pushNewest(node);
  }

  /** Removes key; true only if a live entry was removed (an expired one is reported as expired). */
  delete(key: K): boolean {
    const node = this.#nodes.get(key);
    if (node === undefined) return false;
    if (this.#isExpired(node)) {
      this.#remove(node, "expired");
      return false;
    }
    this.#remove(node, "deleted");
    return true;
  }

  #isExpired(node: Node<K, V>): boolean {
    // The boundary belongs to "expired": a 100 ms entry set at t = 0 is gone at t = 100.
    return this.#now() >= node.expiresAt;
  }

  /** Takes node out of the cache, then tells onEvict (so the callback sees the cache without it). */
  #remove(node: Node<K, V>, reason: EvictReason): void {
    this.#unlink(node);
    this.#nodes.delete(node.key);
    this.#onEvict?.(node.key, node.value, reason);
  }

  #unlink(node: Node<K, V>): void {
    if (node.older === undefined) this.#oldest = node.newer;
    else node.older.newer = node.newer;
    if (node.newer === undefined) this.#newest = node.older;
    else node.newer.older = node.older;
    node.older = undefined;
    node.newer = undefined;
  }

  #pushNewest(node: Node<K, V>): void {
    node.older = this.#newest;
    if (this.#newest === undefined) this.#oldest = node;
    else this.#newest.newer = node;
    this.#newest = node;
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
    // Clear the entry when the load has produced its value.
    const flight = load(key).then((value) => {
      inFlight.delete(key);
      return value;
    });
    inFlight.set(key, flight);
    return flight;
  };
}

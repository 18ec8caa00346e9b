import type { Redis } from "ioredis";

/** A lock you hold, until its lease runs out or you release it. */
export interface Lock {
  /** The lock's Redis key, as given to acquireLock. */
  readonly key: string;
  /** A random value only this holder knows; the key holds it for as long as the lock is ours. */
  readonly token: string;
  /**
   * This acquisition's fencing token. The rule: the value of INCR on `${key}:fence`, made in the
   * same atomic step as the SET that takes the lock, and only when that SET succeeds (a Lua
   * script; a plain MULTI/EXEC would run the INCR after a failed SET too). So the fences of one
   * key are 1, 2, 3, ... in the order it was granted.
   */
  readonly fence: number;
  /** Delete the key if it still holds our token. True if it did; false if the lock was no longer ours. */
  release(): Promise<boolean>;
  /** Reset the lease to ttlMs from now if the key still holds our token. False if the lock was no longer ours. */
  extend(ttlMs: number): Promise<boolean>;
}

export interface LockOptions {
  /** Lease length: Redis deletes the key this long after the last acquire or extend. */
  ttlMs: number;
  /** How long to keep trying while someone else holds the lock (default 0: one attempt). */
  waitMs?: number;
  /** Pause between attempts while waiting (default 50). */
  retryMs?: number;
}

/**
 * Try to take the lock on `key` for ttlMs: SET it to a fresh random token, only if it does not
 * exist, with an expiry, and count the fence in the same step. While the key is taken, retry
 * every retryMs until waitMs has passed. Resolves null if the lock stayed taken.
 */
export async function acquireLock(redis: Redis, key: string, opts: LockOptions): Promise<Lock | null> {
  throw new Error("TODO: implement acquireLock (SET NX PX and INCR of the fence key in one Lua script)");
}

/**
 * Run fn while holding the lock on `key`: acquire (rejecting without calling fn if the lock
 * cannot be had within waitMs), extend the lease every ttlMs / 3 while fn runs, abort `signal`
 * as soon as an extension finds the lock is no longer ours, and release when fn settles,
 * whether it resolved or threw. Settles as fn settles.
 */
export async function withLock<T>(
  redis: Redis,
  key: string,
  opts: LockOptions,
  fn: (lock: Lock, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  throw new Error("TODO: implement withLock (acquire, keep extending while fn runs, abort on loss, always release)");
}

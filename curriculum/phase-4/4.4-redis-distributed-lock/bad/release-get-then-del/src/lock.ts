import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";

/** A lock you hold, until its lease runs out or you release it. */
export interface Lock {
  /** The lock's Redis key, as given to acquireLock. */
  readonly key: string;
  /** A random value only this holder knows; the key holds it for as long as the lock is ours. */
  readonly token: string;
  /** This acquisition's fencing token: the INCR of `${key}:fence`, made together with the SET. */
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

// Each script runs as one step on the server: no other client's command can slip in between
// the check and the change. The fence is counted only when the SET succeeds, so fences of one
// key go 1, 2, 3, ... in the order the lock was granted. The fence key has no TTL on purpose:
// if it expired, the count would restart at 1 and an old holder would look like a new one.
const ACQUIRE = `
if redis.call("SET", KEYS[1], ARGV[1], "NX", "PX", ARGV[2]) then
  return redis.call("INCR", KEYS[2])
end
return 0`;

function checkTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs < 1) throw new RangeError(`ttlMs must be a positive whole number of milliseconds, got ${ttlMs}`);
}

/** Try to take the lock on `key`, retrying every retryMs for up to waitMs. Null if it stayed taken. */
export async function acquireLock(redis: Redis, key: string, opts: LockOptions): Promise<Lock | null> {
  const { ttlMs, waitMs = 0, retryMs = 50 } = opts;
  checkTtl(ttlMs);
  // 128 random bits: no other holder, in any process, will ever pick the same token.
  const token = randomBytes(16).toString("hex");
  const deadline = performance.now() + waitMs;
  for (;;) {
    const fence = Number(await redis.eval(ACQUIRE, 2, key, `${key}:fence`, token, ttlMs));
    if (fence > 0) return heldLock(redis, key, token, fence);
    const left = deadline - performance.now();
    if (left <= 0) return null;
    await sleep(Math.min(retryMs, left));
  }
}

function heldLock(redis: Redis, key: string, token: string, fence: number): Lock {
  return {
    key,
    token,
    fence,
    // Checks the token first, but in its own command: the key can change hands before the next.
    async release() {
      if ((await redis.get(key)) !== token) return false;
      return (await redis.del(key)) === 1;
    },
    async extend(ttlMs) {
      checkTtl(ttlMs);
      if ((await redis.get(key)) !== token) return false;
      return (await redis.pexpire(key, ttlMs)) === 1;
    },
  };
}

/**
 * Run fn while holding the lock on `key`. The lease is extended every ttlMs / 3 while fn runs;
 * if an extension finds the lock gone (or Redis unreachable), `signal` is aborted so fn can
 * stop. The lock is released when fn settles, whether it resolved or threw. Rejects without
 * calling fn if the lock cannot be taken within waitMs.
 */
export async function withLock<T>(
  redis: Redis,
  key: string,
  opts: LockOptions,
  fn: (lock: Lock, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const lock = await acquireLock(redis, key, opts);
  if (lock === null) throw new Error(`lock "${key}" is held by someone else: not acquired within ${opts.waitMs ?? 0} ms`);

  const lost = new AbortController();
  const every = Math.max(1, Math.floor(opts.ttlMs / 3));
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  // A chain of timeouts rather than setInterval: the next extension is planned only after the
  // previous one answered, so a slow Redis never has two of them in flight.
  const renew = async () => {
    try {
      if (await lock.extend(opts.ttlMs)) {
        if (!done) timer = setTimeout(renew, every);
        return;
      }
      lost.abort(new Error(`lost the lock "${key}": its lease expired or someone else holds it`));
    } catch (err) {
      // We cannot tell whether the lease is still ours, so fn must assume it is not.
      lost.abort(err);
    }
  };
  timer = setTimeout(renew, every);

  try {
    return await fn(lock, lost.signal);
  } finally {
    done = true;
    clearTimeout(timer);
    // A failed release must not hide fn's own result or error: the lease runs out by itself.
    await lock.release().catch(() => false);
  }
}

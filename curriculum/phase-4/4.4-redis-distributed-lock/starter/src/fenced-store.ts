/**
 * Read-only: the tests use this file as shipped.
 *
 * A stand-in for the thing a lock protects: a store that checks fencing tokens. It remembers the
 * highest fence it has accepted and refuses a write that carries a lower one, so a holder that
 * lost its lock without noticing (a long pause, a slow network) cannot overwrite the work of the
 * holder that came after it.
 *
 * It keeps its data in one Redis hash only so that several processes can share it. In a real
 * system the check lives in the resource itself, for example a column in the row you update:
 *
 *   UPDATE reports SET body = $2, fence = $1 WHERE id = $3 AND fence <= $1
 *
 * and zero rows updated means "a newer holder got here first".
 */
import type { Redis } from "ioredis";

// One script, so that the comparison and the write happen as one step: no other client's command
// can run between them. HGET of a missing field gives false, hence the `or "0"`.
const WRITE = `
local highest = tonumber(redis.call("HGET", KEYS[1], "fence") or "0")
if tonumber(ARGV[1]) < highest then return 0 end
redis.call("HSET", KEYS[1], "fence", ARGV[1], "value", ARGV[2])
return 1`;

export class FencedStore {
  /** `key`: the Redis hash that holds the value and the highest fence seen. */
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  /**
   * Store `value`, written under fencing token `fence`. Resolves true when accepted, false when
   * a write with a higher fence has already been accepted (this writer's lock is stale).
   * Equal fences are accepted: one holder may write several times.
   */
  async write(fence: number, value: string): Promise<boolean> {
    if (!Number.isSafeInteger(fence) || fence < 1) throw new TypeError(`a fence is a positive integer, got ${fence}`);
    return Number(await this.redis.eval(WRITE, 1, this.key, fence, value)) === 1;
  }

  /** The last accepted value and its fence, or undefined if nothing was written yet. */
  async read(): Promise<{ fence: number; value: string } | undefined> {
    const { fence, value } = await this.redis.hgetall(this.key);
    return fence === undefined || value === undefined ? undefined : { fence: Number(fence), value };
  }
}

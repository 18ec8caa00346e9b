/**
 * Redis for an exercise's tests: the real server at REDIS_URL (default 127.0.0.1:6379), with
 * every test file working under a key prefix of its own so parallel runs never meet. Keys under
 * the prefix are deleted after the file; a killed run's keys are swept by the next one.
 *
 *   const redis = await useRedis();          // top level: probes the server once
 *   redisTest("a miss, then hits", async () => {
 *     const client = redis().connect();      // closed by the harness after the file
 *     await createCache(client, { prefix: redis().key("notes:") })…
 *   });
 *
 * With no server answering, redisTest() tests are skipped with NEEDS_REDIS and verify ends
 * INCOMPLETE with how to start one, rather than failing on a connection error.
 */
import { randomBytes } from "node:crypto";
import { after, afterEach, beforeEach, type TestContext, test } from "node:test";
import type { Redis, RedisOptions } from "ioredis";
import { reachable as tcpReachable } from "../reachable.js";
import { NEEDS_REDIS, redisUrl } from "../redis-url.js";
import { closeBeforeLeakCheck } from "./leaks.js";
import { pidAlive } from "./pid-alive.js";

export interface TestRedis {
  /** The server's URL, for learner code that takes one. */
  readonly url: string;
  /** `ts-dojo:<pid>:<8 hex>:`, this file's own key space. */
  readonly prefix: string;
  /** prefix + name: every key a test hands to learner code should be made with this. */
  key(name: string): string;
  /** The harness's own connection, for arranging and inspecting data. */
  readonly client: Redis;
  /**
   * A new connection for learner code, closed after the file. `port` connects somewhere else on
   * loopback instead (a fault proxy in front of Redis). Fails fast: no retries, no offline queue.
   */
  connect(opts?: { port?: number } & RedisOptions): Redis;
  /** Every key under the prefix, sorted (for assertions). */
  keys(): Promise<string[]>;
  /** Delete every key under the prefix. */
  flush(): Promise<void>;
}

const PREFIX_ROOT = "ts-dojo:";
/** No retries and no reconnecting: a test wants the failure now, not after backoff. */
const FAIL_FAST: RedisOptions = { maxRetriesPerRequest: 0, retryStrategy: () => null };
let answered: boolean | undefined;

/** True once useRedis() found a server; false when it found none (tests are then skipped). */
export function redisReachable(): boolean {
  return answered === true;
}

/**
 * For a test file, at top level (`await useRedis()`): probes the server, and when it answers
 * opens the harness connection and registers the clean-up hooks. Keys are flushed after each
 * test unless `{ flushEach: false }`.
 */
export async function useRedis(opts: { flushEach?: boolean } = {}): Promise<() => TestRedis> {
  const url = redisUrl();
  answered = await redisAnswers(url);
  if (!answered) {
    return () => {
      throw new Error(`${NEEDS_REDIS}. Declare the tests that use Redis with redisTest() so they are skipped without one.`);
    };
  }
  const redis = await openRedis(url);
  // A connection a test opened for the learner's code is the test's, not a leak of the
  // server's: useServer's leak check closes them first (wherever its hooks sit), and so does
  // the end of the test.
  const unregister = closeBeforeLeakCheck(() => redis.endTest());
  beforeEach(() => redis.startTest());
  afterEach(async () => {
    redis.endTest();
    if (opts.flushEach !== false) await redis.flush();
  });
  after(async () => {
    unregister();
    await redis.close();
  });
  return () => redis;
}

/** test(name, fn), skipped with NEEDS_REDIS when useRedis() found no server. Call useRedis() first. */
export function redisTest(name: string, fn: (t: TestContext) => Promise<void>): void {
  if (answered === undefined)
    throw new Error("redisTest() before useRedis(): call `const redis = await useRedis()` at the top of the file");
  test(name, answered ? {} : { skip: NEEDS_REDIS }, fn);
}

/**
 * Open the file's key space on the server at `url`. Connections opened between startTest() and
 * endTest() are closed by endTest(); the others by close().
 */
export async function openRedis(url: string): Promise<TestRedis & { startTest(): void; endTest(): void; close(): Promise<void> }> {
  const { Redis: IORedis } = await import("ioredis");
  const client = new IORedis(url, { ...FAIL_FAST, enableOfflineQueue: false, lazyConnect: true, connectionName: "ts-dojo-harness" });
  await client.connect();
  await unlinkAll(client, await staleKeys(client));
  const prefix = `${PREFIX_ROOT}${process.pid}:${randomBytes(4).toString("hex")}:`;
  const opened: Redis[] = [];
  let forTest: Redis[] | undefined;
  const keys = async () => (await scanAll(client, `${escapeGlob(prefix)}*`)).sort();
  const flush = async () => unlinkAll(client, await keys());
  return {
    url,
    prefix,
    key: (name) => `${prefix}${name}`,
    client,
    connect({ port, ...options } = {}) {
      const target = port === undefined ? url : `redis://127.0.0.1:${port}`;
      const c = new IORedis(target, { ...FAIL_FAST, ...options });
      // A connection error is the test's business (it asserts on the code's behaviour); unheard,
      // ioredis would print it as an unhandled 'error' event.
      c.on("error", () => {});
      (forTest ?? opened).push(c);
      return c;
    },
    keys,
    flush,
    startTest() {
      forTest = [];
    },
    endTest() {
      for (const c of forTest ?? []) disconnectOnce(c);
      forTest = undefined;
    },
    async close() {
      for (const c of [...opened, ...(forTest ?? [])]) disconnectOnce(c);
      await flush().catch(() => {});
      await client.quit().catch(() => client.disconnect());
    },
  };
}

const disconnected = new WeakSet<Redis>();

/** Once per connection, and not after the test closed it: ioredis arms a 2 s timer on a second disconnect() that nothing clears. */
function disconnectOnce(c: Redis): void {
  if (disconnected.has(c) || c.status === "end") return;
  disconnected.add(c);
  c.disconnect();
}

/** Does a server answer at the Redis URL? A TCP connect, 500 ms at most: cheap when nothing listens. */
export function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return tcpReachable(hostname || "127.0.0.1", Number(port || 6379), 500);
}

/** Keys of test processes that are gone from this machine: a killed run's, which the next one deletes. */
export async function staleKeys(client: Redis): Promise<string[]> {
  return (await scanAll(client, `${PREFIX_ROOT}*`)).filter((k) => {
    const pid = Number(k.split(":")[1]);
    return Number.isInteger(pid) && pid > 0 && !pidAlive(pid);
  });
}

async function unlinkAll(client: Redis, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) await client.unlink(...keys.slice(i, i + 500));
}

async function scanAll(client: Redis, match: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await client.scan(cursor, "MATCH", match, "COUNT", 1000);
    found.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return found;
}

const escapeGlob = (s: string) => s.replace(/[*?[\]\\]/g, "\\$&");

export { NEEDS_REDIS };

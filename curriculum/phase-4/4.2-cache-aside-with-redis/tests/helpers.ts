// Shared set-up: a fake repository, a cache over it on a fresh connection, and ways to look at
// what the cache left in Redis.
import assert from "node:assert/strict";
import type { TestRedis } from "ts-dojo/harness";
import { FakeNotes, type Gate } from "./fake-notes.ts";
import { createCachedNotesApi } from "./src/cached-notes.ts";

export type Options = Parameters<typeof createCachedNotesApi>[2];
export type Cache = ReturnType<typeof createCachedNotesApi>;
export type Client = TestRedis["client"];

/**
 * Where Redis is meant to work, a time limit no healthy Redis misses even on a loaded machine:
 * with the default 100 ms a busy CI runner could see a command "fail" and a fill go missing.
 */
export const RELAXED_TIMEOUT_MS = 2_000;

/** A repository, a connection for the learner's code, and a cache over both (ttlSec 60, prefix notes:, relaxed timeout unless told). */
export function setUp(redis: () => TestRedis, opts: Partial<Options> = {}) {
  const inner = new FakeNotes();
  const client = redis().connect();
  const prefix = opts.prefix ?? redis().key("notes:");
  const api = createCachedNotesApi(inner, client, { ttlSec: 60, timeoutMs: RELAXED_TIMEOUT_MS, ...opts, prefix });
  return { inner, client, prefix, api };
}

/** Lets every queued promise callback run. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Wait until the fake repository has been reached. Commands on one connection are answered in
 * order, so a PING sent now comes back after every lookup the cache has sent so far; a turn of
 * the event loop then lets their callers move on. A call that fails instead fails the wait.
 */
export async function reached(gate: Gate, calls: Array<Promise<unknown>>, client: Client): Promise<void> {
  const finished = Promise.all(calls).then(() => {
    throw new Error("every call finished without reaching the repository, which was expected to be called");
  });
  await Promise.race([gate.reached, finished]);
  await client.ping();
  await settle();
}

/**
 * What Redis holds at `key`: undefined when nothing, the parsed JSON, or the raw text if not
 * JSON. The PING on the learner's connection first lets any command it sent without waiting land.
 */
export async function stored(redis: () => TestRedis, client: Client, key: string): Promise<unknown> {
  await client.ping();
  const text = await redis().client.get(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Run `fill` (a get() that writes an entry) and check the TTL Redis gave `key`. Redis counts a
 * TTL down from the moment it ran the SET, somewhere inside the time the two calls took; so the
 * PTTL read afterwards lies in [expected − elapsed, expected], with a millisecond either side for
 * rounding. This pins the TTL that was set; it says nothing about how fast anything ran.
 */
export async function expectTtl(redis: () => TestRedis, key: string, expectedMs: number, fill: () => Promise<unknown>, what: string) {
  const before = Date.now();
  await fill();
  const pttl = await redis().client.pttl(key);
  const elapsed = Date.now() - before;
  const why = pttl === -1 ? " (the key has no TTL: it would live for ever)" : pttl === -2 ? " (there is no such key)" : "";
  assert.ok(
    pttl <= expectedMs + 1 && pttl >= expectedMs - elapsed - 1,
    `${what}: expected a TTL of ${expectedMs} ms (less the ${elapsed} ms since the call began), Redis reports ${pttl} ms${why}`,
  );
}

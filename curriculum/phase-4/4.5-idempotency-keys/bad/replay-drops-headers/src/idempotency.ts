/**
 * Idempotency keys for POST /payments: a store that remembers, per key, whether a request is
 * running or what it answered (in Redis, so every server instance sees the same), and a wrapper
 * that runs a handler at most once per key and replays the stored answer to retries.
 * Read the README for the contract: which status each situation gets, and what is stored.
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { type ApiRequest, type Handler, problem, type StoredResponse } from "./http.ts";

/** What begin() found under a key. */
export type BeginResult =
  /** Nobody had the key: the caller now holds it and must run the request, then complete or abandon. */
  | { readonly state: "new" }
  /** A request with the same fingerprint holds the key and has not finished. */
  | { readonly state: "in-progress" }
  /** The key belongs to a different request (another fingerprint), running or finished. */
  | { readonly state: "mismatch" }
  /** A request with the same fingerprint finished; this is its answer. */
  | { readonly state: "done"; readonly response: StoredResponse };

export interface IdempotencyStore {
  /** Claim `key` for a request with this fingerprint, atomically, or say who has it. */
  begin(key: string, fingerprint: string): Promise<BeginResult>;
  /** Keep the final answer of the request that claimed `key`: later begins with the same fingerprint get "done". */
  complete(key: string, fingerprint: string, response: StoredResponse): Promise<void>;
  /** Let go of `key` after a failure without a final answer: the next begin is "new". */
  abandon(key: string): Promise<void>;
}

export interface RedisStoreOptions {
  /** Put before every key, e.g. "payments:idem:"; nothing may be written outside it. */
  readonly prefix: string;
  /** How long a finished answer is kept, in seconds. */
  readonly ttlSec: number;
  /** How long a claim ("in-progress") lasts if nobody completes or abandons it (default 60 s). */
  readonly lockTtlSec?: number;
}

/** The JSON kept under one key. The fingerprint travels with both states, so a reuse is caught either way. */
type Entry =
  | { readonly fingerprint: string; readonly state: "in-progress" }
  | { readonly fingerprint: string; readonly state: "done"; readonly response: StoredResponse };

/** An IdempotencyStore in Redis: one key per idempotency key, always with a TTL. */
export function createRedisIdempotencyStore(redis: Redis, opts: RedisStoreOptions): IdempotencyStore {
  const lockTtlSec = opts.lockTtlSec ?? 60;
  const at = (key: string) => opts.prefix + key;
  return {
    async begin(key, fingerprint) {
      const claim = JSON.stringify({ fingerprint, state: "in-progress" } satisfies Entry);
      // The key can vanish between a refused SET NX and the GET (abandoned, or its claim expired);
      // then it is free again, so try to claim it once more rather than report a state that is gone.
      for (let attempt = 0; attempt < 3; attempt++) {
        // One atomic command decides the winner: check and set in two commands would let two
        // simultaneous requests both see "nothing here" and both run.
        if ((await redis.set(at(key), claim, "EX", lockTtlSec, "NX")) === "OK") return { state: "new" };
        const raw = await redis.get(at(key));
        if (raw === null) continue;
        const entry = JSON.parse(raw) as Entry;
        if (entry.fingerprint !== fingerprint) return { state: "mismatch" };
        return entry.state === "done" ? { state: "done", response: entry.response } : { state: "in-progress" };
      }
      return { state: "in-progress" };
    },
    async complete(key, fingerprint, response) {
      // Status and body are what matter; headers are rebuilt on the way out.
      const entry: Entry = { fingerprint, state: "done", response: { status: response.status, headers: {}, body: response.body } };
      await redis.set(at(key), JSON.stringify(entry), "EX", opts.ttlSec);
    },
    async abandon(key) {
      await redis.del(at(key));
    },
  };
}

/**
 * Identifies what a request asks for: the same method, path and body (as JSON, whatever the
 * key order or spacing) give the same string; anything else gives a different one.
 */
export function fingerprint(req: Pick<ApiRequest, "method" | "path" | "body">): string {
  return createHash("sha256")
    .update(`${req.method.toUpperCase()} ${req.path}\n${canonicalBody(req.body)}`)
    .digest("hex");
}

/** JSON re-serialised with object keys sorted at every depth; any other body as it came. */
function canonicalBody(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  return JSON.stringify(sortKeys(parsed));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys); // order inside an array is meaning, keep it
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

const MAX_KEY_LENGTH = 255;

/**
 * Wrap `handler` so that each Idempotency-Key runs it at most once: 400 without a usable key,
 * 422 for a key reused with another request, 409 with Retry-After while the first is running,
 * the stored answer (plus Idempotent-Replayed: true) once it has finished.
 */
export function withIdempotency(handler: Handler, store: IdempotencyStore): Handler {
  return async (req) => {
    const key = req.headers["idempotency-key"];
    if (!key || key.length > MAX_KEY_LENGTH)
      return problem(400, "Bad Request", `POST ${req.path} needs an Idempotency-Key header of 1 to ${MAX_KEY_LENGTH} characters.`);
    const print = fingerprint(req);
    const found = await store.begin(key, print);
    if (found.state === "mismatch")
      return problem(422, "Unprocessable Content", "This Idempotency-Key was already used for a different request.");
    if (found.state === "in-progress")
      return problem(409, "Conflict", "A request with this Idempotency-Key is still running; retry shortly.", { "retry-after": "1" });
    if (found.state === "done")
      return {
        status: found.response.status,
        headers: { "content-type": "application/json", "idempotent-replayed": "true" },
        body: found.response.body,
      };

    let response: StoredResponse;
    try {
      response = await handler(req);
    } catch (error) {
      // No final answer: free the key so the client's retry runs the request again. If even that
      // fails, the claim's own TTL frees it later; the handler's error is the one worth reporting.
      await store.abandon(key).catch(() => {});
      throw error;
    }
    // A 5xx says "try again later", not "this is the outcome": storing it would answer every retry
    // with the same failure until the key expired.
    if (response.status >= 500) await store.abandon(key);
    else await store.complete(key, print, response);
    return response;
  };
}

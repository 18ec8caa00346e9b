/**
 * Idempotency keys for POST /payments: a store that remembers, per key, whether a request is
 * running or what it answered (in Redis, so every server instance sees the same), and a wrapper
 * that runs a handler at most once per key and replays the stored answer to retries.
 * Read the README for the contract: which status each situation gets, and what is stored.
 */
import type { Redis } from "ioredis";
import type { ApiRequest, Handler, StoredResponse } from "./http.ts";

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

/** An IdempotencyStore in Redis: one key per idempotency key, always with a TTL. */
export function createRedisIdempotencyStore(redis: Redis, opts: RedisStoreOptions): IdempotencyStore {
  throw new Error("TODO: return { begin, complete, abandon }, keeping every record in Redis under opts.prefix");
}

/**
 * Identifies what a request asks for: the same method, path and body (as JSON, whatever the
 * key order or spacing) give the same string; anything else gives a different one.
 */
export function fingerprint(req: Pick<ApiRequest, "method" | "path" | "body">): string {
  throw new Error("TODO: hash the method, the path and the canonical body (sha256)");
}

/**
 * Wrap `handler` so that each Idempotency-Key runs it at most once: 400 without a usable key,
 * 422 for a key reused with another request, 409 with Retry-After while the first is running,
 * the stored answer (plus Idempotent-Replayed: true) once it has finished.
 */
export function withIdempotency(handler: Handler, store: IdempotencyStore): Handler {
  throw new Error("TODO: begin, then run the handler and complete or abandon, or answer without running it");
}

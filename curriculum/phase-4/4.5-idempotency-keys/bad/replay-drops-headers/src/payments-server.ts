/**
 * The payments server: where the pieces are wired together. This file is complete; you do not
 * need to change it. It is one of your files only so that `ts-dojo run` can start it. Read it
 * to see where your withIdempotency wraps POST /payments.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Running } from "ts-dojo/kit";
import { serve } from "./http.ts";
import { createRedisIdempotencyStore, type IdempotencyStore, withIdempotency } from "./idempotency.ts";
import { createLedger, createListHandler, createPaymentsHandler, type Ledger } from "./payments.ts";

export interface Deps {
  /** Where idempotency records live (default: your Redis store on REDIS_URL, under a fresh prefix). */
  readonly store?: IdempotencyStore;
  /** Where payments are written (default: a new, empty ledger). */
  readonly ledger?: Ledger;
  /** Where a handler's exception is reported (default: console.error). */
  readonly onError?: (error: unknown) => void;
}

/** Start the payments API: POST /payments (with an Idempotency-Key) and GET /payments. */
export async function start(opts: { port?: number; deps?: Deps } = {}): Promise<Running> {
  const ledger = opts.deps?.ledger ?? createLedger();
  let own: Redis | undefined;
  let store = opts.deps?.store;
  if (!store) {
    // Started by hand (`ts-dojo run`): open a connection of our own, and close it in close().
    // A fresh prefix per start, so an old run's stored answers do not replay in a new one.
    const { Redis: IORedis } = await import("ioredis");
    own = new IORedis(process.env.REDIS_URL || "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
    store = createRedisIdempotencyStore(own, { prefix: `payments-demo:${randomBytes(4).toString("hex")}:`, ttlSec: 24 * 3600 });
  }
  return serve({
    port: opts.port ?? 0,
    routes: {
      "POST /payments": withIdempotency(createPaymentsHandler(ledger), store),
      "GET /payments": createListHandler(ledger),
    },
    onError: opts.deps?.onError,
    onClose: async () => {
      await own?.quit();
    },
  });
}

/**
 * A fresh PostgreSQL database for an exercise's tests: a throwaway database on a real server
 * when DATABASE_URL is set, otherwise PGlite (PostgreSQL compiled to WebAssembly) served on a
 * loopback port. Either way learner code connects through `url` with plain `pg`.
 */
import { after, before, beforeEach, type TestContext, test } from "node:test";
import type pg from "pg";
import { NEEDS_POSTGRES } from "../postgres-url.js";

import type { TxCapable } from "../types.js";
import type { WarmPool } from "./warm-pool.js";

// PGlite and pg load on first use (~100 ms): a server task's tests import the harness too.
const warmPool = () => import("./warm-pool.js");

export interface TestDatabase extends TxCapable {
  readonly mode: "pglite" | "postgres";
  /** A connection string learner code can hand to `new pg.Pool({ connectionString })`. */
  readonly url: string;
  /** The pool behind query()/transaction(); max 1 connection under PGlite. */
  readonly pool: pg.Pool;
  /** Drop and recreate schema public (fast per-test reset). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** The tests need several connections working at once, which only a real server gives. */
  readonly concurrent?: boolean;
  /** The server to create the database on; default DATABASE_URL, and PGlite when neither is set. */
  readonly url?: string;
}

const CONCURRENT_WITHOUT_SERVER =
  "This test database was asked for with { concurrent: true }, which needs a real PostgreSQL, and DATABASE_URL is not set. " +
  "Declare the tests that use it with pgTest() so they are skipped without one.";

/** Every connection is opened up front (see warm-pool.ts), so this is also what each file holds open. */
const REAL_POOL_MAX = 10;

/** True when a real PostgreSQL is configured (DATABASE_URL set). */
export function realPostgres(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

/** Open a fresh database. Real server when DATABASE_URL (or `url`) is set, PGlite otherwise. */
export async function openDatabase(opts: DatabaseOptions = {}): Promise<TestDatabase> {
  const url = opts.url || process.env.DATABASE_URL;
  if (url) return openOnServer(url);
  if (opts.concurrent) throw new Error(CONCURRENT_WITHOUT_SERVER);
  return openOnPglite();
}

async function openOnPglite(): Promise<TestDatabase> {
  const { servePglite } = await import("./pglite-server.js");
  const { openWarmPool } = await warmPool();
  const server = await servePglite();
  // PGlite is one session behind every connection: they share its settings, temp tables and
  // prepared statements, and the socket server holds the others back while one is inside a
  // transaction. A second pooled connection would add no parallelism, only those surprises.
  const pool = await openWarmPool(server.url, 1).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  return testDatabase("pglite", server.url, pool, server.stop, await warmPool());
}

async function openOnServer(adminUrl: string): Promise<TestDatabase> {
  const { createScratchDatabase } = await import("./scratch-database.js");
  const { openWarmPool } = await warmPool();
  const scratch = await createScratchDatabase(adminUrl);
  const pool = await openWarmPool(scratch.url, REAL_POOL_MAX).catch(async (err: unknown) => {
    await scratch.drop().catch(() => {});
    throw err;
  });
  return testDatabase("postgres", scratch.url, pool, scratch.drop, await warmPool());
}

function testDatabase(
  mode: TestDatabase["mode"],
  url: string,
  { pool, end }: WarmPool,
  dispose: () => Promise<void>,
  { asRows, runTransaction }: Awaited<ReturnType<typeof warmPool>>,
): TestDatabase {
  let closing: Promise<void> | undefined;
  return {
    mode,
    url,
    pool,
    query: (sql, params) => asRows(pool.query(sql, params)),
    transaction: (fn, opts) => runTransaction(pool, fn, opts),
    async reset() {
      await pool.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    },
    close() {
      // The pool first: its connections would hold the database open against DROP or stop.
      closing ??= end().finally(dispose);
      return closing;
    },
  };
}

/**
 * For a test file: opens one database before its tests, resets it before each, closes it
 * after. `concurrent: true` without a real server opens nothing; the accessor then throws, and
 * the tests that call it belong under pgTest(), which skips them.
 */
export function useDatabase(opts: DatabaseOptions & { reset?: boolean } = {}): () => TestDatabase {
  const url = opts.url || process.env.DATABASE_URL;
  if (opts.concurrent && !url) {
    return () => {
      throw new Error(CONCURRENT_WITHOUT_SERVER);
    };
  }
  let db: TestDatabase | undefined;
  before(async () => {
    db = await openDatabase({ ...opts, url });
  });
  if (opts.reset !== false) {
    beforeEach(async () => {
      await db?.reset();
    });
  }
  after(async () => {
    await db?.close();
    db = undefined;
  });
  return () => {
    if (!db) throw new Error("the test database is not open: use it inside a test or hook, after useDatabase() has opened it");
    return db;
  };
}

/** test(name, fn), skipped with NEEDS_POSTGRES when no real server is configured. */
export function pgTest(name: string, fn: (t: TestContext) => Promise<void>): void {
  test(name, realPostgres() ? {} : { skip: NEEDS_POSTGRES }, fn);
}

export { NEEDS_POSTGRES };

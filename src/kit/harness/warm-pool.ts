/**
 * The `pg.Pool` behind a test database, tuned so it never opens or closes a socket on its own
 * while a test runs: the server harness counts sockets and timers before and after each test,
 * and a pool connecting lazily or closing idle clients would look like the learner's leak.
 */
import pg from "pg";
import type { IsolationLevel, Queryable } from "../types.js";

export interface WarmPool {
  readonly pool: pg.Pool;
  /** End the pool and wait until its sockets are closed, not merely asked to close. */
  end(): Promise<void>;
}

/** A pool of `max` connections to `url`, every one of them already open. */
export async function openWarmPool(url: string, max: number): Promise<WarmPool> {
  // idleTimeoutMillis 0: no idle timer, and no idle client closed (then reopened) mid-test.
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 0 });
  const clients = new Set<pg.PoolClient>();
  pool.on("connect", (client) => {
    clients.add(client);
    client.once("end", () => clients.delete(client));
  });
  // An idle client whose connection drops is discarded by the pool; without a listener the
  // 'error' event would crash the test process instead.
  pool.on("error", () => {});
  const end = () => endPool(pool, clients);
  const opened = await Promise.allSettled(Array.from({ length: max }, () => pool.connect()));
  const ready = opened.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  let error: unknown = opened.find((r) => r.status === "rejected")?.reason;
  if (ready.length === max) await ready[0]?.query("select 1").catch((err: unknown) => (error = err));
  for (const c of ready) c.release();
  if (error !== undefined) {
    await end().catch(() => {});
    throw error;
  }
  return { pool, end };
}

/** How long close() waits for a checked-out connection to come back before closing it anyway. */
const RELEASE_GRACE_MS = 1000;

/**
 * pool.end() resolves once the pool has let go of its clients, before their sockets close, and
 * never if a client was checked out and not released: a learner's missing `client.release()`
 * would hang the test file in its after() hook. Close such clients ourselves and say why.
 */
async function endPool(pool: pg.Pool, clients: Set<pg.PoolClient>): Promise<void> {
  // Not events.once: that rejects on 'error', and a dying connection may emit one on its way out.
  const closed = [...clients].map((c) => new Promise((resolve) => c.once("end", resolve)));
  const checkedOut = pool.totalCount - pool.idleCount;
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<"late">((resolve) => {
    timer = setTimeout(resolve, RELEASE_GRACE_MS, "late");
  });
  const outcome = await Promise.race([pool.end(), grace]).finally(() => clearTimeout(timer));
  if (outcome === "late") for (const c of clients) c.end().catch(() => {});
  await Promise.all(closed);
  if (outcome === "late") {
    throw new Error(
      `${checkedOut} connection(s) taken with pool.connect() were never given back, so closing the test database ` +
        "had to cut them off. Call client.release() in a finally block after every pool.connect().",
    );
  }
}

const BEGIN: Record<IsolationLevel, string> = {
  "read committed": "BEGIN ISOLATION LEVEL READ COMMITTED",
  "repeatable read": "BEGIN ISOLATION LEVEL REPEATABLE READ",
  serializable: "BEGIN ISOLATION LEVEL SERIALIZABLE",
};

/** TxCapable.transaction over a pool: one checked-out client from BEGIN to COMMIT or ROLLBACK. */
export async function runTransaction<T>(
  pool: pg.Pool,
  fn: (tx: Queryable) => Promise<T>,
  opts: { isolation?: IsolationLevel } = {},
): Promise<T> {
  const { isolation } = opts;
  // hasOwn: from plain JS, "constructor" would otherwise find Object's.
  const begin = isolation === undefined ? "BEGIN" : Object.hasOwn(BEGIN, isolation) ? BEGIN[isolation] : undefined;
  if (!begin) throw new TypeError(`unknown isolation level ${JSON.stringify(isolation)}: use one of ${Object.keys(BEGIN).join(", ")}`);
  const client = await pool.connect();
  let finished = false;
  // A stale `tx` must not run on the client once it is back in the pool and maybe in another transaction.
  const tx: Queryable = {
    query: (sql, params) =>
      finished
        ? Promise.reject(new Error("this transaction has already finished: use the tx only inside the transaction's function"))
        : asRows(client.query(sql, params)),
  };
  let broken: Error | undefined;
  // The pool listens for errors only on idle clients; a checked-out one whose connection dies
  // would otherwise throw an unhandled 'error' and take the test process down.
  const onError = (err: Error) => {
    broken = err;
  };
  client.on("error", onError);
  try {
    await client.query(begin);
    const result = await fn(tx);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((rollbackErr: Error) => {
      broken ??= rollbackErr;
    });
    throw err;
  } finally {
    finished = true;
    client.off("error", onError);
    // release(err) destroys the client: a connection that cannot even roll back is not reusable.
    client.release(broken);
  }
}

/**
 * pg types rows as its own QueryResultRow while Queryable lets the caller name the row type,
 * which pg leaves unchecked too; this is that one unchecked step.
 */
export function asRows(result: Promise<pg.QueryResult>): Promise<{ rows: never[]; rowCount: number | null }> {
  return result as Promise<unknown> as Promise<{ rows: never[]; rowCount: number | null }>;
}

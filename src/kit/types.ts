/**
 * The shapes every networked or database exercise is written against (CURRICULUM.md §2.2 and
 * phase 3). Learners import them as `ts-dojo/kit`; they are types only, so any framework or
 * driver that has the right methods fits.
 */

/** What a server factory returns: where it listens, and how to stop it. */
export interface Running {
  readonly port: number;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Stop accepting, finish or end in-flight work, and release every socket and timer. */
  close(): Promise<void>;
}

/** The options every `start()` accepts. Tests always pass `port: 0` and read the real port back. */
export interface StartOptions<Deps = unknown> {
  readonly port?: number;
  readonly deps?: Deps;
}

/** Anything that runs SQL with $1-style parameters: a `pg.Pool`, a `pg.Client`, PGlite. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount?: number | null }>;
}

export type IsolationLevel = "read committed" | "repeatable read" | "serializable";

/** A Queryable that can also run a function inside one transaction on one connection. */
export interface TxCapable extends Queryable {
  /**
   * BEGIN, run `fn` with a Queryable bound to the transaction's connection, COMMIT; ROLLBACK
   * and rethrow if `fn` throws. The result is `fn`'s.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: { isolation?: IsolationLevel }): Promise<T>;
}

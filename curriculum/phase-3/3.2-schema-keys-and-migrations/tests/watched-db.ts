// A TxCapable wrapped around the test database that records which SQL ran inside which
// transaction, refuses db.query() while a transaction is open, and can make the recording of
// one migration's version fail, as a crash between the file and its ledger row would.
import type { Queryable, TxCapable } from "ts-dojo/kit";

/** One statement as the code under test sent it. */
export interface Sent {
  readonly sql: string;
  readonly params: unknown[] | undefined;
}

export interface WatchedDb extends TxCapable {
  /** What was sent through db.query(), outside any transaction. */
  readonly outside: Sent[];
  /** What was sent through each transaction's tx.query(), one array per db.transaction() call. */
  readonly transactions: Sent[][];
}

const RECORDS_VERSION = /insert\s+into\s+(?:"?public"?\s*\.\s*)?"?schema_migrations\b/i;

/** True when the statement inserts into schema_migrations (for `version`, when given). */
export function recordsVersion({ sql, params }: Sent, version?: string): boolean {
  if (!RECORDS_VERSION.test(sql)) return false;
  return version === undefined || sql.includes(version) || (params ?? []).includes(version);
}

export function watchedDb(db: TxCapable, opts: { failRecording?: string } = {}): WatchedDb {
  const outside: Sent[] = [];
  const transactions: Sent[][] = [];
  let open = 0;
  const inject = (sent: Sent) => {
    const version = opts.failRecording;
    if (version && recordsVersion(sent, version)) {
      return Promise.reject(new Error(`test-injected failure while recording ${version} in schema_migrations`));
    }
    return undefined;
  };
  return {
    outside,
    transactions,
    query(sql, params) {
      if (open > 0) {
        return Promise.reject(
          new Error(
            "db.query() was called while a db.transaction() was open: inside the transaction, send SQL through the tx it hands " +
              "your function. db.query() takes another connection, outside the transaction (under PGlite it would wait forever).",
          ),
        );
      }
      const sent = { sql, params };
      outside.push(sent);
      return inject(sent) ?? db.query(sql, params);
    },
    async transaction(fn, txOpts) {
      const log: Sent[] = [];
      transactions.push(log);
      open++;
      try {
        return await db.transaction((tx) => {
          const watched: Queryable = {
            query(sql, params) {
              const sent = { sql, params };
              log.push(sent);
              return inject(sent) ?? tx.query(sql, params);
            },
          };
          return fn(watched);
        }, txOpts);
      } finally {
        open--;
      }
    },
  };
}

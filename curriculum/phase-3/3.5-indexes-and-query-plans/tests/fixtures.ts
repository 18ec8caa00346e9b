/**
 * The data every test reads: about 200,000 messages, made in SQL with generate_series so that
 * seeding takes seconds, not minutes. Enough rows that reading the whole table costs the
 * planner far more than an index lookup, so the plan shows which indexes exist.
 *
 *   users     20,000 generated ("alan_1", "grace_12", ...) plus five "ann" names for the
 *             prefix tests. User 1, alan_1, is a bot that wrote every tenth message.
 *   rooms     room-1 .. room-199 and "archive". Rooms 1-20 are busy (8,000 messages each),
 *             21-198 are quiet (about 225 each), room-199 is empty.
 *   messages  one a minute from 2024-01-01 00:01Z on; "archive" holds 30 messages from June
 *             2023 (one an hour, "old 1" .. "old 30"), written by ann_lee (odd) and ann_smith (even).
 */
import { readFile } from "node:fs/promises";
import type { Queryable, TxCapable } from "ts-dojo/kit";

export const GENERATED_MESSAGES = 200_000;
/** The last generated message is at this instant plus GENERATED_MESSAGES minutes. */
export const FIRST_MINUTE = "2024-01-01T00:00:00Z";

const SEED = `
INSERT INTO users (username)
  SELECT (ARRAY['ada','alan','grace','linus','barbara','ken','dennis','margaret',
                'edsger','donald','frances','john','radia','tim','vint','bjarne'])[1 + g % 16] || '_' || g
  FROM generate_series(1, 20000) AS g;
INSERT INTO users (username) VALUES ('ann'), ('ann_lee'), ('ann_smith'), ('anne'), ('annika');

INSERT INTO rooms (name) SELECT 'room-' || g FROM generate_series(1, 199) AS g;
INSERT INTO rooms (name) VALUES ('archive');

INSERT INTO messages (room_id, author_id, body, created_at)
  SELECT CASE WHEN g % 5 <> 0 THEN 1 + (g * 7) % 20 ELSE 21 + (g * 13) % 178 END,
         CASE WHEN g % 10 = 0 THEN 1 ELSE 1 + (g::bigint * 7919) % 20000 END,
         'message number ' || g,
         timestamptz '${FIRST_MINUTE}' + g * interval '1 minute'
  FROM generate_series(1, ${GENERATED_MESSAGES}) AS g;

INSERT INTO messages (room_id, author_id, body, created_at)
  SELECT (SELECT id FROM rooms WHERE name = 'archive'),
         (SELECT id FROM users WHERE username = CASE WHEN k % 2 = 1 THEN 'ann_lee' ELSE 'ann_smith' END),
         'old ' || k,
         timestamptz '2023-06-01T00:00:00Z' + k * interval '1 hour'
  FROM generate_series(1, 30) AS k;
`;

/** What before() found: the migration's error, if it failed. */
export interface Setup {
  readonly migrationError?: string;
}

/** Schema, seed, the learner's migration, ANALYZE. The migration may fail; the rest must not. */
export async function setUp(db: TxCapable): Promise<Setup> {
  await db.query(await readFile(new URL("./schema.sql", import.meta.url), "utf8"));
  await db.transaction(async (tx) => {
    // The seed's rows are consistent by construction, so load them the way pg_restore
    // --disable-triggers does: without a foreign-key check per row, which would triple the
    // seeding time. Only a superuser may; anyone else just waits longer.
    const { rows } = await tx.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
    if (rows[0]?.rolsuper) await tx.query("SET LOCAL session_replication_role = replica");
    await tx.query(SEED);
  });
  let migrationError: string | undefined;
  try {
    await db.query(await readFile(new URL("./migrations/004_indexes.sql", import.meta.url), "utf8"));
  } catch (err) {
    migrationError = err instanceof Error ? err.message : String(err);
  }
  // Fresh statistics, as a production database would have after autovacuum caught up.
  await db.query("ANALYZE");
  return migrationError === undefined ? {} : { migrationError };
}

export async function idOf(db: Queryable, table: "users" | "rooms", name: string): Promise<number> {
  const column = table === "users" ? "username" : "name";
  const { rows } = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE ${column} = $1`, [name]);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`fixture ${table}.${column} = ${name} is missing`);
  return id;
}

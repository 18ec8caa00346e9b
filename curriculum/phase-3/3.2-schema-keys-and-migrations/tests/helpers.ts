// Shared by the test files: running the learner's 001_init.sql, seeding rows, expecting a
// SQLSTATE, snapshotting the schema from the catalog, and throwaway migration folders.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Queryable } from "ts-dojo/kit";

/** The learner's migrations folder and first migration (tests, starter and learner files share one folder). */
export const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);
export const INIT_FILE = new URL("./migrations/001_init.sql", import.meta.url);

/** Run migrations/001_init.sql straight on the database, without the learner's migrate(). */
export async function applyInit(db: Queryable): Promise<void> {
  const sql = await readFile(INIT_FILE, "utf8");
  try {
    await db.query(sql);
  } catch (err) {
    throw new Error(`migrations/001_init.sql must run on an empty database, but it failed: ${messageOf(err)}`, { cause: err });
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const SQLSTATE_NAMES: Record<string, string> = {
  "23001": "restrict_violation",
  "23502": "not_null_violation",
  "23503": "foreign_key_violation",
  "23505": "unique_violation",
  "23514": "check_violation",
};

const named = (code: string) => `${code} (${SQLSTATE_NAMES[code] ?? "?"})`;

/** `work` must be refused by the database with SQLSTATE `code` (or one of `codes`); `what` says what was attempted. */
export async function expectSqlState(work: Promise<unknown>, codes: string | string[], what: string): Promise<void> {
  const allowed = typeof codes === "string" ? [codes] : codes;
  const outcome = await work.then(
    () => ({ ok: true as const }),
    (err: unknown) => ({ ok: false as const, err }),
  );
  const wanted = allowed.map(named).join(" or ");
  if (outcome.ok) assert.fail(`${what}: the database accepted it, but the schema must refuse it with SQLSTATE ${wanted}`);
  const actual = String((outcome.err as { code?: unknown }).code);
  assert.ok(allowed.includes(actual), `${what}: expected SQLSTATE ${wanted}, got ${actual}: ${messageOf(outcome.err)}`);
}

// ── seeding ─────────────────────────────────────────────────────────────────────────────────

export async function addUser(db: Queryable, username: string): Promise<string> {
  return idOf(await db.query<{ id: string }>("INSERT INTO users (username) VALUES ($1) RETURNING id", [username]));
}

export async function addRoom(db: Queryable, name: string): Promise<string> {
  return idOf(await db.query<{ id: string }>("INSERT INTO rooms (name) VALUES ($1) RETURNING id", [name]));
}

export async function addMember(db: Queryable, roomId: string, userId: string): Promise<void> {
  await db.query("INSERT INTO memberships (room_id, user_id) VALUES ($1, $2)", [roomId, userId]);
}

/** A message; `sentAt` is an ISO timestamp, or the database's now() when left out. */
export async function addMessage(db: Queryable, roomId: string, authorId: string, body: string, sentAt?: string): Promise<string> {
  const result = sentAt
    ? await db.query<{ id: string }>("INSERT INTO messages (room_id, author_id, body, sent_at) VALUES ($1, $2, $3, $4) RETURNING id", [
        roomId,
        authorId,
        body,
        sentAt,
      ])
    : await db.query<{ id: string }>("INSERT INTO messages (room_id, author_id, body) VALUES ($1, $2, $3) RETURNING id", [
        roomId,
        authorId,
        body,
      ]);
  return idOf(result);
}

function idOf(result: { rows: Array<{ id: string }> }): string {
  const id = result.rows[0]?.id;
  assert.ok(id !== undefined, "an INSERT … RETURNING id must return the new row's id");
  return String(id);
}

export async function count(db: Queryable, table: string, where = "true", params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return rows[0]?.n ?? 0;
}

export async function tableExists(db: Queryable, table: string): Promise<boolean> {
  const { rows } = await db.query<{ r: string | null }>("SELECT to_regclass($1) AS r", [`public.${table}`]);
  return rows[0]?.r != null;
}

/** The versions recorded in schema_migrations, sorted. */
export async function recordedVersions(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version");
  return rows.map((r) => r.version);
}

// ── the catalog ─────────────────────────────────────────────────────────────────────────────

/** Everything about schema public that a migration can change: columns, constraints, indexes. */
export async function schemaSnapshot(db: Queryable): Promise<Record<string, unknown[]>> {
  const columns = await db.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  );
  const constraints = await db.query(
    `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  );
  const indexes = await db.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`);
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows };
}

// ── throwaway migration folders ─────────────────────────────────────────────────────────────

export interface TempMigrations {
  /** The folder as a file: URL ending in "/", as migrate() takes it. */
  readonly url: URL;
  write(name: string, sql: string): Promise<void>;
  remove(): Promise<void>;
}

/** A folder under the OS temp dir holding a copy of the learner's 001_init.sql plus `files`. */
export async function tempMigrations(files: Record<string, string> = {}): Promise<TempMigrations> {
  const dir = await mkdtemp(join(tmpdir(), "ts-dojo-3.2-migrations-"));
  const write = (name: string, sql: string) => writeFile(join(dir, name), sql);
  await write("001_init.sql", await readFile(INIT_FILE, "utf8"));
  for (const [name, sql] of Object.entries(files)) await write(name, sql);
  return { url: pathToFileURL(`${dir}/`), write, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A good second migration: a tags table. */
export const TAGS_002 = `
CREATE TABLE tags (
  id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE
);
`;

/**
 * A third migration that fails on its last statement, after two that succeed: adding a NOT NULL
 * column with no default to a table that already has rows.
 */
export const BROKEN_003 = `
CREATE TABLE reactions (
  message_id bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  emoji      text NOT NULL,
  PRIMARY KEY (message_id, user_id, emoji)
);
ALTER TABLE messages ADD COLUMN edited_at timestamptz;
ALTER TABLE rooms ADD COLUMN topic text NOT NULL;
`;

/** The same migration, fixed: existing rooms get an empty topic. */
export const FIXED_003 = BROKEN_003.replace("topic text NOT NULL;", "topic text NOT NULL DEFAULT '';");

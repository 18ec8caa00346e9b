// Shared set-up for the tests: the schema, rows written straight into the tables (so a test of
// one method does not depend on another), deterministic ids and times, and a Queryable that counts.
import { readFile } from "node:fs/promises";
import { before, beforeEach } from "node:test";
import { type TestDatabase, useDatabase } from "ts-dojo/harness";
import type { Queryable } from "ts-dojo/kit";
import type { Note, User } from "./src/pg-types.ts";

/** Create users and notes from the read-only schema.sql. */
export async function applySchema(db: Queryable): Promise<void> {
  await db.query(await readFile(new URL("./schema.sql", import.meta.url), "utf8"));
}

/**
 * One database for the calling file (or describe block) with the schema applied once and both
 * tables emptied before each test: TRUNCATE costs far less than rebuilding the schema. Should a
 * test have broken the tables (a string-built DROP TABLE that ran, say), the schema is rebuilt.
 */
export function useNotesDatabase(): () => TestDatabase {
  const db = useDatabase({ reset: false });
  before(() => applySchema(db()));
  beforeEach(async () => {
    try {
      await db().query("TRUNCATE notes, users");
    } catch {
      await db().reset();
      await applySchema(db());
    }
  });
  return db;
}

/**
 * A UUID whose order is the order of `n`: uuid(1) < uuid(2) < … as strings and as Postgres
 * uuids alike. Lets a test choose how ids sort against creation times.
 */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** An ISO time `minutes` after 2024-05-01T10:00Z, with milliseconds, as the contract writes times. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2024, 4, 1, 10, 0) + minutes * 60_000).toISOString();
}

/** (createdAt, id) order, the order list() and listNotesWithAuthors() promise. */
export function byKey(a: Note, b: Note): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function insertUsers(db: Queryable, users: readonly User[]): Promise<void> {
  for (const u of users) {
    await db.query("INSERT INTO users (id, name, email) VALUES ($1, $2, $3)", [u.id, u.name, u.email]);
  }
}

/** Write notes (and who wrote them: null for nobody) directly into the table, in one statement. */
export async function insertNotes(db: Queryable, notes: ReadonlyArray<Note & { authorId?: string | null }>): Promise<void> {
  await db.query(
    `INSERT INTO notes (id, author_id, title, body, created_at, updated_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])`,
    [
      notes.map((n) => n.id),
      notes.map((n) => n.authorId ?? null),
      notes.map((n) => n.title),
      notes.map((n) => n.body),
      notes.map((n) => n.createdAt),
      notes.map((n) => n.updatedAt),
    ],
  );
}

/** A Queryable that passes every call on to `db` and records the SQL and how many rows came back. */
export function counting(db: Queryable): { db: Queryable; calls: Array<{ sql: string; rows: number }> } {
  const calls: Array<{ sql: string; rows: number }> = [];
  return {
    calls,
    db: {
      async query<T>(sql: string, params?: unknown[]) {
        const result = await db.query<T>(sql, params);
        calls.push({ sql, rows: result.rows.length });
        return result;
      },
    },
  };
}

/** The SQL of recorded calls, one per line and shortened, for assertion messages. */
export function listCalls(calls: ReadonlyArray<{ sql: string }>, max = 4): string {
  const shown = calls.slice(0, max).map((c, i) => `  ${i + 1}. ${c.sql.replace(/\s+/g, " ").trim().slice(0, 100)}`);
  if (calls.length > max) shown.push(`  … and ${calls.length - max} more`);
  return shown.join("\n");
}

/** One line about what a promise settled with, for messages that say what came instead. */
export function outcome(value: unknown): string {
  if (value instanceof Error) {
    const code = "code" in value && typeof value.code === "string" ? ` (SQLSTATE ${value.code})` : "";
    return `rejected with ${value.name === "error" ? "a database error" : value.name}${code}: ${value.message}`;
  }
  return `resolved with ${JSON.stringify(value)}`;
}

/** `list[index]`, or a thrown error naming what was missing (for indexes the test itself set up). */
export function nth<T>(list: readonly T[], index: number, what: string): T {
  const item = list.at(index);
  if (item === undefined) throw new Error(`test set-up: there is no ${what} (index ${index} of ${list.length})`);
  return item;
}

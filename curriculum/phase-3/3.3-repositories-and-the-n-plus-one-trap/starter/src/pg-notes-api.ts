/**
 * The notes repository on PostgreSQL: the NotesApi contract of task 2.3, kept by SQL instead of
 * a Map, plus a keyset-paginated list() and a notes-with-authors listing without N+1 queries.
 *
 * Rules the tests hold you to:
 * - every value reaches the database as a $1-style parameter, never pasted into the SQL text;
 * - an id that is not a UUID is simply not found (null / false), never a rejected promise;
 * - list() pages in SQL on (created_at, id), so tied times neither repeat nor skip a note;
 * - listNotesWithAuthors() issues at most 2 queries, however many notes it returns.
 * The table definitions are in schema.sql.
 */
import type { Queryable } from "ts-dojo/kit";
import type { NoteWithAuthor, PgNotesApi, PgNotesApiOptions } from "./pg-types.ts";

/** The NotesApi (plus list) over the `notes` table. Holds no state of its own: the database is the state. */
export function createPgNotesApi(db: Queryable, opts: PgNotesApiOptions = {}): PgNotesApi {
  void db;
  void opts;
  return {
    async create() {
      throw new Error("TODO: validate (validateNewNote), then INSERT the note with $1-style parameters and return it");
    },
    async get() {
      throw new Error("TODO: SELECT the note by id; null when there is none or the id is not a UUID");
    },
    async update() {
      throw new Error("TODO: validate, then UPDATE title, body and updated_at … RETURNING the note; null when there is none");
    },
    async remove() {
      throw new Error("TODO: DELETE the note by id; true when a row went, false otherwise");
    },
    async list() {
      throw new Error("TODO: ORDER BY created_at, id with a keyset condition and a LIMIT, all in SQL");
    },
  };
}

/**
 * The first `limit` notes that have an author, in (createdAt, id) order, each with its author:
 * in at most 2 queries, however large `limit` is.
 */
export async function listNotesWithAuthors(db: Queryable, limit: number): Promise<NoteWithAuthor[]> {
  void db;
  void limit;
  throw new Error("TODO: one JOIN (or two queries: the notes, then their authors WHERE id = ANY($1))");
}

// KNOWN-BAD (n-plus-one): fetches the notes, then each author with its own query (1 + N round trips).
/**
 * The notes repository on PostgreSQL: the NotesApi contract of task 2.3 kept by SQL, a keyset
 * list() and a notes-with-authors listing in one query. Every value travels as a $n parameter;
 * the only strings ever joined into SQL text are fixed fragments written in this file.
 */
import { randomUUID } from "node:crypto";
import type { Queryable } from "ts-dojo/kit";
import { ApiValidationError, type NewNote, validateNewNote } from "./notes-contract.ts";
import type { Note, NoteWithAuthor, PgNotesApi, PgNotesApiOptions } from "./pg-types.ts";

interface NoteRow {
  id: string;
  title: string;
  body: string;
  created_at: Date;
  updated_at: Date;
}

const NOTE_COLUMNS = "id, title, body, created_at, updated_at";

// What Postgres's uuid type accepts in its usual spelling. Checking first saves a round trip and,
// inside a transaction, saves the transaction too: a statement that fails with 22P02 aborts it.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Row → Note. pg turns timestamptz into a Date; toISOString() gives the contract's format. */
function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function validated(input: NewNote): { title: string; body: string } {
  const problem = validateNewNote(input);
  if (problem) throw new ApiValidationError(problem);
  return { title: input.title, body: input.body ?? "" };
}

export function createPgNotesApi(db: Queryable, opts: PgNotesApiOptions = {}): PgNotesApi {
  const now = () => (opts.clock ?? (() => new Date()))().toISOString();
  const newId = opts.newId ?? randomUUID;

  return {
    async create(input) {
      const { title, body } = validated(input);
      const at = now();
      const { rows } = await db.query<NoteRow>(
        `INSERT INTO notes (id, title, body, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4)
         RETURNING ${NOTE_COLUMNS}`,
        [newId(), title, body, at],
      );
      return toNote(one(rows));
    },

    async get(id) {
      if (!UUID.test(id)) return null;
      const { rows } = await db.query<NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = $1`, [id]);
      return rows[0] ? toNote(rows[0]) : null;
    },

    async update(id, input) {
      const { title, body } = validated(input);
      if (!UUID.test(id)) return null;
      // One statement: no window between "does it exist?" and the write for another client to use.
      const { rows } = await db.query<NoteRow>(
        `UPDATE notes SET title = $2, body = $3, updated_at = $4
          WHERE id = $1
         RETURNING ${NOTE_COLUMNS}`,
        [id, title, body, now()],
      );
      return rows[0] ? toNote(rows[0]) : null;
    },

    async remove(id) {
      if (!UUID.test(id)) return false;
      // RETURNING rather than rowCount: Queryable does not promise every driver reports rowCount.
      const { rows } = await db.query("DELETE FROM notes WHERE id = $1 RETURNING id", [id]);
      return rows.length > 0;
    },

    async list(query = {}) {
      const { after, limit } = query;
      // Fixed fragments, numbered placeholders: the SQL text varies in shape, never in values.
      const params: unknown[] = [];
      let where = "";
      if (after) {
        params.push(after.createdAt, after.id);
        // A row comparison: later time, or the same time and a later id. Ties cannot slip through.
        where = "WHERE (created_at, id) > ($1::timestamptz, $2::uuid)";
      }
      let limitClause = "";
      if (limit !== undefined) {
        params.push(limit);
        limitClause = `LIMIT $${params.length}`;
      }
      const { rows } = await db.query<NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes ${where} ORDER BY created_at, id ${limitClause}`, params);
      return rows.map(toNote);
    },
  };
}

interface NoteAuthorRow extends NoteRow {
  author_id: string;
  author_name: string;
  author_email: string;
}

export async function listNotesWithAuthors(db: Queryable, limit: number): Promise<NoteWithAuthor[]> {
  const { rows } = await db.query<NoteRow & { author_id: string }>(
    `SELECT ${NOTE_COLUMNS}, author_id FROM notes
      WHERE author_id IS NOT NULL
      ORDER BY created_at, id
      LIMIT $1`,
    [limit],
  );
  const result: NoteWithAuthor[] = [];
  for (const row of rows) {
    // One more round trip per note: 51 queries for 50 notes.
    const users = await db.query<{ id: string; name: string; email: string }>("SELECT id, name, email FROM users WHERE id = $1", [
      row.author_id,
    ]);
    const author = users.rows[0];
    if (author) result.push({ ...toNote(row), author });
  }
  return result;
}

function one<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error("INSERT … RETURNING gave no row");
  return row;
}

// KNOWN-BAD (string-built-sql): pastes titles, bodies and ids into the SQL text instead of passing them as parameters.
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

/** Runs a statement, reading "not a valid uuid" (22P02) as "no rows". */
async function rowsOf<T>(db: Queryable, sql: string): Promise<T[]> {
  try {
    return (await db.query<T>(sql)).rows;
  } catch (error) {
    if ((error as { code?: string }).code === "22P02") return [];
    throw error;
  }
}

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
      // The values are pasted into the SQL text: a quote in the title ends the string literal.
      const { rows } = await db.query<NoteRow>(
        `INSERT INTO notes (id, title, body, created_at, updated_at)
         VALUES ('${newId()}', '${title}', '${body}', '${at}', '${at}')
         RETURNING ${NOTE_COLUMNS}`,
      );
      return toNote(one(rows));
    },

    async get(id) {
      const rows = await rowsOf<NoteRow>(db, `SELECT ${NOTE_COLUMNS} FROM notes WHERE id = '${id}'`);
      return rows[0] ? toNote(rows[0]) : null;
    },

    async update(id, input) {
      const { title, body } = validated(input);
      const rows = await rowsOf<NoteRow>(
        db,
        `UPDATE notes SET title = '${title}', body = '${body}', updated_at = '${now()}'
          WHERE id = '${id}'
         RETURNING ${NOTE_COLUMNS}`,
      );
      return rows[0] ? toNote(rows[0]) : null;
    },

    async remove(id) {
      const rows = await rowsOf(db, `DELETE FROM notes WHERE id = '${id}' RETURNING id`);
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
  // One round trip: the database matches each note to its author. An inner join also drops
  // the notes nobody is recorded as writing (author_id IS NULL).
  const { rows } = await db.query<NoteAuthorRow>(
    `SELECT n.id, n.title, n.body, n.created_at, n.updated_at,
            u.id AS author_id, u.name AS author_name, u.email AS author_email
       FROM notes n
       JOIN users u ON u.id = n.author_id
      ORDER BY n.created_at, n.id
      LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    ...toNote(row),
    author: { id: row.author_id, name: row.author_name, email: row.author_email },
  }));
}

function one<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error("INSERT … RETURNING gave no row");
  return row;
}

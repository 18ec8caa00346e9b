/**
 * The shapes of this task. Read-only: the tests and src/pg-note-store.ts are written against
 * exactly these, so change your code, not this file.
 */

import type { Note, NoteKey } from "./notes.ts";
import type { NotesApi } from "./notes-contract.ts";

export type { Note, NoteKey } from "./notes.ts";
export type { NewNote, NotesApi } from "./notes-contract.ts";

/** A row of `users`, as the application sees it. */
export interface User {
  /** users.id (a UUID string). */
  readonly id: string;
  /** users.name */
  readonly name: string;
  /** users.email */
  readonly email: string;
}

/** A note together with the user who wrote it: exactly the five Note fields plus `author`. */
export type NoteWithAuthor = Note & { readonly author: User };

/** One page of a listing: notes strictly after `after` in (createdAt, id) order, at most `limit` of them. */
export interface ListQuery {
  /** The key of the last note of the previous page; left out for the first page. */
  readonly after?: NoteKey;
  /** At most this many notes (a whole number ≥ 1); left out means all of them. */
  readonly limit?: number;
}

/** The 2.3 port, plus the listing that 2.4 needed over HTTP - now done by the database. */
export interface PgNotesApi extends NotesApi {
  /** Notes in (createdAt, id) order, oldest first, one page at a time. */
  list(query?: ListQuery): Promise<Note[]>;
}

/** What createPgNotesApi lets a caller (a test, the NoteStore adapter) decide. */
export interface PgNotesApiOptions {
  /** The time stamped on createdAt and updatedAt (default: the system clock). */
  readonly clock?: () => Date;
  /** The id a new note gets (default: crypto.randomUUID()). */
  readonly newId?: () => string;
}

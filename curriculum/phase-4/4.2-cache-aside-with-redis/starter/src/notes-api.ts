/**
 * The notes contract of task 2.3, the one the Postgres repository of 3.3 keeps. Read-only: the
 * tests hand your cache an in-memory NotesApi that stands in for that repository, and wrap it
 * exactly as a real service would wrap createPgNotesApi(db).
 */

/** A note as the API shows it. The repository owns id, createdAt and updatedAt. */
export interface Note {
  /** Chosen by the repository when the note is created; never changes. */
  readonly id: string;
  /** 1–200 characters. */
  readonly title: string;
  /** 0–10,000 characters; "" when the client sent none. */
  readonly body: string;
  /** ISO 8601 UTC time the note was created. */
  readonly createdAt: string;
  /** ISO 8601 UTC time of the last update (equal to createdAt until then). */
  readonly updatedAt: string;
}

/** What a caller sends to create or replace a note. */
export interface NewNote {
  readonly title: string;
  /** Left out means "". */
  readonly body?: string;
}

/**
 * The port the rest of an application depends on. In this task every method either does its
 * whole job or rejects having written nothing: a rejected update left the note as it was.
 */
export interface NotesApi {
  /** A new note with a fresh id. */
  create(note: NewNote): Promise<Note>;
  /** The note, or null when there is none with that id. */
  get(id: string): Promise<Note | null>;
  /** Replace title and body; null when there is no such note. */
  update(id: string, note: NewNote): Promise<Note | null>;
  /** true when the note existed and is gone now; false when there was none. */
  remove(id: string): Promise<boolean>;
}

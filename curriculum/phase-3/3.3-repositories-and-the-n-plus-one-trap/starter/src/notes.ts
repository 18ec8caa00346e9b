/**
 * The notes resource and the storage contract the server depends on. Read-only: tasks 2.2,
 * 2.3, 2.4 and 3.3 all build on these shapes, so a Postgres store can later replace the
 * in-memory one without touching the HTTP code.
 */

/** A note as the API shows it. The server owns id, createdAt and updatedAt; clients send only title and body. */
export interface Note {
  /** Chosen by the server when the note is created (a UUID); never changes. */
  readonly id: string;
  /** 1–200 characters, not only spaces. */
  readonly title: string;
  /** 0–10,000 characters; "" when the client sent none. */
  readonly body: string;
  /** ISO 8601 UTC time from the server's clock when the note was created, e.g. "2024-05-01T10:00:00.000Z". */
  readonly createdAt: string;
  /** ISO 8601 UTC time of the last successful PUT or PATCH (equal to createdAt until then). */
  readonly updatedAt: string;
}

/** Limits a valid note respects; breaking one is a 422, not a 400. */
export const LIMITS = { titleMax: 200, bodyMax: 10_000 } as const;

/** Where a listing resumes: notes are ordered by createdAt, then id, and this names the last one seen. */
export interface NoteKey {
  readonly createdAt: string;
  readonly id: string;
}

/**
 * Storage for notes. Every method is async, as a database would be, and may reject (the
 * database is down): the server must turn that into a 500 without showing the error.
 */
export interface NoteStore {
  /**
   * Notes in (createdAt, id) order, oldest first. With `after`, only the notes that come
   * strictly after that key; with `limit`, at most that many.
   */
  list(query?: { readonly after?: NoteKey; readonly limit?: number }): Promise<Note[]>;
  /** The note with this id, or null. */
  get(id: string): Promise<Note | null>;
  /** Add a new note; rejects if a note with its id already exists. */
  create(note: Note): Promise<void>;
  /** Replace the stored note that has `note.id` with `note`; false (and no change) when there is none. */
  update(note: Note): Promise<boolean>;
  /** Remove the note; false when there was none. */
  delete(id: string): Promise<boolean>;
}

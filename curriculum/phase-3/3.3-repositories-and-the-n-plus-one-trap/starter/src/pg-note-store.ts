/**
 * Read-only: a NoteStore (the port the 2.2 server depends on) made of your PgNotesApi. With it,
 * `start({ deps: { store: createPgNoteStore(db) } })` serves the same HTTP API from Postgres,
 * and not one line of the server changes. The tests do exactly that.
 *
 * The server chooses a new note's id and both times itself, while NotesApi.create() chooses
 * them; the options clock and newId let this adapter hand the server's choices through.
 */
import type { Queryable } from "ts-dojo/kit";
import type { NoteStore } from "./notes.ts";
import { createPgNotesApi } from "./pg-notes-api.ts";

export function createPgNoteStore(db: Queryable): NoteStore {
  const api = createPgNotesApi(db);
  return {
    list: (query) => api.list(query),
    get: (id) => api.get(id),
    async create(note) {
      const fixed = createPgNotesApi(db, { clock: () => new Date(note.createdAt), newId: () => note.id });
      await fixed.create({ title: note.title, body: note.body });
    },
    // The server never changes createdAt, so replacing title, body and updatedAt is the whole update.
    async update(note) {
      const fixed = createPgNotesApi(db, { clock: () => new Date(note.updatedAt) });
      return (await fixed.update(note.id, { title: note.title, body: note.body })) !== null;
    },
    delete: (id) => api.remove(id),
  };
}

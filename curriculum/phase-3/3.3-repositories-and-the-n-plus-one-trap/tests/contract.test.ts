// Task 2.3's contract suite (contract.ts and fixtures.ts are copied from it unchanged), now run
// against your Postgres implementation. Same tests, new storage: that is the point of a port.
import { beforeEach } from "node:test";
import { notesApiContract } from "./contract.ts";
import { fixtures } from "./fixtures.ts";
import { insertNotes, useNotesDatabase, uuid } from "./helpers.ts";
import { createPgNotesApi } from "./src/pg-notes-api.ts";
import type { Note, NotesApi } from "./src/pg-types.ts";

/*
 * The contract names its fixtures "n-1" and "n-2", and `notes.id` is a uuid column, so the
 * fixtures are stored under two UUIDs and this thin layer translates those two ids both ways.
 * Every other id passes through untouched, so get("no-such-note"), get("a/b") and
 * update("ghost", …) reach your code as they are and must come back null, not as an error.
 */
const ALIAS = new Map([
  ["n-1", uuid(0xa1)],
  ["n-2", uuid(0xa2)],
]);
const UNALIAS = new Map([...ALIAS].map(([alias, id]) => [id, alias]));

const inward = (id: string): string => ALIAS.get(id) ?? id;
const outward = (note: Note): Note => ({ ...note, id: UNALIAS.get(note.id) ?? note.id });

function withFixtureIds(api: NotesApi): NotesApi {
  return {
    create: async (note) => outward(await api.create(note)),
    get: async (id) => {
      const note = await api.get(inward(id));
      return note && outward(note);
    },
    update: async (id, input) => {
      const note = await api.update(inward(id), input);
      return note && outward(note);
    },
    remove: (id) => api.remove(inward(id)),
  };
}

notesApiContract("Postgres (createPgNotesApi)", () => {
  const db = useNotesDatabase();
  beforeEach(() =>
    insertNotes(
      db(),
      fixtures().map((n) => ({ ...n, id: inward(n.id) })),
    ),
  );
  return () => withFixtureIds(createPgNotesApi(db()));
});

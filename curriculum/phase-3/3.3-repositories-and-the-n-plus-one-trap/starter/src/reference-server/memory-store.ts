/**
 * An in-memory NoteStore: a Map, with copies going in and out so that nothing outside can
 * change a stored note by mutating an object it holds. Read-only: the 2.2 server imports it as its default store.
 */
import type { Note, NoteKey, NoteStore } from "../notes.ts";

/** (createdAt, id) order; ISO 8601 UTC strings of one format sort like the times they name. */
export function compareKeys(a: NoteKey, b: NoteKey): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A fresh, empty store, optionally seeded with notes. */
export function createMemoryStore(seed: readonly Note[] = []): NoteStore {
  const notes = new Map<string, Note>(seed.map((n) => [n.id, { ...n }]));
  return {
    async list(query = {}) {
      const { after, limit } = query;
      let all = [...notes.values()].sort(compareKeys);
      if (after) all = all.filter((n) => compareKeys(n, after) > 0);
      if (limit !== undefined) all = all.slice(0, limit);
      return all.map((n) => ({ ...n }));
    },
    async get(id) {
      const note = notes.get(id);
      return note ? { ...note } : null;
    },
    async create(note) {
      if (notes.has(note.id)) throw new Error(`a note with id ${note.id} already exists`);
      notes.set(note.id, { ...note });
    },
    async update(note) {
      if (!notes.has(note.id)) return false;
      notes.set(note.id, { ...note });
      return true;
    },
    async delete(id) {
      return notes.delete(id);
    },
  };
}

// The 2.2 notes server, unchanged, with its store swapped for Postgres: the server depends on
// the NoteStore port, src/pg-note-store.ts adapts your PgNotesApi to it, and HTTP cannot tell.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { useNotesDatabase } from "./helpers.ts";
import { createPgNoteStore } from "./src/pg-note-store.ts";
import type { Note } from "./src/pg-types.ts";
import { start } from "./src/reference-server/notes-server.ts";

describe("the 2.2 notes server on Postgres", () => {
  const db = useNotesDatabase();
  // A clock that moves 1 s per reading: notes made back to back get distinct created_at values,
  // so "oldest first" cannot depend on which random UUID sorts first within one millisecond.
  const api = useServer(() => {
    let t = Date.UTC(2024, 4, 1, 10, 0);
    const clock = () => {
      t += 1000;
      return new Date(t);
    };
    return start({ port: 0, deps: { store: createPgNoteStore(db()), clock } });
  });

  test("POST /notes answers 201 with a Location that GETs the same note, and the note is a row in Postgres", async () => {
    const created = await api.post("/notes", { json: { title: "from HTTP", body: "it's stored in SQL" } });
    created.expectStatus(201).expectHeader("location", /^\/notes\/[0-9a-f-]{36}$/);
    const note = created.json<Note>();
    const fetched = await api.get(created.header("location") ?? "");
    fetched.expectStatus(200).expectJson(note);
    const { rows } = await db().query<{ title: string; body: string }>("SELECT title, body FROM notes WHERE id = $1", [note.id]);
    assert.deepEqual(rows, [{ title: "from HTTP", body: "it's stored in SQL" }], "the created note must be a row of the notes table");
  });

  test("PUT /notes/:id replaces the note and keeps createdAt", async () => {
    const created = (await api.post("/notes", { json: { title: "draft", body: "old" } })).expectStatus(201).json<Note>();
    const put = await api.put(`/notes/${created.id}`, { json: { title: "final" } });
    put.expectStatus(200).expectJsonMatch({ id: created.id, title: "final", body: "", createdAt: created.createdAt });
    (await api.get(`/notes/${created.id}`)).expectStatus(200).expectJsonMatch({ title: "final", body: "" });
  });

  test("DELETE /notes/:id answers 204, then the note is 404 and a second DELETE is 404", async () => {
    const created = (await api.post("/notes", { json: { title: "short-lived" } })).expectStatus(201).json<Note>();
    (await api.delete(`/notes/${created.id}`)).expectStatus(204).expectEmptyBody();
    (await api.get(`/notes/${created.id}`)).expectStatus(404);
    (await api.delete(`/notes/${created.id}`)).expectStatus(404);
  });

  test("an id that is not a UUID is a 404, not a 500", async () => {
    (await api.get("/notes/not-a-uuid")).expectStatus(404).expectContentType("application/problem+json");
    (await api.put("/notes/42", { json: { title: "x" } })).expectStatus(404);
    (await api.delete("/notes/n-1")).expectStatus(404);
  });

  test("GET /notes lists what was created, oldest first", async () => {
    for (const title of ["first", "second", "third"]) (await api.post("/notes", { json: { title } })).expectStatus(201);
    const listed = await api.get("/notes");
    listed.expectStatus(200);
    const titles = listed.json<{ items: Note[] }>().items.map((n) => n.title);
    assert.deepEqual(titles, ["first", "second", "third"], "GET /notes must list the three notes in the order they were created");
  });
});

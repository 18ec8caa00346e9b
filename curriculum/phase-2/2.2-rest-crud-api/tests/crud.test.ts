// The happy paths of the notes contract, driven over HTTP as any client would: create, read,
// list, replace, patch, delete, and the times the injected clock stamps on notes.
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { createNote, locationPath, manualClock, T0 } from "./helpers.ts";
import type { Note } from "./src/notes.ts";
import { start } from "./src/notes-server.ts";

const time = manualClock();
const api = useServer(() => {
  time.set(T0);
  return start({ port: 0, deps: { clock: time.clock } });
});

describe("POST /notes creates a note", () => {
  test("answers 201 with the note and a Location that GETs the same note", async () => {
    const created = await api.post("/notes", { json: { title: "milk", body: "two litres" } });
    created
      .expectStatus(201)
      .expectContentType("application/json")
      .expectHeader("location", /\/notes\/[^/?#]+$/)
      .expectJsonMatch({ title: "milk", body: "two litres" });
    const fetched = await api.get(locationPath(created));
    fetched.expectStatus(200).expectContentType("application/json").expectJson(created.json());
  });

  test("the server chooses id and times: id and createdAt sent by the client are ignored", async () => {
    const created = await api.post("/notes", { json: { title: "t", id: "mine", createdAt: "1999-01-01T00:00:00.000Z" } });
    created.expectStatus(201).expectJsonMatch({ createdAt: T0, updatedAt: T0 });
    const note = created.json<Note>();
    if (typeof note.id !== "string" || note.id === "" || note.id === "mine") {
      created.fail("the server must choose a fresh id for a new note, not take one from the request", {
        expected: "a new id",
        actual: note.id,
      });
    }
    (await api.get("/notes/mine")).expectStatus(404);
  });

  test("a note created without a body gets the empty string as its body", async () => {
    (await api.post("/notes", { json: { title: "only a title" } })).expectStatus(201).expectJsonMatch({ title: "only a title", body: "" });
  });

  test("POST is not idempotent: the same request twice makes two notes with different ids", async () => {
    const a = await createNote(api, { title: "same" });
    const b = await createNote(api, { title: "same" });
    const list = await api.get("/notes");
    list.expectStatus(200);
    const ids = list.json<{ items: Note[] }>().items.map((n) => n.id);
    if (a.id === b.id || ids.length !== 2) list.fail("two POSTs must create two separate notes", { expected: [a.id, b.id], actual: ids });
  });
});

describe("GET /notes and GET /notes/:id read notes", () => {
  test("an empty store lists no notes: 200 with { items: [] }", async () => {
    (await api.get("/notes")).expectStatus(200).expectContentType("application/json").expectJson({ items: [] });
  });

  test("lists every note, oldest first", async () => {
    const first = await createNote(api, { title: "first" });
    time.advance(1000);
    const second = await createNote(api, { title: "second" });
    time.advance(1000);
    const third = await createNote(api, { title: "third" });
    (await api.get("/notes")).expectStatus(200).expectJson({ items: [first, second, third] });
  });

  test("a query string does not change which resource a path names", async () => {
    const note = await createNote(api, { title: "q" });
    (await api.get(`/notes/${note.id}?fields=all`)).expectStatus(200).expectJson(note);
  });

  test("HEAD /notes/:id answers like GET, headers only", async () => {
    const note = await createNote(api, { title: "head" });
    (await api.head(`/notes/${note.id}`)).expectStatus(200).expectContentType("application/json").expectEmptyBody();
  });
});

describe("PUT /notes/:id replaces a note", () => {
  test("answers 200 with the new representation, and GET shows it", async () => {
    const note = await createNote(api, { title: "draft", body: "old" });
    const put = await api.put(`/notes/${note.id}`, { json: { title: "final", body: "new" } });
    put.expectStatus(200).expectContentType("application/json").expectJsonMatch({ id: note.id, title: "final", body: "new" });
    (await api.get(`/notes/${note.id}`)).expectJson(put.json());
  });

  test("replaces the whole note: a body left out of the PUT becomes empty, it is not kept", async () => {
    const note = await createNote(api, { title: "draft", body: "keep me?" });
    const put = await api.put(`/notes/${note.id}`, { json: { title: "final" } });
    put.expectStatus(200).expectJsonMatch({ title: "final", body: "" });
  });

  test("is idempotent: the same PUT twice leaves the same state and still one note", async () => {
    const note = await createNote(api, { title: "draft" });
    const first = await api.put(`/notes/${note.id}`, { json: { title: "same", body: "same" } });
    const second = await api.put(`/notes/${note.id}`, { json: { title: "same", body: "same" } });
    first.expectStatus(200);
    second.expectStatus(200).expectJson(first.json());
    (await api.get("/notes")).expectJson({ items: [first.json()] });
  });

  test("keeps id and createdAt, and moves updatedAt to the clock's time", async () => {
    const note = await createNote(api, { title: "draft" });
    time.set("2024-05-02T08:30:00.000Z");
    (await api.put(`/notes/${note.id}`, { json: { title: "later" } }))
      .expectStatus(200)
      .expectJsonMatch({ id: note.id, createdAt: T0, updatedAt: "2024-05-02T08:30:00.000Z" });
  });
});

describe("PATCH /notes/:id changes part of a note", () => {
  test("only the fields sent change; updatedAt moves, createdAt stays", async () => {
    const note = await createNote(api, { title: "title", body: "body" });
    time.set("2024-06-01T00:00:00.000Z");
    const patched = await api.patch(`/notes/${note.id}`, { json: { body: "new body" } });
    patched.expectStatus(200).expectJson({ ...note, body: "new body", updatedAt: "2024-06-01T00:00:00.000Z" });
    (await api.get(`/notes/${note.id}`)).expectJson(patched.json());
  });

  test("a title-only PATCH keeps the body", async () => {
    const note = await createNote(api, { title: "title", body: "body" });
    (await api.patch(`/notes/${note.id}`, { json: { title: "renamed" } }))
      .expectStatus(200)
      .expectJsonMatch({ title: "renamed", body: "body" });
  });
});

describe("DELETE /notes/:id removes a note", () => {
  test("answers 204 with no body, and the note is then gone (404)", async () => {
    const note = await createNote(api, { title: "bye" });
    (await api.delete(`/notes/${note.id}`)).expectStatus(204).expectEmptyBody();
    (await api.get(`/notes/${note.id}`)).expectStatus(404);
  });

  test("a second DELETE of the same note answers 404: the state is the same, the answer honest", async () => {
    const note = await createNote(api, { title: "bye" });
    (await api.delete(`/notes/${note.id}`)).expectStatus(204);
    (await api.delete(`/notes/${note.id}`)).expectStatus(404);
  });

  test("the deleted note leaves the list and the others stay", async () => {
    const keep = await createNote(api, { title: "keep" });
    const drop = await createNote(api, { title: "drop" });
    (await api.delete(`/notes/${drop.id}`)).expectStatus(204);
    (await api.get("/notes")).expectJson({ items: [keep] });
  });
});

// The unhappy paths: each kind of client mistake gets its own status code and an
// application/problem+json body, and a server failure tells the client nothing internal.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { createNote, expectProblem, expectViolations, failingStore } from "./helpers.ts";
import { createMemoryStore } from "./src/memory-store.ts";
import type { Note } from "./src/notes.ts";
import { start } from "./src/notes-server.ts";

const api = useServer(() => start({ port: 0 }));
const missing = "00000000-0000-4000-8000-000000000000";

describe("404 Not Found", () => {
  test("GET, PUT, PATCH and DELETE of an unknown id answer 404 problem+json", async () => {
    expectProblem(await api.get(`/notes/${missing}`), 404);
    expectProblem(await api.put(`/notes/${missing}`, { json: { title: "x" } }), 404);
    expectProblem(await api.patch(`/notes/${missing}`, { json: { title: "x" } }), 404);
    expectProblem(await api.delete(`/notes/${missing}`), 404);
  });

  test("a path the API does not have answers 404 problem+json", async () => {
    expectProblem(await api.get("/users"), 404);
    expectProblem(await api.get("/notes/a/b"), 404);
  });
});

describe("405 Method Not Allowed", () => {
  test("DELETE on the collection answers 405 with Allow naming GET and POST", async () => {
    const reply = await api.delete("/notes");
    expectProblem(reply, 405);
    const allow = (reply.header("allow") ?? "").split(",").map((m) => m.trim());
    if (!allow.includes("GET") || !allow.includes("POST") || allow.includes("DELETE")) {
      reply.fail("a 405 must carry an Allow header listing the methods this resource supports: GET and POST for /notes", {
        expected: "Allow: GET, POST (HEAD may be listed too)",
        actual: reply.header("allow") ?? "(absent)",
      });
    }
  });

  test("POST on one note answers 405 with Allow naming GET, PUT, PATCH and DELETE", async () => {
    const note = await createNote(api, { title: "n" });
    const reply = await api.post(`/notes/${note.id}`, { json: { title: "x" } });
    expectProblem(reply, 405);
    const allow = (reply.header("allow") ?? "").split(",").map((m) => m.trim());
    const needed = ["GET", "PUT", "PATCH", "DELETE"];
    if (!needed.every((m) => allow.includes(m)) || allow.includes("POST")) {
      reply.fail("a 405 on /notes/:id must list what /notes/:id supports in its Allow header", {
        expected: "Allow: GET, PUT, PATCH, DELETE (HEAD may be listed too)",
        actual: reply.header("allow") ?? "(absent)",
      });
    }
  });

  test("PUT and PATCH on the collection answer 405 too", async () => {
    expectProblem(await api.put("/notes", { json: { title: "x" } }), 405);
    (await api.patch("/notes", { json: { title: "x" } })).expectStatus(405).expectHeader("allow", /GET/);
  });
});

describe("415 Unsupported Media Type", () => {
  test("a note sent as text/plain answers 415 and creates nothing", async () => {
    expectProblem(await api.post("/notes", { body: '{"title":"x"}', headers: { "content-type": "text/plain" } }), 415);
    (await api.get("/notes")).expectJson({ items: [] });
  });

  test("a body without a Content-Type answers 415", async () => {
    expectProblem(await api.post("/notes", { body: '{"title":"x"}' }), 415);
  });

  test("application/json with a charset parameter is still JSON", async () => {
    (await api.post("/notes", { body: '{"title":"x"}', headers: { "content-type": "application/json; charset=utf-8" } })).expectStatus(201);
  });

  test("PUT and PATCH check the Content-Type as well", async () => {
    const note = await createNote(api, { title: "n" });
    const form = { body: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } };
    expectProblem(await api.put(`/notes/${note.id}`, form), 415);
    expectProblem(await api.patch(`/notes/${note.id}`, form), 415);
  });
});

describe("400 Bad Request", () => {
  test("a body that is not valid JSON answers 400 problem+json, not 500", async () => {
    const json = { "content-type": "application/json" };
    expectProblem(await api.post("/notes", { body: '{"title": "unfinished', headers: json }), 400);
    const note = await createNote(api, { title: "n" });
    expectProblem(await api.put(`/notes/${note.id}`, { body: "{title: 'single quotes'}", headers: json }), 400);
  });
});

describe("422 Unprocessable Content names the broken field", () => {
  test("a note without a title answers 422 pointing at #/title", async () => {
    expectViolations(await api.post("/notes", { json: { body: "no title" } }), "#/title");
  });

  test("an empty or all-spaces title answers 422", async () => {
    expectViolations(await api.post("/notes", { json: { title: "" } }), "#/title");
    expectViolations(await api.post("/notes", { json: { title: "   " } }), "#/title");
  });

  test("a title of 201 characters answers 422; 200 characters is fine", async () => {
    expectViolations(await api.post("/notes", { json: { title: "a".repeat(201) } }), "#/title");
    (await api.post("/notes", { json: { title: "a".repeat(200) } })).expectStatus(201);
  });

  test("a title or body of the wrong type answers 422", async () => {
    expectViolations(await api.post("/notes", { json: { title: 42 } }), "#/title");
    expectViolations(await api.post("/notes", { json: { title: null } }), "#/title");
    expectViolations(await api.post("/notes", { json: { title: "ok", body: ["a", "list"] } }), "#/body");
  });

  test("every broken field is reported in one answer", async () => {
    expectViolations(await api.post("/notes", { json: { title: "", body: 7 } }), "#/title", "#/body");
  });

  test("valid JSON that is not an object answers 422", async () => {
    expectProblem(await api.post("/notes", { json: ["title", "x"] }), 422);
  });

  test("an invalid PUT or PATCH answers 422 and leaves the note unchanged", async () => {
    const note = await createNote(api, { title: "keep", body: "this" });
    expectViolations(await api.put(`/notes/${note.id}`, { json: { body: "no title" } }), "#/title");
    expectViolations(await api.patch(`/notes/${note.id}`, { json: { title: "" } }), "#/title");
    (await api.get(`/notes/${note.id}`)).expectJson(note);
  });
});

describe("500 Internal Server Error", () => {
  const secret = new Error("connect ECONNREFUSED 10.9.8.7:5432 (db-primary.internal)");
  const reported: unknown[] = [];
  let broken = failingStore(createMemoryStore(), secret);
  const failing = useServer(() => {
    broken = failingStore(createMemoryStore(), secret);
    reported.length = 0;
    return start({ port: 0, deps: { store: broken.store, onError: (e) => reported.push(e) } });
  });

  test("a store that throws gives 500 problem+json with no message, stack or path in it", async () => {
    for (const reply of [await failing.get("/notes"), await failing.post("/notes", { json: { title: "x" } })]) {
      expectProblem(reply, 500);
      for (const leak of ["ECONNREFUSED", "db-primary", "10.9.8.7", "    at ", process.cwd()]) {
        if (reply.text.includes(leak)) {
          reply.fail(
            `the 500 body shows "${leak.trim()}" from inside the server; log the error, and tell the client only that the server failed`,
            {
              expected: "a generic problem document",
              actual: reply.text,
            },
          );
        }
      }
    }
  });

  test("the error goes to deps.onError instead, and the server keeps serving", async () => {
    expectProblem(await failing.get("/notes"), 500);
    assert.ok(reported.includes(secret), "the server must pass the store's error to deps.onError so an operator can see it");
    broken.heal();
    (await failing.post("/notes", { json: { title: "after" } })).expectStatus(201);
    const items = (await failing.get("/notes")).expectStatus(200).json<{ items: Note[] }>().items;
    assert.equal(items.length, 1, "after the store recovers, the same server must work normally");
  });
});

// The NotesApi contract as one suite of tests. It knows nothing about how an implementation
// works: contract.test.ts runs it against the in-memory fake, the HTTP client talking to the
// real (2.2) server, and the HTTP client talking to the learner's mock server.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeOutcome, fixtures } from "./fixtures.ts";
import { ApiValidationError, type Note, type NotesApi } from "./src/notes-contract.ts";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Register the contract tests for one implementation. `setup` runs inside the describe block (so
 * it may register hooks such as useServer) and returns `make`, which each test calls to get an
 * implementation that already holds the fixture notes n-1 and n-2.
 */
export function notesApiContract(label: string, setup: () => () => NotesApi): void {
  describe(`the NotesApi contract: ${label}`, () => {
    const make = setup();
    test('create() returns the new note with a fresh id, the fields sent, body defaulting to "" and equal ISO times', async () => {
      const api = make();
      const a = await api.create({ title: "milk", body: "two litres" });
      const b = await api.create({ title: "only a title" });
      assert.equal(a.title, "milk", `${label}: create() must return the title it was given`);
      assert.equal(a.body, "two litres", `${label}: create() must return the body it was given`);
      assert.equal(b.body, "", `${label}: a note created without a body has the body ""`);
      assert.ok(typeof a.id === "string" && a.id !== "", `${label}: a created note needs a non-empty string id`);
      assert.notEqual(a.id, b.id, `${label}: two created notes must get different ids`);
      assert.notEqual(a.id, "n-1", `${label}: a new id must not collide with an existing note`);
      assert.match(a.createdAt, ISO, `${label}: createdAt must be an ISO 8601 UTC time like 2024-05-01T10:00:00.000Z`);
      assert.equal(a.updatedAt, a.createdAt, `${label}: a new note has updatedAt equal to createdAt`);
    });

    test("get() returns exactly what create() returned, and the fixtures as they were given", async () => {
      const api = make();
      const created = await api.create({ title: "read me back", body: "b" });
      assert.deepEqual(await api.get(created.id), created, `${label}: get(id) must return the same note create() returned`);
      const [first] = fixtures();
      assert.deepEqual(await api.get("n-1"), first, `${label}: get("n-1") must return fixture n-1 unchanged`);
    });

    test("get() of an id nobody created resolves to null, even when the id holds URL characters", async () => {
      const api = make();
      for (const id of ["no-such-note", "a/b", "?x=1", "n-1/extra", "%zz"]) {
        const got = await api.get(id).catch((e: unknown) => e);
        assert.equal(
          got,
          null,
          `${label}: get(${JSON.stringify(id)}) must resolve to null for a missing note, but ${describeOutcome(got)}`,
        );
      }
    });

    test("update() replaces title and body, keeps id and createdAt, and get() sees the change", async () => {
      const api = make();
      const updated = await api.update("n-1", { title: "buy oat milk" });
      assert.ok(updated, `${label}: update() of an existing note must return the note, not null`);
      assert.equal(updated.id, "n-1", `${label}: update() must keep the id`);
      assert.equal(updated.title, "buy oat milk", `${label}: update() must set the new title`);
      assert.equal(updated.body, "", `${label}: update() replaces like PUT: a body left out becomes ""`);
      assert.equal(updated.createdAt, "2024-05-01T10:00:00.000Z", `${label}: update() must keep createdAt`);
      assert.ok(updated.updatedAt > "2024-05-01T10:00:00.000Z", `${label}: update() must move updatedAt to now`);
      assert.deepEqual(await api.get("n-1"), updated, `${label}: get() after update() must return the updated note`);
    });

    test("update() of a missing note resolves to null and creates nothing", async () => {
      const api = make();
      const got = await api.update("ghost", { title: "x" }).catch((e: unknown) => e);
      assert.equal(got, null, `${label}: update() of a missing note must resolve to null, but ${describeOutcome(got)}`);
      assert.equal(await api.get("ghost"), null, `${label}: update() of a missing note must not create it`);
    });

    test("remove() answers true once, then false, and the note is gone", async () => {
      const api = make();
      assert.equal(await api.remove("n-2"), true, `${label}: remove() of an existing note must resolve to true`);
      assert.equal(await api.get("n-2"), null, `${label}: after remove(), get() must resolve to null`);
      assert.equal(await api.remove("n-2"), false, `${label}: a second remove() of the same note must resolve to false`);
      assert.deepEqual(await api.get("n-1"), fixtures()[0], `${label}: remove() must not touch other notes`);
    });

    test("create() with an invalid note rejects with ApiValidationError naming the field, and creates nothing", async () => {
      const api = make();
      for (const [input, pointer] of [
        [{ title: "" }, "#/title"],
        [{ title: "   " }, "#/title"],
        [{ title: "x".repeat(201) }, "#/title"],
        [{ title: "fine", body: "y".repeat(10_001) }, "#/body"],
      ] as const) {
        const error = await api.create(input).then(
          (note: Note) => note,
          (e: unknown) => e,
        );
        assert.ok(
          error instanceof ApiValidationError,
          `${label}: create(${JSON.stringify(input).slice(0, 40)}…) must reject with ApiValidationError, but ${describeOutcome(error)}`,
        );
        assert.equal(error.problem.status, 422, `${label}: the validation problem must have status 422`);
        const pointers = (error.problem.errors ?? []).map((e) => e.pointer);
        assert.ok(pointers.includes(pointer), `${label}: the problem's errors must name ${pointer}; got ${JSON.stringify(pointers)}`);
      }
    });

    test("update() with an invalid note rejects with ApiValidationError and leaves the note as it was", async () => {
      const api = make();
      const error = await api.update("n-1", { title: "" }).catch((e: unknown) => e);
      assert.ok(
        error instanceof ApiValidationError,
        `${label}: update() with an empty title must reject with ApiValidationError, but ${describeOutcome(error)}`,
      );
      assert.deepEqual(await api.get("n-1"), fixtures()[0], `${label}: a rejected update() must not change the note`);
    });

    test("notes handed out are copies: changing one does not change what get() returns", async () => {
      const api = make();
      const created = await api.create({ title: "original" });
      (created as { title: string }).title = "scribbled on";
      const fixture = await api.get("n-1");
      assert.ok(fixture, `${label}: get("n-1") must find the fixture`);
      (fixture as { body: string }).body = "scribbled on";
      assert.equal(
        (await api.get(created.id))?.title,
        "original",
        `${label}: changing the object create() returned must not change the stored note`,
      );
      assert.equal(
        (await api.get("n-1"))?.body,
        "two litres",
        `${label}: changing the object get() returned must not change the stored note`,
      );
    });
  });
}

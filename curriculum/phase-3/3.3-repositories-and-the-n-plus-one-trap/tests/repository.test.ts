// The repository itself: values that look like SQL stay values, ids that are not UUIDs are
// simply not found, the injected clock and id generator are used, and list() pages in SQL.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { at, byKey, counting, insertNotes, listCalls, nth, outcome, useNotesDatabase, uuid } from "./helpers.ts";
import { createPgNotesApi } from "./src/pg-notes-api.ts";
import type { Note, NoteKey } from "./src/pg-types.ts";

/** Strings a string-built query mangles or chokes on. None holds NUL: Postgres text cannot. */
const ODD_TITLES = [
  "'); DROP TABLE notes;--",
  "Robert'); DELETE FROM notes WHERE ('1'='1",
  "O'Reilly's \"quoted\" ''doubled'' notes",
  String.raw`C:\new\table \' \\ \x41 \u0041 E'\n'`,
  "$1, $2, ?, :name, %s and %%",
  "-- not a comment /* nor this */ ;",
  "naïve café — 日本語 — שלום — 🎉 👩‍💻 𝄞",
  "tab\there\nnewline\r\nand CRLF",
  "  spaces at both ends  ",
  "\u200b zero-width space and \ufeff BOM",
  "NULL",
];

/**
 * 23 notes at only three distinct times, with ids that sort against creation order: notes made
 * later often have smaller ids. Every page boundary then falls inside a group of tied times.
 */
function tiedNotes(): Note[] {
  return Array.from({ length: 23 }, (_, i) => {
    const createdAt = at(Math.floor(i / 8));
    return { id: uuid(((i * 7) % 23) + 1), title: `note ${i}`, body: "", createdAt, updatedAt: createdAt };
  });
}

async function walk(list: (q: { after?: NoteKey; limit?: number }) => Promise<Note[]>, limit: number): Promise<Note[][]> {
  const pages: Note[][] = [];
  let after: NoteKey | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await list(after ? { after, limit } : { limit });
    if (page.length === 0) break;
    pages.push(page);
    const last = nth(page, -1, "last note of the page");
    after = { createdAt: last.createdAt, id: last.id };
  }
  return pages;
}

// One database for the file (a PGlite instance takes a second or two to open), emptied before each test.
describe("the notes repository on Postgres", () => {
  const db = useNotesDatabase();

  describe("values that look like SQL stay values", () => {
    test("odd titles and bodies come back from get() exactly as they went into create()", async () => {
      const api = createPgNotesApi(db());
      for (const title of ODD_TITLES) {
        const body = `${title}\n${[...title].reverse().join("")}`;
        const created = await api.create({ title, body }).catch((e: unknown) => e);
        assert.ok(
          !(created instanceof Error),
          `create({ title: ${JSON.stringify(title)} }) must store the text as it is, but it ${outcome(created)}`,
        );
        const got = await api.get((created as Note).id);
        assert.equal(got?.title, title, `the title ${JSON.stringify(title)} must round-trip verbatim; got ${JSON.stringify(got?.title)}`);
        assert.equal(got?.body, body, `the body of ${JSON.stringify(title)} must round-trip verbatim; got ${JSON.stringify(got?.body)}`);
      }
    });

    test("the table holds the exact text, and a DROP TABLE title drops nothing", async () => {
      const api = createPgNotesApi(db());
      const created = await api.create({ title: "'); DROP TABLE notes;--", body: ODD_TITLES[2] }).catch((e: unknown) => e);
      assert.ok(!(created instanceof Error), `create() with a DROP TABLE title must store it as text, but it ${outcome(created)}`);
      const { rows } = await db().query<{ title: string; body: string; n: string }>(
        "SELECT title, body, (SELECT count(*) FROM notes)::text AS n FROM notes WHERE id = $1",
        [(created as Note).id],
      );
      assert.equal(rows.length, 1, "the note must be a row of the notes table (and the table must still exist)");
      assert.equal(rows[0]?.title, ODD_TITLES[0], "the stored title must be the text itself, with no escaping added");
      assert.equal(rows[0]?.body, ODD_TITLES[2], "the stored body must keep its quotes as they were, not doubled or stripped");
      assert.equal(rows[0]?.n, "1", "creating one note must leave exactly one row in notes");
    });

    test("update() stores odd text verbatim too", async () => {
      const api = createPgNotesApi(db());
      const created = await api.create({ title: "plain" });
      for (const title of ODD_TITLES.slice(0, 4)) {
        const updated = await api.update(created.id, { title, body: title }).catch((e: unknown) => e);
        assert.ok(!(updated instanceof Error), `update() with the title ${JSON.stringify(title)} ${outcome(updated)}`);
        const got = await api.get(created.id);
        assert.equal(got?.title, title, `after update(), get() must return the title ${JSON.stringify(title)} verbatim`);
        assert.equal(got?.body, title, `after update(), get() must return the body ${JSON.stringify(title)} verbatim`);
      }
    });

    test("remove() of an id carrying SQL deletes nothing", async () => {
      const api = createPgNotesApi(db());
      await api.create({ title: "keep me" });
      await api.create({ title: "and me" });
      const sneaky = `${uuid(1)}' OR true OR id = '${uuid(2)}`;
      const removed = await api.remove(sneaky).catch((e: unknown) => e);
      assert.equal(
        removed,
        false,
        `remove(${JSON.stringify(sneaky)}) names no note, so it must resolve to false, but it ${outcome(removed)}`,
      );
      const { rows } = await db().query("SELECT id FROM notes");
      assert.equal(rows.length, 2, "remove() with an id that contains SQL must not delete any note");
    });
  });

  describe("ids that are not UUIDs", () => {
    test("get(), update() and remove() treat a malformed id as not found (SQLSTATE 22P02 is not an answer)", async () => {
      const api = createPgNotesApi(db());
      await api.create({ title: "exists" });
      for (const id of ["n-1", "", "12345", "not a uuid", "00000000-0000-4000-8000-00000000000g", `${uuid(1)}x`]) {
        const got = await api.get(id).catch((e: unknown) => e);
        assert.equal(got, null, `get(${JSON.stringify(id)}) must resolve to null (no note can have that id), but it ${outcome(got)}`);
        const updated = await api.update(id, { title: "x" }).catch((e: unknown) => e);
        assert.equal(updated, null, `update(${JSON.stringify(id)}, …) must resolve to null, but it ${outcome(updated)}`);
        const removed = await api.remove(id).catch((e: unknown) => e);
        assert.equal(removed, false, `remove(${JSON.stringify(id)}) must resolve to false, but it ${outcome(removed)}`);
      }
    });

    test("a well-formed UUID that no note has is not found either", async () => {
      const api = createPgNotesApi(db());
      assert.equal(await api.get(uuid(404)), null, "get() of an unused UUID must resolve to null");
      assert.equal(await api.update(uuid(404), { title: "x" }), null, "update() of an unused UUID must resolve to null");
      assert.equal(await api.remove(uuid(404)), false, "remove() of an unused UUID must resolve to false");
    });
  });

  describe("clock and ids come from the options", () => {
    test("create() uses newId and the clock; update() moves only updatedAt", async () => {
      let now = new Date("2024-06-01T08:00:00.123Z");
      const api = createPgNotesApi(db(), { clock: () => now, newId: () => uuid(7) });
      const created = await api.create({ title: "stamped" });
      assert.deepEqual(
        created,
        { id: uuid(7), title: "stamped", body: "", createdAt: "2024-06-01T08:00:00.123Z", updatedAt: "2024-06-01T08:00:00.123Z" },
        "create() must return exactly the five Note fields, with the id from newId and both times from the clock, milliseconds included",
      );
      now = new Date("2024-06-02T09:30:00.456Z");
      const updated = await api.update(uuid(7), { title: "restamped", body: "b" });
      assert.deepEqual(
        updated,
        { id: uuid(7), title: "restamped", body: "b", createdAt: "2024-06-01T08:00:00.123Z", updatedAt: "2024-06-02T09:30:00.456Z" },
        "update() must keep id and createdAt and take updatedAt from the clock",
      );
    });

    test("a second create() with an id that is taken rejects and leaves the first note alone", async () => {
      const api = createPgNotesApi(db(), { newId: () => uuid(7) });
      const first = await api.create({ title: "first" });
      await assert.rejects(api.create({ title: "second" }), "create() must reject when the id already exists (the primary key says so)");
      assert.deepEqual(await api.get(uuid(7)), first, "the note that had the id first must be unchanged");
    });
  });

  describe("list() pages with a keyset on (created_at, id)", () => {
    test("list() with no arguments returns every note in (createdAt, id) order", async () => {
      const notes = tiedNotes();
      await insertNotes(db(), notes);
      const all = await createPgNotesApi(db()).list();
      assert.deepEqual(
        all.map((n) => n.id),
        [...notes].sort(byKey).map((n) => n.id),
        "list() must return all notes ordered by createdAt, ties broken by id",
      );
      assert.deepEqual(all[0], [...notes].sort(byKey)[0], "list() must return whole notes: the five Note fields");
    });

    test("walking pages of 4 through tied times visits every note once, in order", async () => {
      const notes = tiedNotes();
      await insertNotes(db(), notes);
      const api = createPgNotesApi(db());
      const pages = await walk((q) => api.list(q), 4);
      const seen = pages.flat().map((n) => n.id);
      const expected = [...notes].sort(byKey).map((n) => n.id);
      const dupes = seen.filter((id, i) => seen.indexOf(id) !== i);
      assert.deepEqual(dupes, [], "no note may appear on two pages");
      const missing = expected.filter((id) => !seen.includes(id));
      assert.deepEqual(
        missing,
        [],
        `every note must appear on some page; ${missing.length} were skipped (notes sharing a createdAt with the end of a page?)`,
      );
      assert.deepEqual(seen, expected, "pages must follow (createdAt, id) order across page boundaries");
      assert.ok(
        pages.slice(0, -1).every((p) => p.length === 4),
        "every page but the last must be full",
      );
    });

    test("a page starts strictly after the key it was given, and the last note's key ends the walk", async () => {
      const notes = [...tiedNotes()].sort(byKey);
      await insertNotes(db(), notes);
      const api = createPgNotesApi(db());
      const ninth = nth(notes, 8, "9th note");
      const page = await api.list({ after: { createdAt: ninth.createdAt, id: ninth.id }, limit: 3 });
      assert.deepEqual(
        page.map((n) => n.id),
        notes.slice(9, 12).map((n) => n.id),
        "after the 9th note, a page of 3 is the 10th to 12th",
      );
      const last = nth(notes, -1, "last note");
      assert.deepEqual(
        await api.list({ after: { createdAt: last.createdAt, id: last.id }, limit: 5 }),
        [],
        "nothing comes after the last note",
      );
    });

    test("each page is one query that reads at most limit + 1 rows: the paging happens in SQL", async () => {
      const notes = tiedNotes();
      await insertNotes(db(), notes);
      const spy = counting(db());
      const api = createPgNotesApi(spy.db);
      const sorted = [...notes].sort(byKey);
      const fifth = nth(sorted, 4, "5th note");
      await api.list({ after: { createdAt: fifth.createdAt, id: fifth.id }, limit: 4 });
      assert.equal(spy.calls.length, 1, `one page must take one query; it took ${spy.calls.length}:\n${listCalls(spy.calls)}`);
      const { rows } = nth(spy.calls, 0, "query");
      assert.ok(
        rows <= 5,
        `a page of 4 must not fetch ${rows} rows to filter them in JavaScript: put the keyset condition and LIMIT in the SQL`,
      );
    });
  });
});

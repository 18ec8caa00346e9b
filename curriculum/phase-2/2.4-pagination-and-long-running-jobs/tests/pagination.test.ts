// GET /notes?limit=&cursor= pages through the notes with an opaque keyset cursor. The walks
// here let "another client" write between pages, which is where offset pagination breaks.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { createNote, duplicates, expectProblem, getPage, manualClock, T0, walk } from "./helpers.ts";
import type { Note } from "./src/notes.ts";
import { start } from "./src/notes-server.ts";

const time = manualClock();
const api = useServer(() => {
  time.set(T0);
  return start({ port: 0, deps: { clock: time.clock } });
});

/** `n` notes, one second apart, titled n0, n1, ... */
async function notes(n: number): Promise<Note[]> {
  const made: Note[] = [];
  for (let i = 0; i < n; i++) {
    made.push(await createNote(api, `n${i}`));
    time.advance(1000);
  }
  return made;
}

const titles = (list: readonly Note[]) => list.map((n) => n.title);

describe("GET /notes answers one page at a time", () => {
  test("an empty store answers { items: [], nextCursor: null }", async () => {
    (await api.get("/notes")).expectStatus(200).expectJson({ items: [], nextCursor: null });
  });

  test("the first page holds `limit` notes, oldest first, and a nextCursor", async () => {
    const all = await notes(5);
    const page = await getPage(api, 2, null);
    assert.deepEqual(page.items, all.slice(0, 2), "with limit=2 the first page must be the two oldest notes");
    assert.equal(typeof page.nextCursor, "string", "more notes follow, so nextCursor must be a string");
  });

  test("limit defaults to 20", async () => {
    await notes(25);
    const page = await getPage(api, undefined, null);
    assert.equal(page.items.length, 20, "without ?limit a page must hold 20 notes");
    assert.notEqual(page.nextCursor, null, "25 notes do not fit in one page of 20, so nextCursor must not be null");
  });

  test("following nextCursor visits every note once, in order, for every limit from 1 to 8", async () => {
    const all = await notes(7);
    for (let limit = 1; limit <= 8; limit++) {
      const seen = await walk(api, limit);
      assert.deepEqual(titles(seen), titles(all), `with limit=${limit} the walk must visit n0..n6 once each, in order`);
    }
  });

  test("nextCursor is null on the page that holds the last note, even when that page is full", async () => {
    await notes(4);
    const first = await getPage(api, 2, null);
    const second = await getPage(api, 2, first.nextCursor);
    assert.equal(second.items.length, 2, "the second page of 4 notes with limit=2 must hold 2 notes");
    assert.equal(second.nextCursor, null, "no notes follow the second page, so its nextCursor must be null (fetch limit + 1 rows to know)");
  });

  test("the cursor is opaque base64url: letters, digits, - and _ only", async () => {
    await notes(3);
    const { nextCursor } = await getPage(api, 1, null);
    assert.match(nextCursor ?? "", /^[A-Za-z0-9_-]+$/, "nextCursor must be base64url without padding, safe to put in a URL as-is");
  });
});

describe("bad paging parameters are the client's mistake: 400 problem+json", () => {
  test("limit must be a whole number from 1 to 100", async () => {
    await notes(2);
    (await api.get("/notes?limit=100")).expectStatus(200);
    for (const limit of ["0", "101", "-1", "abc", "2.5", ""]) {
      expectProblem(await api.get(`/notes?limit=${limit}`), 400);
    }
  });

  test("a garbled or forged cursor answers 400, it does not start over", async () => {
    await notes(3);
    const forged = [
      "%%%not-base64%%%",
      Buffer.from("not-a-cursor").toString("base64url"),
      Buffer.from(JSON.stringify({ createdAt: "yesterday", id: 7 })).toString("base64url"),
      Buffer.from("{}").toString("base64url"),
      // Well-formed pairs with impossible values: a decoder must check what is inside, too.
      Buffer.from(JSON.stringify(["yesterday", "x"])).toString("base64url"),
      Buffer.from(JSON.stringify([1, 2])).toString("base64url"),
    ];
    for (const cursor of forged) expectProblem(await api.get(`/notes?limit=2&cursor=${encodeURIComponent(cursor)}`), 400);
  });
});

describe("cursors stay correct while others write", () => {
  test("notes created in the same millisecond are neither skipped nor repeated across pages", async () => {
    // The clock stands still: all five notes share one createdAt, so only the id orders them.
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createNote(api, `tie${i}`));
    for (const limit of [1, 2, 3]) {
      const seen = await walk(api, limit);
      assert.deepEqual(duplicates(seen), [], `with limit=${limit} no note may appear twice`);
      assert.deepEqual(
        new Set(seen.map((n) => n.id)),
        new Set(made.map((n) => n.id)),
        `with limit=${limit} all five tied notes must be listed: a cursor needs createdAt AND id`,
      );
    }
  });

  test("deleting notes already seen does not make the walk skip any", async () => {
    const all = await notes(8);
    const seen = await walk(api, 3, async (page) => {
      for (const note of page.items) (await api.delete(`/notes/${note.id}`)).expectStatus(204);
    });
    assert.deepEqual(titles(seen), titles(all), "every note must be seen once, although each page was deleted after it was read");
  });

  test("a cursor still works after the note it points at is deleted", async () => {
    const all = await notes(4);
    const first = await getPage(api, 2, null);
    (await api.delete(`/notes/${all[1]?.id}`)).expectStatus(204);
    const second = await getPage(api, 2, first.nextCursor);
    assert.deepEqual(titles(second.items), ["n2", "n3"], "the cursor names a position (createdAt, id), not a row that must still exist");
  });

  test("walking while another client inserts and deletes: no duplicates, no pre-existing note skipped", async () => {
    // Ten notes in five pairs that share a createdAt.
    const before: Note[] = [];
    for (let i = 0; i < 10; i++) {
      before.push(await createNote(api, `old${i}`));
      if (i % 2 === 1) time.advance(1000);
    }
    const deleted = new Set<string>();
    let extra = 0;
    const seen = await walk(api, 3, async (page) => {
      // Delete two notes of the page just read, add one note at the very start and one at the end.
      for (const note of page.items.slice(0, 2)) {
        (await api.delete(`/notes/${note.id}`)).expectStatus(204);
        deleted.add(note.id);
      }
      const now = time.clock().toISOString();
      time.set(T0);
      await createNote(api, `new${extra++}`);
      time.set(now);
      time.advance(1000);
      await createNote(api, `new${extra++}`);
    });
    assert.deepEqual(duplicates(seen), [], "no note may appear on two pages");
    const ids = new Set(seen.map((n) => n.id));
    const skipped = before.filter((n) => !ids.has(n.id) && !deleted.has(n.id)).map((n) => n.title);
    assert.deepEqual(skipped, [], "every note that existed before the walk and was not deleted during it must be seen");
  });
});

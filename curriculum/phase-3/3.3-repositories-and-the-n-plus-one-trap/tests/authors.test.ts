// listNotesWithAuthors: the right author on every note, in a fixed number of queries.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { at, byKey, counting, insertNotes, insertUsers, listCalls, nth, useNotesDatabase, uuid } from "./helpers.ts";
import { listNotesWithAuthors } from "./src/pg-notes-api.ts";
import type { Note, NoteWithAuthor, User } from "./src/pg-types.ts";

const ada: User = { id: uuid(0x101), name: "Ada", email: "ada@example.org" };
const grace: User = { id: uuid(0x102), name: "Grace", email: "grace@example.org" };
const linus: User = { id: uuid(0x103), name: "Linus", email: "linus@example.org" };
const barbara: User = { id: uuid(0x104), name: "Barbara", email: "barbara@example.org" };
/** Has an account, has written nothing: must not show up anywhere. */
const idle: User = { id: uuid(0x105), name: "Idle", email: "idle@example.org" };

type Seeded = Note & { authorId: string | null };

function note(n: number, minutes: number, author: User | null): Seeded {
  const createdAt = at(minutes);
  return {
    id: uuid(n),
    title: `note ${n}`,
    body: `by ${author?.name ?? "nobody"}`,
    createdAt,
    updatedAt: createdAt,
    authorId: author?.id ?? null,
  };
}

/** What the function should return for these notes: authored ones, in order, each with its author. */
function expected(notes: readonly Seeded[], users: readonly User[], limit: number): NoteWithAuthor[] {
  return notes
    .filter((n) => n.authorId !== null)
    .sort(byKey)
    .slice(0, limit)
    .map(({ authorId, ...n }) => ({
      ...n,
      author: nth(
        users.filter((u) => u.id === authorId),
        0,
        "author of a seeded note",
      ),
    }));
}

/** 60 authored notes spread over four users (most by Ada), plus 5 that nobody wrote. */
function busyNotes(): Seeded[] {
  const writers = [ada, ada, grace, ada, barbara, linus, ada, grace];
  const notes = Array.from({ length: 60 }, (_, i) => note(200 - i, i, nth(writers, i % writers.length, "writer")));
  for (let i = 0; i < 5; i++) notes.push(note(300 + i, i * 13 + 0.5, null));
  return notes;
}

// One database for the file (a PGlite instance takes a second or two to open), emptied before each test.
describe("listNotesWithAuthors", () => {
  const db = useNotesDatabase();

  test("listNotesWithAuthors(db, 50) issues at most 2 queries, not one per note", async () => {
    const notes = busyNotes();
    await insertUsers(db(), [ada, grace, linus, barbara, idle]);
    await insertNotes(db(), notes);
    const spy = counting(db());
    const got = await listNotesWithAuthors(spy.db, 50);
    assert.equal(got.length, 50, "there are 60 authored notes, so a limit of 50 must return 50");
    assert.ok(
      spy.calls.length >= 1 && spy.calls.length <= 2,
      `50 notes with their authors must take at most 2 queries (a JOIN, or the notes then their authors with = ANY($1)); ` +
        `it took ${spy.calls.length}:\n${listCalls(spy.calls)}`,
    );
  });

  test("returns the first notes in (createdAt, id) order, each with its own author", async () => {
    const notes = busyNotes();
    const users = [ada, grace, linus, barbara, idle];
    await insertUsers(db(), users);
    await insertNotes(db(), notes);
    const got = await listNotesWithAuthors(db(), 50);
    const want = expected(notes, users, 50);
    assert.deepEqual(
      got.map((n) => n.id),
      want.map((n) => n.id),
      "the notes must be the first 50 authored notes in (createdAt, id) order",
    );
    for (const [i, item] of got.entries()) {
      assert.deepEqual(
        item,
        want[i],
        `item ${i} (${item.title}) must be the note's five fields plus author ${JSON.stringify(want[i]?.author)}`,
      );
    }
  });

  test("a note whose author wrote nothing else gets that author, not a neighbour's", async () => {
    // Grace and Linus have one note each, between and after Ada's; Idle has none.
    const notes = [note(1, 0, ada), note(2, 1, grace), note(3, 2, ada), note(4, 3, null), note(5, 4, ada), note(6, 5, linus)];
    const users = [idle, linus, grace, ada];
    await insertUsers(db(), users);
    await insertNotes(db(), notes);
    const got = await listNotesWithAuthors(db(), 10);
    assert.deepEqual(
      got.map((n) => `${n.title} by ${n.author?.name}`),
      ["note 1 by Ada", "note 2 by Grace", "note 3 by Ada", "note 5 by Ada", "note 6 by Linus"],
      "each note must carry the user its author_id points at (match authors by id, not by position)",
    );
    assert.deepEqual(got, expected(notes, users, 10), "each item must be the five Note fields plus the full author { id, name, email }");
  });

  test("notes with no author are left out, the limit is kept, and an empty table gives []", async () => {
    assert.deepEqual(await listNotesWithAuthors(db(), 10), [], "with no notes at all the result must be []");
    const notes = [note(1, 0, null), note(2, 1, grace), note(3, 2, null), note(4, 3, grace), note(5, 4, grace)];
    await insertUsers(db(), [grace]);
    await insertNotes(db(), notes);
    const two = await listNotesWithAuthors(db(), 2);
    assert.deepEqual(
      two.map((n) => n.title),
      ["note 2", "note 4"],
      "a limit of 2 must give the first two notes that have an author",
    );
    const all = await listNotesWithAuthors(db(), 100);
    assert.deepEqual(
      all.map((n) => n.title),
      ["note 2", "note 4", "note 5"],
      "notes whose author_id is NULL must not appear",
    );
  });

  test("the number of queries does not grow with the number of notes or authors", async () => {
    const notes = busyNotes();
    await insertUsers(db(), [ada, grace, linus, barbara, idle]);
    await insertNotes(db(), notes);
    const small = counting(db());
    await listNotesWithAuthors(small.db, 3);
    const large = counting(db());
    await listNotesWithAuthors(large.db, 60);
    assert.equal(
      large.calls.length,
      small.calls.length,
      `3 notes took ${small.calls.length} queries but 60 notes took ${large.calls.length}: the count must be the same for any limit`,
    );
  });
});

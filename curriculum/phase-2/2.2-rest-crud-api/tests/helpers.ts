// Shared by the notes tests: a clock the test moves by hand, a store that fails on demand, and
// checks for problem documents that explain themselves when they fail.
import type { Reply, ServerUnderTest } from "ts-dojo/harness";
import type { Note, NoteStore } from "./src/notes.ts";

export const T0 = "2024-05-01T10:00:00.000Z";

/** A clock that stands still until the test sets or advances it. */
export function manualClock(start = T0) {
  let now = new Date(start);
  return {
    clock: () => new Date(now),
    set(iso: string) {
      now = new Date(iso);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** POST a note and return it; fails the test unless the server answered 201. */
export async function createNote(api: ServerUnderTest, fields: Record<string, unknown>): Promise<Note> {
  const reply = await api.post("/notes", { json: fields });
  reply.expectStatus(201);
  return reply.json<Note>();
}

/** The path of a Location header, whether the server sent it relative or absolute. */
export function locationPath(reply: Reply): string {
  const location = reply.header("location");
  if (!location) return reply.fail("the response has no Location header; a 201 must say where the new resource lives");
  return new URL(location, "http://127.0.0.1").pathname;
}

/** The reply is an RFC 9457 problem document for `status`: right media type, status and title members. */
export function expectProblem(reply: Reply, status: number): Record<string, unknown> {
  reply.expectStatus(status).expectContentType("application/problem+json");
  const doc = reply.json<Record<string, unknown>>();
  if (doc === null || typeof doc !== "object" || doc.status !== status || typeof doc.title !== "string") {
    reply.fail(`a problem document needs "status": ${status} (the same as the HTTP status) and a short "title" string`, {
      expected: { status, title: "(a string)" },
      actual: doc,
    });
  }
  return doc;
}

/** A 422 problem whose errors list names every pointer given (e.g. "#/title"). */
export function expectViolations(reply: Reply, ...pointers: string[]): void {
  const doc = expectProblem(reply, 422);
  const errors = Array.isArray(doc.errors) ? (doc.errors as Array<{ pointer?: unknown }>) : [];
  const named = errors.map((e) => e?.pointer);
  const missing = pointers.filter((p) => !named.includes(p));
  if (missing.length > 0) {
    reply.fail(
      `the 422 problem must list each broken field in "errors" as { "pointer": "#/field", "detail": "..." }; missing ${missing.join(", ")}`,
      {
        expected: pointers.map((pointer) => ({ pointer, detail: "(why)" })),
        actual: doc.errors ?? "(no errors member)",
      },
    );
  }
}

/** A store whose every method rejects with `error` until `heal()` is called; then it delegates to `inner`. */
export function failingStore(inner: NoteStore, error: Error) {
  let broken = true;
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (broken) throw error;
      return fn(...args);
    };
  const store: NoteStore = {
    list: guard((q) => inner.list(q)),
    get: guard((id) => inner.get(id)),
    create: guard((n) => inner.create(n)),
    update: guard((n) => inner.update(n)),
    delete: guard((id) => inner.delete(id)),
  };
  return {
    store,
    heal() {
      broken = false;
    },
  };
}

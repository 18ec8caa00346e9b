// Shared by the 2.4 tests: a hand-driven clock, page walking, a job the test finishes by hand,
// and bounded waits that fail with a message instead of hanging.
import type { Reply, ServerUnderTest } from "ts-dojo/harness";
import type { JobHandler } from "./src/job-runner.ts";
import type { Note } from "./src/notes.ts";

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
export async function createNote(api: ServerUnderTest, title: string): Promise<Note> {
  return (await api.post("/notes", { json: { title } })).expectStatus(201).json<Note>();
}

export interface Page {
  readonly items: Note[];
  readonly nextCursor: string | null;
}

/** GET one page, checking its shape. */
export async function getPage(api: ServerUnderTest, limit: number | undefined, cursor: string | null): Promise<Page> {
  const query = [limit === undefined ? "" : `limit=${limit}`, cursor === null ? "" : `cursor=${encodeURIComponent(cursor)}`].filter(
    Boolean,
  );
  const reply = await api.get(`/notes${query.length ? `?${query.join("&")}` : ""}`);
  reply.expectStatus(200).expectContentType("application/json");
  const page = reply.json<Page>();
  if (!Array.isArray(page?.items) || !(page.nextCursor === null || typeof page.nextCursor === "string")) {
    reply.fail("a page must be { items: Note[], nextCursor: string | null }", {
      expected: { items: "[...]", nextCursor: "string or null" },
      actual: page,
    });
  }
  return page;
}

/**
 * Follow nextCursor from the first page to the last, calling `between` after each page but the
 * last (that is where the tests let "another client" write). Returns every note seen, in order.
 */
export async function walk(api: ServerUnderTest, limit: number, between?: (page: Page) => Promise<void>): Promise<Note[]> {
  const seen: Note[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 60; pages++) {
    const page = await getPage(api, limit, cursor);
    seen.push(...page.items);
    if (page.nextCursor === null) return seen;
    if (between) await between(page);
    cursor = page.nextCursor;
  }
  throw api.http.failure(
    `following nextCursor with limit=${limit} did not reach a page with nextCursor null after 60 pages: the cursor does not move forward`,
  );
}

/** Ids that appear more than once. */
export const duplicates = (notes: readonly Note[]) => notes.map((n) => n.id).filter((id, i, all) => all.indexOf(id) !== i);

/** The problem document for `status`: right media type, and a status member that matches. */
export function expectProblem(reply: Reply, status: number): void {
  reply.expectStatus(status).expectContentType("application/problem+json").expectJsonMatch({ status });
}

/** Resolve once `ready()` holds, checking every few ms; fail naming `what` after ~1 s (this only catches hangs). */
export async function eventually(ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`gave up waiting: ${what}`);
}

export interface RunningJob {
  readonly input: unknown;
  report(progress: number): void;
  resolve(result: { resultUrl: string }): void;
  reject(error: unknown): void;
}

/** A job handler that does nothing until the test calls resolve() or reject() on its run. */
export function handJob() {
  const runs: RunningJob[] = [];
  const handler: JobHandler = (input, report) =>
    new Promise((resolve, reject) => {
      runs.push({ input, report, resolve, reject });
    });
  return {
    handler,
    runs,
    /** The n-th run (0-based), once the runner has started it. */
    async started(n = 0): Promise<RunningJob> {
      await eventually(() => runs.length > n, `the job runner to start job number ${n + 1}`);
      return runs[n] as RunningJob;
    },
  };
}

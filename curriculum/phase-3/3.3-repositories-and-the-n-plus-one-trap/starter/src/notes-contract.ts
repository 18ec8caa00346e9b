// Read-only: a copy of src/notes-contract.ts from task 2.3. Your Postgres implementation keeps
// exactly this contract; the tests run 2.3's contract suite against it unchanged.
/**
 * The contract every notes implementation keeps: the in-memory fake, the HTTP client and (through
 * the client) the mock server in src/notes-api.ts, and later a Postgres version (3.3) and a
 * cached one (4.2). Read-only: the tests are written against exactly these shapes.
 */
import { LIMITS, type Note } from "./notes.ts";

export type { Note } from "./notes.ts";

/** What a caller sends to create or replace a note. The implementation owns id and both times. */
export interface NewNote {
  readonly title: string;
  /** Left out means "" (for update too: it replaces, like PUT). */
  readonly body?: string;
}

/** The port the rest of an application depends on. Nothing in it says HTTP, SQL or Map. */
export interface NotesApi {
  /** A new note with a fresh id and createdAt = updatedAt = now. Rejects with ApiValidationError for an invalid note. */
  create(note: NewNote): Promise<Note>;
  /** The note, or null when there is none with that id. */
  get(id: string): Promise<Note | null>;
  /** Replace title and body (keeping id and createdAt, moving updatedAt); null when there is no such note. */
  update(id: string, note: NewNote): Promise<Note | null>;
  /** true when the note existed and is gone now; false when there was none. */
  remove(id: string): Promise<boolean>;
}

/** An RFC 9457 problem document, as the 2.2 server sends it. */
export interface Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** For 422: one entry per broken field, e.g. { pointer: "#/title", detail: "must not be empty" }. */
  readonly errors?: ReadonlyArray<{ readonly pointer: string; readonly detail: string }>;
}

/** Base of every error a NotesApi rejects with; `status` is the HTTP status when there was one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ApiError";
  }
}

/**
 * The service could not be reached or said it is down (network failure, 502, 503, 504). The
 * caller may retry later; it must never read this as "not found".
 */
export class ApiUnavailableError extends ApiError {
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, status, options);
    this.name = "ApiUnavailableError";
  }
}

/** The note broke a rule (422). `problem.errors` names each broken field. */
export class ApiValidationError extends ApiError {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title, 422);
    this.name = "ApiValidationError";
  }
}

/**
 * The same rules the 2.2 server applies, as a 422 problem document, or null when the note is
 * valid. Share it between your fake and your mock server so they cannot drift from each other.
 */
export function validateNewNote(input: unknown): Problem | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return invalid([{ pointer: "", detail: "the body must be a JSON object" }]);
  }
  const { title, body } = input as Record<string, unknown>;
  const errors: Array<{ pointer: string; detail: string }> = [];
  if (title === undefined) errors.push({ pointer: "#/title", detail: "is required" });
  else if (typeof title !== "string") errors.push({ pointer: "#/title", detail: "must be a string" });
  else if (title.trim() === "") errors.push({ pointer: "#/title", detail: "must not be empty" });
  else if (title.length > LIMITS.titleMax) errors.push({ pointer: "#/title", detail: `must be at most ${LIMITS.titleMax} characters` });
  if (body !== undefined && typeof body !== "string") errors.push({ pointer: "#/body", detail: "must be a string" });
  else if (typeof body === "string" && body.length > LIMITS.bodyMax) {
    errors.push({ pointer: "#/body", detail: `must be at most ${LIMITS.bodyMax} characters` });
  }
  return errors.length > 0 ? invalid(errors) : null;
}

const invalid = (errors: Array<{ pointer: string; detail: string }>): Problem => ({
  type: "about:blank",
  title: "Unprocessable Content",
  status: 422,
  detail: "The note is not valid.",
  errors,
});

// Read-only: the reference solution of task 2.2, copied here unchanged except for this header and
// one import path. The tests start it with a NoteStore that lives in Postgres (src/pg-note-store.ts)
// to show that the HTTP code needs no change when storage moves. Do not edit: verify uses this copy.
/**
 * A notes API on node:http: /notes and /notes/:id with honest status codes and
 * application/problem+json errors (RFC 9457). The routing table is data, so 405 answers and
 * their Allow header come from the same place as the handlers and cannot drift apart.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Running } from "ts-dojo/kit";
import { LIMITS, type Note, type NoteStore } from "../notes.ts";
import { createMemoryStore } from "./memory-store.ts";

export interface Deps {
  /** Where notes live (default: a fresh in-memory store). */
  readonly store?: NoteStore;
  /** The time stamped on createdAt and updatedAt (default: the system clock). */
  readonly clock?: () => Date;
  /** Where unexpected errors are reported; never the client (default: console.error). */
  readonly onError?: (error: unknown) => void;
}

interface Ctx {
  readonly store: NoteStore;
  readonly now: () => string;
}

/** An error the client caused, answered as a problem document with this status. */
class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string) => Promise<void>;

/** Start the notes API; resolves once it listens. */
export async function start(opts: { port?: number; deps?: Deps } = {}): Promise<Running> {
  const ctx: Ctx = {
    store: opts.deps?.store ?? createMemoryStore(),
    now: () => (opts.deps?.clock ?? (() => new Date()))().toISOString(),
  };
  const onError = opts.deps?.onError ?? ((error: unknown) => console.error("notes-server: unhandled error", error));

  const server = createServer((req, res) => {
    route(req, res, ctx).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof Problem) return problem(res, error);
      // The details go to the operator's log; the client learns only that it was not its fault.
      onError(error);
      problem(res, new Problem(500, "Internal Server Error", "The server failed to handle this request."));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // close() alone waits for keep-alive connections to time out; idle ones can go now.
        server.closeIdleConnections();
      }),
  };
}

const collection: Record<string, Handler> = { GET: listNotes, HEAD: listNotes, POST: createNote };
const item: Record<string, Handler> = { GET: readNote, HEAD: readNote, PUT: replaceNote, PATCH: patchNote, DELETE: deleteNote };

async function route(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  const match = /^\/notes(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match) throw new Problem(404, "Not Found", `There is no resource at ${pathname}.`);
  const id = match[1] === undefined ? "" : decodeId(match[1]);
  const table = match[1] === undefined ? collection : item;
  const handler = table[req.method ?? ""];
  if (!handler) {
    const allow = Object.keys(table).join(", ");
    throw new Problem(405, "Method Not Allowed", `${req.method} is not supported here; use ${allow}.`, {}, { allow });
  }
  await handler(req, res, ctx, id);
}

async function listNotes(_req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  json(res, 200, { items: await ctx.store.list() });
}

async function createNote(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const fields = validate(await readJson(req, ["application/json"]), "replace");
  const now = ctx.now();
  const note: Note = { id: randomUUID(), title: fields.title ?? "", body: fields.body ?? "", createdAt: now, updatedAt: now };
  await ctx.store.create(note);
  json(res, 201, note, { location: `/notes/${encodeURIComponent(note.id)}` });
}

async function readNote(_req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string): Promise<void> {
  json(res, 200, await existing(ctx, id));
}

/** PUT replaces: every client-owned field takes the value sent, or its default when left out. */
async function replaceNote(req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string): Promise<void> {
  const fields = validate(await readJson(req, ["application/json"]), "replace");
  const old = await existing(ctx, id);
  const note: Note = { ...old, title: fields.title ?? "", body: fields.body ?? "", updatedAt: ctx.now() };
  if (!(await ctx.store.update(note))) throw notFound(id);
  json(res, 200, note);
}

/** PATCH merges: only the fields sent change. */
async function patchNote(req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string): Promise<void> {
  const fields = validate(await readJson(req, ["application/json", "application/merge-patch+json"]), "merge");
  const old = await existing(ctx, id);
  const note: Note = { ...old, ...fields, updatedAt: ctx.now() };
  if (!(await ctx.store.update(note))) throw notFound(id);
  json(res, 200, note);
}

async function deleteNote(_req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.delete(id))) throw notFound(id);
  res.writeHead(204).end();
}

async function existing(ctx: Ctx, id: string): Promise<Note> {
  const note = await ctx.store.get(id);
  if (!note) throw notFound(id);
  return note;
}

/** The id from the path; a broken %-escape cannot name a note, so it is a 404 rather than a crash. */
function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new Problem(404, "Not Found", "There is no note with that id.");
  }
}

const notFound = (id: string) => new Problem(404, "Not Found", `There is no note with id ${id}.`);

const MAX_BODY_BYTES = 64 * 1024;

/** The request body parsed as JSON: 415 for another media type, 413 when huge, 400 when unparseable. */
async function readJson(req: IncomingMessage, accepted: readonly string[]): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!accepted.includes(type)) {
    // RFC 5789 asks a PATCH that is refused for its media type to name the ones that work.
    const headers: Record<string, string> = req.method === "PATCH" ? { "accept-patch": accepted.join(", ") } : {};
    throw new Problem(415, "Unsupported Media Type", `Send the body as ${accepted.join(" or ")}.`, {}, headers);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Problem(413, "Content Too Large", `The body may be at most ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Problem(400, "Bad Request", "The body is not valid JSON.");
  }
}

interface Violation {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * The client-owned fields of a parsed body. "replace" (POST, PUT) requires a title; "merge"
 * (PATCH) checks only what is present. Every broken rule is reported at once, as a 422.
 */
function validate(input: unknown, mode: "replace" | "merge"): { title?: string; body?: string } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalid([{ pointer: "", detail: "the body must be a JSON object" }]);
  }
  const { title, body } = input as Record<string, unknown>;
  const errors: Violation[] = [];
  if (title === undefined) {
    if (mode === "replace") errors.push({ pointer: "#/title", detail: "is required" });
  } else if (typeof title !== "string") errors.push({ pointer: "#/title", detail: "must be a string" });
  else if (title.trim() === "") errors.push({ pointer: "#/title", detail: "must not be empty" });
  else if (title.length > LIMITS.titleMax) errors.push({ pointer: "#/title", detail: `must be at most ${LIMITS.titleMax} characters` });
  if (body !== undefined && typeof body !== "string") errors.push({ pointer: "#/body", detail: "must be a string" });
  else if (typeof body === "string" && body.length > LIMITS.bodyMax) {
    errors.push({ pointer: "#/body", detail: `must be at most ${LIMITS.bodyMax} characters` });
  }
  if (errors.length > 0) throw invalid(errors);
  // Only the fields we own come through: an id or createdAt in the body is ignored.
  return { ...(title === undefined ? {} : { title: title as string }), ...(body === undefined ? {} : { body: body as string }) };
}

const invalid = (errors: Violation[]) => new Problem(422, "Unprocessable Content", "The note is not valid.", { errors });

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, "application/json", value, headers);
}

function problem(res: ServerResponse, p: Problem): void {
  const doc = { type: "about:blank", title: p.title, status: p.status, detail: p.detail, ...p.extra };
  send(res, p.status, "application/problem+json", doc, p.headers);
}

function send(res: ServerResponse, status: number, type: string, value: unknown, headers: Record<string, string>): void {
  const body = Buffer.from(JSON.stringify(value));
  // For HEAD, node:http drops the body but keeps these headers, which is what HEAD promises.
  res.writeHead(status, { ...headers, "content-type": type, "content-length": body.length }).end(body);
}

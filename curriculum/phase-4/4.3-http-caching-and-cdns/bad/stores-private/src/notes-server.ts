/**
 * A notes resource that lets the network cache it: GET /notes/:id carries a strong ETag and
 * Cache-Control, answers 304 to a matching If-None-Match, and PUT /notes/:id honours If-Match
 * and If-None-Match so two editors cannot silently overwrite each other.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Running } from "ts-dojo/kit";
import { DEMO_NOTES, type Note } from "./notes.ts";

export interface NotesServerOptions {
  readonly port?: number;
  /** The notes the server starts with (default: DEMO_NOTES). */
  readonly notes?: readonly Note[];
  /** How long a GET response stays fresh in any cache, in seconds (default 60). */
  readonly maxAgeSec?: number;
  /** Only the user's own browser may store responses, never a shared cache (default false). */
  readonly private?: boolean;
}

interface Ctx {
  readonly notes: Map<string, Note>;
  readonly maxAgeSec: number;
  readonly private: boolean;
}

/** Start the notes server; resolves once it listens. */
export async function start(opts: NotesServerOptions = {}): Promise<Running> {
  const ctx: Ctx = {
    notes: new Map((opts.notes ?? DEMO_NOTES).map((n) => [n.id, { ...n }])),
    maxAgeSec: opts.maxAgeSec ?? 60,
    private: opts.private ?? false,
  };
  const server = createServer((req, res) => {
    handle(req, res, ctx).catch((error: unknown) => {
      console.error("notes-server:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("internal error");
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
        server.closeIdleConnections();
      }),
  };
}

/** Route: /notes/:id answers GET and PUT; everything else is 404 or 405. */
async function handle(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const match = /^\/notes\/([^/]+)$/.exec(path);
  if (!match?.[1]) return sendText(res, 404, "no such resource");
  const id = decodeURIComponent(match[1]);
  if (req.method === "GET") return getNote(req, res, ctx, id);
  if (req.method === "PUT") return putNote(req, res, ctx, id);
  res.setHeader("allow", "GET, PUT");
  return sendText(res, 405, "only GET and PUT");
}

/** GET /notes/:id: 404, 304 (the client's copy is current) or 200 with the note. */
function getNote(req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string): void {
  const note = ctx.notes.get(id);
  // Preconditions only apply when the answer would otherwise be a success (RFC 9110 13.2.1),
  // so a missing note is a 404 whatever If-None-Match says.
  if (!note) {
    sendText(res, 404, "no such note");
    return;
  }
  const body = representation(note);
  const etag = etagOf(body);
  const cacheControl = ctx.private ? `private, max-age=${ctx.maxAgeSec}` : `max-age=${ctx.maxAgeSec}`;
  const headers = { etag, "cache-control": cacheControl };
  const inm = req.headers["if-none-match"];
  if (inm !== undefined && matchesAny(inm, etag, "weak")) {
    // 304 stands in for the 200 the cache already holds: same validators and caching rules,
    // so the cache can refresh its copy; no body, the cache has that.
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "content-type": "application/json" }).end(body);
}

/** PUT /notes/:id: replace (200) or create (201), unless a precondition fails (412). */
async function putNote(req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string): Promise<void> {
  const input = await readNoteInput(req);
  if (!input) return sendText(res, 400, 'the body must be JSON: { "title": string, "body": string }');
  const current = ctx.notes.get(id);
  const currentTag = current ? etagOf(representation(current)) : undefined;

  // If-Match: write only over the version the client read. Strong comparison, because a
  // write needs the exact bytes the client saw; a weak tag can never prove that.
  const ifMatch = req.headers["if-match"];
  if (ifMatch !== undefined && (currentTag === undefined || !matchesAny(ifMatch, currentTag, "strong"))) {
    return sendText(res, 412, "the note changed since you read it (or does not exist): GET it again");
  }
  // If-None-Match on a write: "*" means "create only"; a tag means "not if it is still this one".
  const inm = req.headers["if-none-match"];
  if (inm !== undefined && currentTag !== undefined && matchesAny(inm, currentTag, "weak")) {
    return sendText(res, 412, "the note already exists in that version");
  }

  const note: Note = { id, title: input.title, body: input.body };
  ctx.notes.set(id, note);
  const body = representation(note);
  res.writeHead(current ? 200 : 201, { "content-type": "application/json", etag: etagOf(body) }).end(body);
}

/** The exact bytes a GET sends; the ETag is a function of these and nothing else. */
function representation(note: Note): string {
  return JSON.stringify({ id: note.id, title: note.title, body: note.body });
}

/**
 * A strong ETag: a quoted hash of the representation. Equal bytes give equal tags on every
 * server and after every restart; any change gives a new one.
 */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Entity tags in a header: `"a", W/"b"` → [{ weak: false, opaque: '"a"' }, { weak: true, opaque: '"b"' }]. */
function parseTags(header: string): Array<{ weak: boolean; opaque: string }> {
  // A tag is W/ (optional) plus a quoted string; matching them, rather than splitting on commas,
  // also copes with commas inside the quotes.
  return [...header.matchAll(/(W\/)?("[^"]*")/g)].map((m) => ({ weak: m[1] !== undefined, opaque: m[2] ?? "" }));
}

/**
 * Does a precondition header name the current strong `etag`? "*" matches any current
 * representation. Weak comparison ignores W/ on either side; strong needs both tags strong.
 */
export function matchesAny(header: string, etag: string, comparison: "weak" | "strong"): boolean {
  if (header.trim() === "*") return true;
  return parseTags(header).some((tag) => tag.opaque === etag && (comparison === "weak" || !tag.weak));
}

/** The PUT body, or null when it is not JSON with a string title and body. */
async function readNoteInput(req: IncomingMessage): Promise<{ title: string; body: string } | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (value === null || typeof value !== "object") return null;
    const { title, body } = value as Record<string, unknown>;
    return typeof title === "string" && typeof body === "string" ? { title, body } : null;
  } catch {
    return null;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
}

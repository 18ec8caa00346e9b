/**
 * A notes resource that lets the network cache it. Routing, the server's lifecycle and body
 * parsing are written for you; the caching semantics are yours. Read the README for the
 * contract: which headers a GET carries, when to answer 304, and when a PUT gets 412.
 */
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

/**
 * GET /notes/:id: 404 when there is no such note; otherwise the note's representation with
 * ETag and Cache-Control, or 304 when If-None-Match names the current version (or is "*").
 */
function getNote(req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string): void {
  throw new Error("TODO: answer 404, 304 (no body, but ETag and Cache-Control) or 200 with the note");
}

/**
 * PUT /notes/:id: replace the note (200) or create it (201), answering the new representation
 * with its ETag. If-Match that does not name the current version → 412; If-None-Match that
 * does → 412. Check the preconditions before you change anything.
 */
async function putNote(req: IncomingMessage, res: ServerResponse, ctx: Ctx, id: string): Promise<void> {
  const input = await readNoteInput(req);
  if (!input) return sendText(res, 400, 'the body must be JSON: { "title": string, "body": string }');
  throw new Error("TODO: check If-Match and If-None-Match, then store { id, ...input } and answer 200 or 201 with its ETag");
}

/** The exact bytes a GET sends; the ETag must be a function of these and nothing else. */
function representation(note: Note): string {
  return JSON.stringify({ id: note.id, title: note.title, body: note.body });
}

/** A strong ETag for a representation: a double-quoted string that changes whenever `body` does. */
export function etagOf(body: string): string {
  throw new Error("TODO: hash the representation (node:crypto) and wrap the result in double quotes");
}

/**
 * Does a precondition header (`"a", W/"b"` or `*`) name the current strong `etag`? Weak
 * comparison ignores a W/ prefix; strong comparison never matches a weak tag.
 */
export function matchesAny(header: string, etag: string, comparison: "weak" | "strong"): boolean {
  throw new Error('TODO: handle *, then parse the list of (W/)"..." tags and compare each with etag');
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

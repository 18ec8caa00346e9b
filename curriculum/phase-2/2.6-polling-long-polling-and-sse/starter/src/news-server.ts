/**
 * A news feed that clients can follow three ways: short polling, long polling and
 * Server-Sent Events. Everything lives in memory. See README.md, "The exercise".
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Running } from "ts-dojo/kit";

export interface Message {
  /** 1 for the first message, then 2, 3, …; never reused. */
  id: number;
  text: string;
}

/**
 * Starts the server on 127.0.0.1 and `opts.port` (0 = any free port) and resolves once it listens.
 *
 *   POST /messages                          { text } → 201 { id, text }
 *   GET  /messages?after=N                  200 { messages: every message with id > N }
 *   GET  /messages/wait?after=N&timeoutMs=T 200 { messages } as soon as any exist, or 204 after T ms
 *   GET  /events                            text/event-stream; `id:` per event; honours Last-Event-ID
 *   GET  /debug/stats                       200 { waiters, sseClients }
 *
 * close() answers every held long poll with 204, ends every event stream, clears every timer
 * and resolves once the server has stopped.
 */
export async function start(opts: { port?: number } = {}): Promise<Running> {
  throw new Error("TODO: implement start (see README.md, 'The exercise')");
}

// Helpers you may use (or replace).

/** Answers `status` with `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** The request body parsed as JSON, or undefined when it is not JSON (or the client went away). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}

/** "42" → 42; undefined for anything that is not a plain non-negative integer ("-1", "x", "1.5"). */
export function nonNegativeInt(raw: string | null | undefined): number | undefined {
  return raw != null && /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

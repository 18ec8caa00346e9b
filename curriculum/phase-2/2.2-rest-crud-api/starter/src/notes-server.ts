/**
 * The notes API: /notes and /notes/:id over node:http. Read the README for the contract: which
 * status code each situation gets, and the shape of the problem documents for errors.
 *
 * The server's lifecycle (listen, close) is written for you; the HTTP semantics are yours.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Running } from "ts-dojo/kit";
import { createMemoryStore } from "./memory-store.ts";
import type { NoteStore } from "./notes.ts";

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
  readonly clock: () => Date;
  readonly onError: (error: unknown) => void;
}

/** Start the notes API; resolves once it listens. */
export async function start(opts: { port?: number; deps?: Deps } = {}): Promise<Running> {
  const ctx: Ctx = {
    store: opts.deps?.store ?? createMemoryStore(),
    clock: opts.deps?.clock ?? (() => new Date()),
    onError: opts.deps?.onError ?? ((error: unknown) => console.error("notes-server:", error)),
  };
  const server = createServer((req, res) => {
    handle(req, res, ctx).catch((error: unknown) => internalError(res, error, ctx));
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

/** Answer one request: route by path, then by method, then do the work. */
async function handle(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  throw new Error(`TODO: route ${req.method} ${req.url}: /notes (GET, POST) and /notes/:id (GET, PUT, PATCH, DELETE)`);
}

/** The last resort, for errors handle() did not turn into an answer itself. */
function internalError(res: ServerResponse, error: unknown, ctx: Ctx): void {
  // TODO: this placeholder shows the error to the client, which a real server must never do.
  // Report it with ctx.onError and answer a 500 problem document that says nothing internal.
  res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
}

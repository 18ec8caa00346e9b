/**
 * A tiny CDN edge: a reverse proxy in front of one origin that keeps the GET responses a
 * shared cache may keep, serves them while fresh without asking the origin, and revalidates
 * them with a conditional request once they go stale. The lifecycle and the plumbing
 * (origin-client.ts) are written for you; the caching decisions are yours.
 */
import { Agent, createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Running } from "ts-dojo/kit";
import { endToEnd, fetchFromOrigin, type OriginResponse, readBody } from "./origin-client.ts";

export interface EdgeCacheOptions {
  /** The origin's base URL, e.g. "http://127.0.0.1:4001". */
  readonly origin: string;
  readonly port?: number;
  /** The most responses kept at once; every Vary variant counts as one. The least recently used goes first. */
  readonly maxEntries: number;
  /** The clock freshness is measured on, in milliseconds (default Date.now). */
  readonly now?: () => number;
}

interface Ctx {
  readonly opts: EdgeCacheOptions;
  readonly now: () => number;
  /** Keep-alive connections to the origin; close() destroys it. */
  readonly agent: Agent;
  // TODO: your store. One way: a Map from cache key to an entry holding status, headers, body,
  // when it was stored and how long it stays fresh (a Map remembers insertion order, which is
  // all an LRU needs), plus, per URL, the header names its responses Vary by.
}

/** Start the edge cache; resolves once it listens. */
export async function startEdgeCache(opts: EdgeCacheOptions): Promise<Running> {
  const ctx: Ctx = { opts, now: opts.now ?? Date.now, agent: new Agent({ keepAlive: true }) };
  const server = createServer((req, res) => {
    handle(req, res, ctx).catch(() => {
      // The origin could not be reached or broke off: that is a gateway failure.
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("bad gateway");
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
        ctx.agent.destroy();
      }),
  };
}

/**
 * One request. Anything but GET passes straight through. A GET is looked up by URL and by the
 * request's values of the headers the stored response Varies by; fresh → serve it with Age;
 * stale with an ETag → ask the origin with If-None-Match (304: serve the stored body and start
 * a new lifetime); otherwise fetch, store if allowed, and pass the answer on.
 */
async function handle(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const path = req.url ?? "/";
  const headers = endToEnd(req.headers);
  if (req.method !== "GET") {
    const body = await readBody(req);
    return send(res, await fetchFromOrigin(ctx.agent, ctx.opts.origin, { method: req.method ?? "GET", path, headers, body }));
  }
  throw new Error("TODO: look up, serve fresh, revalidate stale, or fetch and store");
}

/** `max-age=60, Private` → Map { "max-age" → "60", "private" → true }. */
export function parseCacheControl(value: string | undefined): Map<string, string | true> {
  throw new Error("TODO: split on commas, then each directive on its first =; names are case-insensitive");
}

/** Write a response: the origin's (or a stored) status, headers and body, plus Age when given (whole seconds). */
function send(res: ServerResponse, answer: OriginResponse, ageSec?: number): void {
  const headers: Record<string, string> = { ...answer.headers, "content-length": String(answer.body.length) };
  if (ageSec !== undefined) headers.age = String(ageSec);
  res.writeHead(answer.status, headers).end(answer.body);
}

/**
 * A tiny CDN edge: a reverse proxy in front of one origin that keeps GET responses the origin
 * allows a shared cache to keep, serves them while fresh without asking the origin, and
 * revalidates them with a conditional request once they go stale.
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

/** One stored response: what the origin said, and when we got it. */
interface Entry {
  readonly status: number;
  headers: Record<string, string>;
  readonly body: Buffer;
  /** opts.now() when the response arrived or was last revalidated. */
  storedAt: number;
  /** How long it stays fresh, from storedAt. */
  lifetimeMs: number;
}

interface Ctx {
  readonly opts: EdgeCacheOptions;
  readonly now: () => number;
  readonly agent: Agent;
  /** Stored responses; Map order is recency (oldest first), which makes LRU eviction cheap. */
  readonly entries: Map<string, Entry>;
  /** The Vary header names last seen for each URL: part of the key of that URL's entries. */
  readonly varyBy: Map<string, string[]>;
}

/** Start the edge cache; resolves once it listens. */
export async function startEdgeCache(opts: EdgeCacheOptions): Promise<Running> {
  const ctx: Ctx = {
    opts,
    now: opts.now ?? Date.now,
    agent: new Agent({ keepAlive: true }),
    entries: new Map(),
    varyBy: new Map(),
  };
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
        // Our own keep-alive connections to the origin would otherwise stay open.
        ctx.agent.destroy();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const path = req.url ?? "/";
  const headers = endToEnd(req.headers);
  if (req.method !== "GET") {
    // Only GET is cached here; everything else passes straight through.
    const body = await readBody(req);
    return send(res, await fetchFromOrigin(ctx.agent, ctx.opts.origin, { method: req.method ?? "GET", path, headers, body }));
  }

  const key = cacheKey(path, ctx.varyBy.get(path) ?? [], headers);
  const stored = ctx.entries.get(key);
  const now = ctx.now();
  if (stored) {
    // Touch: move to the most recently used end.
    ctx.entries.delete(key);
    ctx.entries.set(key, stored);
    const ageMs = now - stored.storedAt;
    // Fresh while age < lifetime (RFC 9111 4.2): at exactly max-age the response is stale.
    if (ageMs <= stored.lifetimeMs) return send(res, stored, Math.floor(ageMs / 1000));
    const etag = stored.headers.etag;
    if (etag !== undefined) {
      const answer = await fetchFromOrigin(ctx.agent, ctx.opts.origin, {
        method: "GET",
        path,
        headers: { ...headers, "if-none-match": etag },
      });
      if (answer.status === 304) {
        // Still valid: keep our body, take the origin's new headers, start a new lifetime.
        stored.headers = { ...stored.headers, ...answer.headers };
        stored.lifetimeMs = freshnessMs(stored.headers["cache-control"]) ?? 0;
        stored.storedAt = now;
        return send(res, stored, 0);
      }
      return storeAndSend(res, ctx, path, headers, answer, now);
    }
  }
  const answer = await fetchFromOrigin(ctx.agent, ctx.opts.origin, { method: "GET", path, headers });
  return storeAndSend(res, ctx, path, headers, answer, now);
}

/** Keep the origin's answer if a shared cache may, then pass it on. */
function storeAndSend(
  res: ServerResponse,
  ctx: Ctx,
  path: string,
  reqHeaders: Record<string, string>,
  answer: OriginResponse,
  now: number,
): void {
  const vary = varyNames(answer.headers.vary);
  const lifetimeMs = answer.status === 200 && vary !== null ? freshnessMs(answer.headers["cache-control"]) : undefined;
  // Whatever we held for this request is replaced or, if the new answer may not be stored, dropped.
  ctx.entries.delete(cacheKey(path, ctx.varyBy.get(path) ?? [], reqHeaders));
  if (lifetimeMs !== undefined && vary !== null) {
    ctx.varyBy.set(path, vary);
    ctx.entries.set(cacheKey(path, vary, reqHeaders), {
      status: answer.status,
      headers: answer.headers,
      body: answer.body,
      storedAt: now,
      lifetimeMs,
    });
    while (ctx.entries.size > ctx.opts.maxEntries) {
      const oldest = ctx.entries.keys().next();
      if (oldest.done) break;
      ctx.entries.delete(oldest.value);
    }
  }
  send(res, answer);
}

/**
 * How long a shared cache may serve this response without asking, in ms; undefined when it
 * must not store it at all. s-maxage is meant for shared caches and wins over max-age;
 * no-cache means "store, but check every time", which is a lifetime of 0.
 */
function freshnessMs(cacheControl: string | undefined): number | undefined {
  const directives = parseCacheControl(cacheControl);
  if (directives.has("no-store") || directives.has("private")) return undefined;
  if (directives.has("no-cache")) return 0;
  const seconds = directives.get("s-maxage") ?? directives.get("max-age");
  if (typeof seconds !== "string" || !/^\d+$/.test(seconds)) return undefined;
  return Number(seconds) * 1000;
}

/** `max-age=60, Private` → Map { "max-age" → "60", "private" → true }. */
export function parseCacheControl(value: string | undefined): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (const part of (value ?? "").split(",")) {
    const [name = "", arg] = part.split("=", 2).map((s) => s.trim());
    if (name) out.set(name.toLowerCase(), arg === undefined ? true : arg.replace(/^"(.*)"$/, "$1"));
  }
  return out;
}

/** Lower-case header names from Vary, sorted; null for `Vary: *` (no two requests are alike: never store). */
function varyNames(vary: string | undefined): string[] | null {
  const names = (vary ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return names.includes("*") ? null : names.sort();
}

/** The URL plus the request's value of every header the response varies by. */
function cacheKey(path: string, vary: readonly string[], headers: Record<string, string>): string {
  return JSON.stringify([path, ...vary.map((name) => [name, headers[name] ?? ""])]);
}

function send(res: ServerResponse, answer: Pick<OriginResponse, "status" | "headers" | "body">, ageSec?: number): void {
  const headers: Record<string, string> = { ...answer.headers, "content-length": String(answer.body.length) };
  if (ageSec !== undefined) headers.age = String(ageSec);
  res.writeHead(answer.status, headers).end(answer.body);
}

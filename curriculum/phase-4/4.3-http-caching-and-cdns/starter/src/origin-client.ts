/**
 * Plumbing for the edge cache, written for you and read-only: forward one request to the
 * origin and collect the whole answer, and read a request body. The caching decisions are
 * yours, in edge-cache.ts.
 */
import { type Agent, type IncomingHttpHeaders, type IncomingMessage, request } from "node:http";

/** A complete response from the origin. Header names are lower-case; repeated headers are joined with ", ". */
export interface OriginResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/**
 * Headers that describe one connection, not the message: a proxy must not pass them on
 * (RFC 9110 section 7.6.1). content-length goes too, because whoever sends a body sets it.
 */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "content-length",
  "host",
]);

/** `headers` without hop-by-hop fields, as plain strings. */
export function endToEnd(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/**
 * Send one request to the origin (base URL such as "http://127.0.0.1:4001") and wait for the
 * whole response. `headers` are sent as given (pass `endToEnd(req.headers)` plus anything you
 * add, such as if-none-match). Rejects when the origin cannot be reached.
 */
export function fetchFromOrigin(
  agent: Agent,
  origin: string,
  req: { readonly method: string; readonly path: string; readonly headers: Record<string, string>; readonly body?: Buffer },
): Promise<OriginResponse> {
  const base = new URL(origin);
  return new Promise((resolve, reject) => {
    const out = request(
      { host: base.hostname, port: base.port, method: req.method, path: req.path, headers: req.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 502, headers: endToEnd(res.headers), body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    out.on("error", reject);
    out.end(req.body);
  });
}

/** The whole request body (empty for a GET). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A very small HTTP layer over node:http, so the payments code can be plain functions from a
 * request to a response: easy to wrap (withIdempotency is such a wrapper) and easy to store,
 * because a response here is just data. Read-only in this task.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Running } from "ts-dojo/kit";

/** A request as a handler sees it: the server has already read the whole body. */
export interface ApiRequest {
  /** Upper case, e.g. "POST". */
  readonly method: string;
  /** The request target as sent, path and query: "/payments" or "/payments?dry=1". */
  readonly path: string;
  /** Header names in lower case; a header sent twice is joined with ", ". */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body as UTF-8 text, "" when there was none. */
  readonly body: string;
}

/** A complete answer. Handlers return one; an idempotency store keeps one to replay it. */
export interface StoredResponse {
  readonly status: number;
  /** Lower-case names, e.g. { "content-type": "application/json", location: "/payments/pay_1" }. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type Handler = (req: ApiRequest) => Promise<StoredResponse>;

/** An RFC 9457 problem document as a response, with any extra headers (e.g. retry-after). */
export function problem(status: number, title: string, detail: string, headers: Record<string, string> = {}): StoredResponse {
  return {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
    body: JSON.stringify({ type: "about:blank", title, status, detail }),
  };
}

export interface ServeOptions {
  readonly port?: number;
  /** "METHOD /path" → handler, e.g. "POST /payments". The path is matched exactly, without the query. */
  readonly routes: Readonly<Record<string, Handler>>;
  /** Where a handler's exception is reported; the client only sees a generic 500. */
  readonly onError?: (error: unknown) => void;
  /** Runs once the server has closed: release what the handlers hold (a Redis connection). */
  readonly onClose?: () => Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

/** Listen on 127.0.0.1 and answer with the routes; resolves once listening. */
export async function serve(opts: ServeOptions): Promise<Running> {
  const onError = opts.onError ?? ((error: unknown) => console.error("payments-server:", error));
  const server = createServer((req, res) => {
    answer(req, opts.routes).then(
      (response) => send(res, response),
      (error: unknown) => {
        onError(error);
        send(res, problem(500, "Internal Server Error", "The server could not finish this request."));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      await opts.onClose?.();
    },
  };
}

async function answer(req: IncomingMessage, routes: ServeOptions["routes"]): Promise<StoredResponse> {
  const method = (req.method ?? "GET").toUpperCase();
  const target = req.url ?? "/";
  const { pathname } = new URL(target, "http://localhost");
  const allowed = Object.keys(routes)
    .filter((route) => route.slice(route.indexOf(" ") + 1) === pathname)
    .map((route) => route.slice(0, route.indexOf(" ")));
  const body = await readBody(req);
  if (allowed.length === 0) return problem(404, "Not Found", `There is no resource at ${pathname}.`);
  const handler = routes[`${method} ${pathname}`];
  if (!handler) return problem(405, "Method Not Allowed", `${pathname} answers ${allowed.join(", ")}.`, { allow: allowed.join(", ") });
  if (body === undefined) return problem(413, "Content Too Large", `A request body may hold at most ${MAX_BODY_BYTES} bytes.`);
  return handler({ method, path: target, headers: flatten(req.headers), body });
}

/** The whole body as text, or undefined when it is larger than MAX_BODY_BYTES (read and dropped). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString("utf8") : undefined;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function send(res: ServerResponse, response: StoredResponse): void {
  // The client may be gone (a cut connection); there is no one left to answer.
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, { ...response.headers, "content-length": String(Buffer.byteLength(response.body)) });
  res.end(response.body);
}

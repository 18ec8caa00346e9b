// An HTTP/1.1 server written on node:net: the parser finds message boundaries in a byte
// stream, the serializer writes responses, and the server ties them to connections.
import { STATUS_CODES } from "node:http";
import { createServer, type Socket } from "node:net";
import type { Running } from "ts-dojo/kit";

/** One parsed request. Header names are lower-cased; a repeated header keeps every value, in order. */
export interface RawRequest {
  method: string;
  target: string;
  version: "HTTP/1.0" | "HTTP/1.1";
  headers: Map<string, string[]>;
  body: Buffer;
}

export interface Limits {
  /** Largest head (request line + header lines + the blank line) in bytes. Default 8192. */
  maxHeaderBytes?: number;
  /** Largest Content-Length accepted. Default 1_048_576 (1 MiB). */
  maxBodyBytes?: number;
}

export type ParseResult =
  | { kind: "incomplete" }
  | { kind: "error"; status: 400 | 413 | 431 | 501 | 505 }
  | { kind: "request"; request: RawRequest; consumed: number };

export interface RawResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Handler = (request: RawRequest) => Promise<RawResponse> | RawResponse;

export const DEFAULT_LIMITS = { maxHeaderBytes: 8192, maxBodyBytes: 1_048_576 } as const;

const CRLF = "\r\n";
const HEAD_END = Buffer.from("\r\n\r\n");
// RFC 9110 "token": the characters allowed in a method and a header name.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Finds the first complete request at the start of `buf`, or says why there is none (yet). */
export function parseRequest(buf: Buffer, limits: Limits = {}): ParseResult {
  const maxHeaderBytes = limits.maxHeaderBytes ?? DEFAULT_LIMITS.maxHeaderBytes;
  const maxBodyBytes = limits.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes;

  const headEnd = buf.indexOf(HEAD_END);
  if (headEnd === -1) {
    // No blank line yet. If the bytes so far already exceed the limit, waiting cannot help:
    // a client that never sends the blank line must not make us buffer forever.
    return buf.length > maxHeaderBytes ? error(431) : { kind: "incomplete" };
  }
  const headBytes = headEnd + HEAD_END.length;
  if (headBytes > maxHeaderBytes) return error(431);

  // latin1 maps each byte to one character, so no byte sequence can fail to decode.
  const [startLine = "", ...lines] = buf.toString("latin1", 0, headEnd).split(CRLF);
  const parts = startLine.split(" ");
  if (parts.length !== 3) return error(400);
  const [method = "", target = "", versionText = ""] = parts;
  if (!TOKEN.test(method) || target === "") return error(400);
  if (versionText !== "HTTP/1.0" && versionText !== "HTTP/1.1") {
    return error(/^HTTP\/\d(\.\d)?$/.test(versionText) ? 505 : 400);
  }
  const version = versionText;

  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    // No colon, an empty name, whitespace before the colon and folded lines (a leading space)
    // all leave the name outside the token alphabet.
    const name = line.slice(0, colon);
    if (colon <= 0 || !TOKEN.test(name)) return error(400);
    const key = name.toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(key, [...(headers.get(key) ?? []), value]);
  }

  // HTTP/1.1 demands exactly one Host; 1.0 predates it.
  const hosts = headers.get("host") ?? [];
  if (hosts.length > 1 || (version === "HTTP/1.1" && hosts.length === 0)) return error(400);
  // We only know Content-Length framing; any transfer coding is "not implemented".
  if (headers.has("transfer-encoding")) return error(501);

  const lengths = headers.get("content-length") ?? [];
  let length = 0;
  if (lengths.length > 0) {
    const distinct = new Set(lengths.flatMap((v) => v.split(",").map((s) => s.trim())));
    const [only = ""] = distinct;
    if (distinct.size !== 1 || !/^\d+$/.test(only)) return error(400);
    length = Number(only);
  }
  // Refuse as soon as the head says the body is too big, before any of it arrives.
  if (length > maxBodyBytes) return error(413);
  // The server only parses once the client has finished sending, so the rest is the body.
  const body = Buffer.from(buf.subarray(headBytes));
  return { kind: "request", request: { method, target, version, headers, body }, consumed: buf.length };
}

function error(status: 400 | 413 | 431 | 501 | 505): ParseResult {
  return { kind: "error", status };
}

/** The bytes of one HTTP/1.1 response; Content-Length is always computed from the body. */
export function serializeResponse(res: RawResponse): Buffer {
  // 1xx and 204 must not carry a body or a Content-Length (RFC 9110 §8.6); 304 has no body
  // either, and leaving its Content-Length out is allowed.
  const bodyless = res.status === 204 || res.status === 304 || res.status < 200;
  const body = bodyless ? Buffer.alloc(0) : Buffer.from(res.body ?? "");
  let head = `HTTP/1.1 ${res.status} ${STATUS_CODES[res.status] ?? "Unknown"}${CRLF}`;
  for (const [name, value] of Object.entries(res.headers ?? {})) {
    // The handler's own Content-Length may be wrong (string length instead of bytes); ours is not.
    if (name.toLowerCase() !== "content-length") head += `${name}: ${value}${CRLF}`;
  }
  if (!bodyless) head += `Content-Length: ${body.length}${CRLF}`;
  return Buffer.concat([Buffer.from(head + CRLF, "latin1"), body]);
}

/** Answers every request with what the server understood, as JSON. Used when no handler is given. */
export const echoHandler: Handler = (req) => ({
  status: 200,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ method: req.method, target: req.target, bodyLength: req.body.length }),
});

/** Listens on `port` (0 = any free port) and serves each connection with `handler`. */
export function startRawServer(opts: { port?: number; handler?: Handler } = {}): Promise<Running> {
  const handler = opts.handler ?? echoHandler;
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveConnection(socket, handler);
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // server.close() only stops accepting; it waits for open connections, and an
            // idle keep-alive connection may stay open for ever. End them ourselves.
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}

/** Collects the whole request, then answers once the client has finished sending. */
function serveConnection(socket: Socket, handler: Handler): void {
  const chunks: Buffer[] = [];
  socket.on("error", () => {});
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  // When the client ends its side, everything it wanted to send is here.
  socket.on("end", async () => {
    const parsed = parseRequest(Buffer.concat(chunks));
    if (parsed.kind !== "request") {
      const status = parsed.kind === "error" ? parsed.status : 400;
      socket.end(serializeResponse({ status, headers: { Connection: "close" } }));
      return;
    }
    const res = await answer(handler, parsed.request);
    socket.end(serializeResponse({ ...res, headers: { ...res.headers, Connection: "close" } }));
  });
}

/** HTTP/1.1 keeps the connection unless told "close"; HTTP/1.0 closes unless told "keep-alive". */
function wantsKeepAlive(req: RawRequest): boolean {
  const tokens = (req.headers.get("connection") ?? []).flatMap((v) =>
    v
      .toLowerCase()
      .split(",")
      .map((t) => t.trim()),
  );
  if (tokens.includes("close")) return false;
  return req.version === "HTTP/1.1" || tokens.includes("keep-alive");
}

/** The handler's response, or a 500 if it throws: one bad request must not take the connection down. */
async function answer(handler: Handler, req: RawRequest): Promise<RawResponse> {
  try {
    return await handler(req);
  } catch {
    return { status: 500, headers: { "Content-Type": "text/plain" }, body: "internal error" };
  }
}

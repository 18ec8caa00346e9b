/**
 * A raw TCP client for tests that must control the bytes: a request written one byte at a
 * time, two requests pipelined in one write, a connection dropped mid-body. Reads are kept
 * in one buffer so a test can wait for "a full HTTP response" or "the socket closed".
 */
import { connect, type Socket } from "node:net";
import { HarnessFailure } from "./failure.js";
import { Waiters } from "./waiters.js";

export interface RawConnection {
  readonly socket: Socket;
  /** Everything received so far. */
  received(): Buffer;
  write(data: string | Buffer): Promise<void>;
  /** Write `data` in pieces of `chunk` bytes with `delayMs` between them, as a slow client would. */
  writeSlowly(data: string | Buffer, opts?: { chunk?: number; delayMs?: number }): Promise<void>;
  /** Resolve once `predicate(received)` holds; fail after `timeoutMs` showing what did arrive. */
  waitFor(predicate: (received: Buffer) => boolean, what: string, timeoutMs?: number): Promise<Buffer>;
  /** Wait for one complete HTTP/1.1 response (Content-Length or chunked body) and remove it from the buffer. */
  readResponse(timeoutMs?: number): Promise<RawResponse>;
  /** Resolves when the peer has closed the connection. */
  closed(timeoutMs?: number): Promise<void>;
  end(): void;
  destroy(): void;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Map<string, string>;
  readonly body: Buffer;
  readonly raw: string;
}

export function rawConnect(port: number, host = "127.0.0.1"): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host });
    let buf = Buffer.alloc(0);
    let ended = false;
    const waiters = new Waiters();
    const poke = () => waiters.poke();
    socket.on("data", (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      poke();
    });
    socket.on("close", () => {
      ended = true;
      poke();
    });
    socket.on("error", () => {});
    socket.once("connect", () => resolve(conn));
    socket.once("error", (e) => reject(new HarnessFailure({ message: `could not connect to 127.0.0.1:${port}: ${e.message}` })));

    const waitFor = (predicate: (b: Buffer) => boolean, what: string, timeoutMs = 3000) =>
      waiters.wait(() => (predicate(buf) ? buf : undefined), {
        what,
        timeoutMs,
        closed: () => (ended ? "the connection closed" : undefined),
        context: () => shown(buf),
      });

    const conn: RawConnection = {
      socket,
      received: () => buf,
      write: (data) => new Promise((ok) => socket.write(data, () => ok())),
      async writeSlowly(data, opts = {}) {
        const bytes = Buffer.from(data);
        const step = opts.chunk ?? 1;
        for (let i = 0; i < bytes.length && !socket.destroyed; i += step) {
          await conn.write(bytes.subarray(i, i + step));
          await new Promise((r) => setTimeout(r, opts.delayMs ?? 2));
        }
      },
      waitFor,
      async readResponse(timeoutMs) {
        await waitFor((b) => completeResponse(b) !== undefined, "complete HTTP response", timeoutMs);
        const size = completeResponse(buf) ?? 0;
        const raw = buf.subarray(0, size);
        buf = buf.subarray(size);
        return parseResponse(raw);
      },
      closed: (timeoutMs = 3000) => waitFor(() => ended, "close of the connection by the server", timeoutMs).then(() => undefined),
      end: () => socket.end(),
      destroy: () => socket.destroy(),
    };
  });
}

/** Length of the first complete response in `b`, or undefined while it is still arriving. */
function completeResponse(b: Buffer): number | undefined {
  const headEnd = b.indexOf("\r\n\r\n");
  if (headEnd === -1) return undefined;
  const head = b.subarray(0, headEnd).toString("latin1");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1]);
  // 1xx, 204 and 304 never have a body.
  if (status < 200 || status === 204 || status === 304) return headEnd + 4;
  if (/\r\ntransfer-encoding:[^\r]*chunked/i.test(head)) return chunkedEnd(b, headEnd + 4);
  const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
  return b.length >= headEnd + 4 + length ? headEnd + 4 + length : undefined;
}

/** Where a chunked body starting at `at` ends (after the last chunk and trailers), if it has arrived. */
function chunkedEnd(b: Buffer, at: number): number | undefined {
  let i = at;
  for (;;) {
    const lineEnd = b.indexOf("\r\n", i);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(b.subarray(i, lineEnd).toString("latin1"), 16);
    if (Number.isNaN(size)) return lineEnd + 2;
    if (size === 0) {
      const end = b.indexOf("\r\n\r\n", lineEnd);
      return end === -1 ? undefined : end + 4;
    }
    i = lineEnd + 2 + size + 2;
    if (b.length < i) return undefined;
  }
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  for (;;) {
    const lineEnd = body.indexOf("\r\n", i);
    const size = lineEnd === -1 ? 0 : Number.parseInt(body.subarray(i, lineEnd).toString("latin1"), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    i = lineEnd + 2 + size + 2;
  }
}

function parseResponse(raw: Buffer): RawResponse {
  const headEnd = raw.indexOf("\r\n\r\n");
  const [start = "", ...lines] = raw.subarray(0, headEnd).toString("latin1").split("\r\n");
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const rest = raw.subarray(headEnd + 4);
  const body = /chunked/i.test(headers.get("transfer-encoding") ?? "") ? dechunk(rest) : rest;
  return { status: Number(start.split(" ")[1]), headers, body, raw: raw.toString("latin1") };
}

function shown(b: Buffer): string {
  if (b.length === 0) return "received: nothing";
  const text = b.toString("latin1");
  return `received (${b.length} bytes):\n${JSON.stringify(text.length > 800 ? `${text.slice(0, 800)}…` : text)}`;
}

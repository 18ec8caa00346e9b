// An HTTP/1.1 server on raw TCP. Read README.md first: it gives the exact rules the tests check.
// Run the tests with `npx ts-dojo verify 2.1-http-from-tcp`; start the server by hand with
// `npx ts-dojo run 2.1-http-from-tcp --port 4000` and talk to it with curl or nc.
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

/** Finds the first complete request at the start of `buf`, or says why there is none (yet). */
export function parseRequest(buf: Buffer, limits: Limits = {}): ParseResult {
  throw new Error("TODO: implement parseRequest()");
}

/** The bytes of one HTTP/1.1 response; Content-Length is always computed from the body. */
export function serializeResponse(res: RawResponse): Buffer {
  throw new Error("TODO: implement serializeResponse()");
}

/** Answers every request with what the server understood, as JSON. Used when no handler is given. */
export const echoHandler: Handler = (req) => {
  throw new Error("TODO: answer 200 with JSON { method, target, bodyLength }");
};

/** Listens on `port` (0 = any free port) and serves each connection with `handler` (default: echoHandler). */
export function startRawServer(opts: { port?: number; handler?: Handler } = {}): Promise<Running> {
  throw new Error("TODO: implement startRawServer() with createServer from node:net");
}

/**
 * A WebSocket test client on the `ws` package that queues what arrives, so a test can say
 * "the next message is…" or "a message like this arrives within 2 s" without races, and can
 * check how the server closed the connection.
 */
import type WebSocket from "ws";
import { HarnessFailure } from "./failure.js";
import { Waiters } from "./waiters.js";

export interface WsClient {
  readonly socket: WebSocket;
  send(message: unknown): void;
  /** The next message (JSON-parsed when it parses), waiting up to timeoutMs. */
  next<T = unknown>(timeoutMs?: number): Promise<T>;
  /** Skip messages until one satisfies `predicate`. */
  waitFor<T = unknown>(predicate: (m: T) => boolean, what: string, timeoutMs?: number): Promise<T>;
  /** Fail if any message arrives within `ms`. */
  expectSilence(ms: number): Promise<void>;
  /** Resolves with the close code and reason once the connection has closed. */
  closed(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  close(): void;
  /** Drop the TCP connection without a close frame, as a crashed client or a lost network would. */
  drop(): void;
}

export async function wsConnect(url: string, opts: { timeoutMs?: number } = {}): Promise<WsClient> {
  // Loaded on first use, so HTTP-only suites do not pay for it.
  const { default: Client } = await import("ws");
  const socket = new Client(url);
  const inbox: unknown[] = [];
  const waiters = new Waiters();
  let closedWith: { code: number; reason: string } | undefined;
  const poke = () => waiters.poke();
  socket.on("message", (data, isBinary) => {
    const text = isBinary ? undefined : data.toString();
    let value: unknown = data;
    if (text !== undefined) {
      try {
        value = JSON.parse(text);
      } catch {
        value = text;
      }
    }
    inbox.push(value);
    poke();
  });
  socket.on("close", (code, reason) => {
    closedWith = { code, reason: reason.toString() };
    poke();
  });
  socket.on("error", () => {});

  const wait = <T>(take: () => T | undefined, what: string, timeoutMs: number) =>
    waiters.wait(take, { what, timeoutMs, closed: () => (closedWith ? `the connection closed (code ${closedWith.code})` : undefined) });

  const client: WsClient = {
    socket,
    send: (m) => socket.send(typeof m === "string" || Buffer.isBuffer(m) ? m : JSON.stringify(m)),
    next: <T>(timeoutMs = 2000) => wait<T>(() => (inbox.length ? (inbox.shift() as T) : undefined), "message", timeoutMs),
    waitFor: <T>(predicate: (m: T) => boolean, what: string, timeoutMs = 2000) =>
      wait<T>(
        () => {
          while (inbox.length) {
            const m = inbox.shift() as T;
            if (predicate(m)) return m;
          }
          return undefined;
        },
        what,
        timeoutMs,
      ),
    expectSilence: (ms) =>
      new Promise((resolve, reject) => {
        setTimeout(
          () =>
            inbox.length ? reject(new HarnessFailure({ message: `expected no message, got ${JSON.stringify(inbox[0])}` })) : resolve(),
          ms,
        );
      }),
    closed: (timeoutMs = 2000) => wait(() => closedWith, "close", timeoutMs),
    close: () => socket.close(),
    drop: () => socket.terminate(),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new HarnessFailure({ message: `WebSocket to ${url} did not open within ${opts.timeoutMs ?? 2000} ms` }));
    }, opts.timeoutMs ?? 2000);
    socket.once("open", () => {
      clearTimeout(timer);
      resolve(client);
    });
    socket.once("unexpected-response", (req, res) => {
      clearTimeout(timer);
      // ws leaves the refused request's connection open; a test must not leak it.
      req.destroy();
      res.destroy();
      reject(new HarnessFailure({ message: `the server answered the WebSocket upgrade with HTTP ${res.statusCode} instead of 101` }));
    });
    socket.once("error", (e) => {
      clearTimeout(timer);
      reject(new HarnessFailure({ message: `WebSocket to ${url} failed: ${e.message}` }));
    });
  });
}

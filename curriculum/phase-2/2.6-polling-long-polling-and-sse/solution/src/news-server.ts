/**
 * A news feed that clients can follow three ways: by asking (short polling), by asking and
 * waiting (long polling), or by keeping one response open that the server writes events to
 * (Server-Sent Events). Everything lives in memory.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { finished } from "node:stream";
import type { Running } from "ts-dojo/kit";

export interface Message {
  /** 1 for the first message, then 2, 3, …; never reused. */
  id: number;
  text: string;
}

/** A long poll the server is holding: who is waiting, for what, and the timer that ends it. */
interface Waiter {
  after: number;
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

const DEFAULT_WAIT_MS = 25_000;
const MAX_WAIT_MS = 60_000;

/** Starts the news server; resolves once it listens. */
export async function start(opts: { port?: number } = {}): Promise<Running> {
  const messages: Message[] = [];
  const waiters = new Set<Waiter>();
  const streams = new Set<ServerResponse>();

  // Ids are 1, 2, 3, … and never reused, so "everything after n" is the tail of the array.
  const since = (after: number): Message[] => messages.slice(after);

  /** Ends a held long poll exactly once, whatever ended it: a message, the timeout or close(). */
  function release(w: Waiter, answer: (res: ServerResponse) => void): void {
    if (!waiters.delete(w)) return;
    clearTimeout(w.timer);
    answer(w.res);
  }

  function publish(text: string): Message {
    const message = { id: messages.length + 1, text };
    messages.push(message);
    // Only waiters that asked for something before this id have news now.
    for (const w of waiters) if (message.id > w.after) release(w, (res) => sendJson(res, 200, { messages: since(w.after) }));
    for (const res of streams) writeEvent(res, message);
    return message;
  }

  function longPoll(res: ServerResponse, after: number, timeoutMs: number): void {
    const ready = since(after);
    // A client that missed messages between two polls gets them at once, not on the next publish.
    if (ready.length > 0) {
      sendJson(res, 200, { messages: ready });
      return;
    }
    const w: Waiter = { after, res, timer: setTimeout(() => release(w, noNews), timeoutMs) };
    waiters.add(w);
    // "close" fires when the response is finished or when the client went away first. In the
    // second case nobody will read the answer: forget the waiter and stop its timer now, or
    // both live on until the timeout (and every abandoned poll adds one more).
    res.on("close", () => release(w, () => {}));
  }

  function subscribe(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    // Send the head now: the client's EventSource reports "open" only when it arrives.
    res.flushHeaders();
    // Last-Event-ID is the last event the client *has*: replay strictly after it.
    const last = nonNegativeInt(header(req, "last-event-id"));
    if (last !== undefined) for (const m of since(last)) writeEvent(res, m);
    streams.add(res);
    res.on("close", () => streams.delete(res));
  }

  let closing = false;
  const server = createServer((req, res) => {
    // A keep-alive connection may still send a request while close() runs: do not start
    // holding anything that close() has already swept.
    if (closing) return void res.writeHead(503, { connection: "close" }).end();
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case "POST /messages":
        return void readJson(req).then((body) => {
          const text = (body as { text?: unknown } | undefined)?.text;
          if (typeof text !== "string" || text.trim() === "") {
            return sendJson(res, 400, { error: "body must be JSON { text: non-empty string }" });
          }
          sendJson(res, 201, publish(text));
        });
      case "GET /messages": {
        const after = query(url, "after", 0);
        if (after === undefined) return sendJson(res, 400, { error: "after must be a non-negative integer" });
        return sendJson(res, 200, { messages: since(after) });
      }
      case "GET /messages/wait": {
        const after = query(url, "after", 0);
        const timeoutMs = query(url, "timeoutMs", DEFAULT_WAIT_MS);
        if (after === undefined || timeoutMs === undefined || timeoutMs < 1 || timeoutMs > MAX_WAIT_MS) {
          return sendJson(res, 400, { error: `after must be an integer >= 0 and timeoutMs an integer from 1 to ${MAX_WAIT_MS}` });
        }
        return longPoll(res, after, timeoutMs);
      }
      case "GET /events":
        return subscribe(req, res);
      case "GET /debug/stats":
        return sendJson(res, 200, { waiters: waiters.size, sseClients: streams.size });
      default:
        return sendJson(res, 404, { error: `no route for ${route}` });
    }
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      // server.close() only stops new connections and waits for the open ones. Held requests
      // never finish by themselves: answer every long poll with 204 and end every stream.
      const ending: Promise<void>[] = [];
      for (const w of waiters) release(w, (res) => ending.push(finish(res, noNews)));
      for (const res of streams) ending.push(finish(res, (r) => r.end()));
      streams.clear();
      await Promise.all(ending);
      // Those responses leave keep-alive connections behind; now that they are idle, drop them.
      server.closeIdleConnections();
      await closed;
    },
  };
}

function writeEvent(res: ServerResponse, m: Message): void {
  res.write(`id: ${m.id}\ndata: ${JSON.stringify(m)}\n\n`);
}

function noNews(res: ServerResponse): void {
  res.writeHead(204).end();
}

/** Runs `answer` on `res` and resolves once the response is done with, sent or broken off. */
function finish(res: ServerResponse, answer: (res: ServerResponse) => void): Promise<void> {
  return new Promise<void>((done) => {
    finished(res, () => done());
    answer(res);
  });
}

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
    return undefined; // not JSON, or the client went away mid-body
  }
}

/** A query parameter as a non-negative integer: `fallback` when absent, undefined when malformed. */
function query(url: URL, name: string, fallback: number): number | undefined {
  const raw = url.searchParams.get(name);
  return raw === null ? fallback : nonNegativeInt(raw);
}

/** "42" → 42; undefined for anything that is not a plain non-negative integer ("-1", "x", "1.5"). */
export function nonNegativeInt(raw: string | null | undefined): number | undefined {
  return raw != null && /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

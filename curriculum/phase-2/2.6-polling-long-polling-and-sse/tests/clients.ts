// Clients the harness's request helper cannot be: an SSE reader that sees events as they
// arrive, a long poll that may end without a response, and a stats poller with a bounded
// number of tries. Every one uses its own connection (agent: false) and can be destroyed,
// so no test leaves a socket behind.
import { get, type IncomingHttpHeaders } from "node:http";
import type { ServerUnderTest } from "ts-dojo/harness";

/** One dispatched Server-Sent Event; `id` is the id field of its own block, if it had one. */
export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

export interface EventStream {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Every event dispatched so far, in order. */
  readonly events: SseEvent[];
  /** The ids of the events so far, as numbers. */
  ids(): number[];
  /** Resolves once `events.length >= n`; fails after `timeoutMs`, listing what did arrive. */
  waitForEvents(n: number, what: string, timeoutMs?: number): Promise<SseEvent[]>;
  /** Resolves to true once the server ended the response or closed the connection, false after `timeoutMs`. */
  ended(timeoutMs?: number): Promise<boolean>;
  /** Drop the connection abruptly, as a closed laptop lid would. */
  destroy(): void;
}

/** GET /events; resolves when the response head arrives (the server must send it at once). */
export function openEvents(port: number, headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = get({ host: "127.0.0.1", port, path: "/events", headers: { accept: "text/event-stream", ...headers }, agent: false });
    const headTimer = setTimeout(() => {
      req.destroy();
      reject(new Error("GET /events sent no response head within 2 s: write the head at once (res.flushHeaders() after writeHead)"));
    }, 2000);
    req.on("error", (e) => {
      clearTimeout(headTimer);
      reject(new Error(`GET /events failed: ${e.message}`));
    });
    req.on("response", (res) => {
      clearTimeout(headTimer);
      const events: SseEvent[] = [];
      const pokes = new Set<() => void>();
      const poke = () => {
        for (const p of pokes) p();
      };
      let over = false;
      let pending = "";
      let block: { id?: string; event?: string; data: string[] } = { data: [] };
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        pending += chunk;
        const lines = pending.split(/\r\n|\r|\n/);
        pending = lines.pop() ?? "";
        for (const line of lines) {
          if (line === "") {
            // A blank line dispatches the block; a block without data lines is no event (the SSE spec).
            if (block.data.length > 0) events.push({ id: block.id, event: block.event, data: block.data.join("\n") });
            block = { data: [] };
          } else if (!line.startsWith(":")) {
            const colon = line.indexOf(":");
            const field = colon === -1 ? line : line.slice(0, colon);
            let value = colon === -1 ? "" : line.slice(colon + 1);
            if (value.startsWith(" ")) value = value.slice(1);
            if (field === "data") block.data.push(value);
            else if (field === "id") block.id = value;
            else if (field === "event") block.event = value;
          }
        }
        poke();
      });
      const finish = () => {
        over = true;
        poke();
      };
      res.on("end", finish);
      res.on("close", finish);
      res.on("error", finish);

      const wait = (ready: () => boolean, timeoutMs: number) =>
        new Promise<boolean>((done) => {
          const check = () => {
            if (ready()) stop(true);
          };
          const timer = setTimeout(() => stop(false), timeoutMs);
          const stop = (ok: boolean) => {
            clearTimeout(timer);
            pokes.delete(check);
            done(ok);
          };
          pokes.add(check);
          check();
        });

      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        ids: () => events.map((e) => Number(e.id)),
        async waitForEvents(n, what, timeoutMs = 2000) {
          if (await wait(() => events.length >= n || over, timeoutMs)) {
            if (events.length >= n) return events;
          }
          throw new Error(
            `expected ${what} on the event stream; ${over ? "the stream ended" : `waited ${timeoutMs} ms`} after ` +
              `${events.length} event(s): ${JSON.stringify(events)}`,
          );
        },
        ended: (timeoutMs = 2000) => wait(() => over, timeoutMs),
        destroy: () => req.destroy(),
      });
    });
  });
}

export type PollOutcome = { kind: "response"; status: number; body: string } | { kind: "closed" };

export interface HeldRequest {
  /** The response, or "closed" when the connection ended without one. */
  readonly outcome: Promise<PollOutcome>;
  /** Whether `outcome` has settled yet. */
  settled(): boolean;
  destroy(): void;
}

/** A GET on its own connection that may be answered, or cut off, at any later time. */
export function hold(port: number, path: string): HeldRequest {
  let settled = false;
  const req = get({ host: "127.0.0.1", port, path, agent: false });
  const outcome = new Promise<PollOutcome>((resolve) => {
    const done = (o: PollOutcome) => {
      if (settled) return;
      settled = true;
      resolve(o);
    };
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => done({ kind: "response", status: res.statusCode ?? 0, body }));
      // Fires after "end" too; by then the outcome is settled and this changes nothing.
      res.on("close", () => done({ kind: "closed" }));
    });
    req.on("error", () => done({ kind: "closed" }));
    req.on("close", () => {
      if (!answered) done({ kind: "closed" });
    });
  });
  return { outcome, settled: () => settled, destroy: () => req.destroy() };
}

export interface Stats {
  waiters: number;
  sseClients: number;
}

/** GET /debug/stats on a fresh connection (not recorded: polling it would flood the replay). */
export function readStats(port: number): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const req = get({ host: "127.0.0.1", port, path: "/debug/stats", agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => {
        try {
          resolve(JSON.parse(body) as Stats);
        } catch {
          reject(new Error(`GET /debug/stats answered ${res.statusCode} with a body that is not JSON: ${body.slice(0, 200)}`));
        }
      });
    });
    req.on("error", reject);
  });
}

/**
 * Reads /debug/stats until `ready(stats)` holds, up to `tries` times 10 ms apart; fails with
 * `what` and the last stats seen. Counting is how the tests know the server holds a request.
 */
export async function statsUntil(api: ServerUnderTest, ready: (s: Stats) => boolean, what: string, tries = 200): Promise<Stats> {
  let last: Stats | undefined;
  for (let i = 0; i < tries; i++) {
    last = await readStats(api.port);
    if (ready(last)) return last;
    await sleep(10);
  }
  throw api.http.failure(
    `GET /debug/stats never showed ${what} (read it ${tries} times, 10 ms apart); the last read was ${JSON.stringify(last)}`,
  );
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

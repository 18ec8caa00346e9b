// A test-owned origin for the edge cache: plain node:http, answers set per path by the test,
// and a log of every request that reached it. Counting those requests is how the tests see
// whether the edge answered from its store.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export interface Answer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export type Route = (req: Seen) => Answer;

export interface TestOrigin {
  readonly url: string;
  /** Every request the origin received, oldest first. */
  readonly seen: Seen[];
  /** Answer requests for exactly this path (query included) with `route`. */
  route(path: string, route: Route): void;
  /** How many requests for this path reached the origin. */
  count(path: string): number;
  close(): Promise<void>;
}

export async function startTestOrigin(): Promise<TestOrigin> {
  const routes = new Map<string, Route>();
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const request: Seen = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers };
    seen.push(request);
    req.resume();
    req.on("end", () => {
      const route = routes.get(request.path);
      const answer: Answer = route ? route(request) : { status: 404, body: "no route in the test origin" };
      const status = answer.status ?? 200;
      const base: Record<string, string> = status === 304 ? {} : { "content-type": "text/plain" };
      res.writeHead(status, { ...base, ...answer.headers }).end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    route: (path, route) => routes.set(path, route),
    count: (path) => seen.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The edge's keep-alive connections to us end here, whatever the edge did with them.
        server.closeAllConnections();
      }),
  };
}

/**
 * A resource with one current version: answers 200 with `body`, `cache-control` and `etag`,
 * or 304 (same headers, no body) when If-None-Match names the current etag. The test changes
 * `state` to publish a new version.
 */
export function versioned(state: { body: string; etag: string; cacheControl: string; vary?: string }): Route {
  return (req) => {
    const headers: Record<string, string> = { "cache-control": state.cacheControl, etag: state.etag };
    if (state.vary) headers.vary = state.vary;
    if (req.headers["if-none-match"] === state.etag) return { status: 304, headers };
    return { status: 200, headers, body: state.body };
  };
}

/** A clock the test moves by hand, in milliseconds. */
export function manualClock(start = 1_700_000_000_000) {
  let t = start;
  return {
    now: () => t,
    reset: () => {
      t = start;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

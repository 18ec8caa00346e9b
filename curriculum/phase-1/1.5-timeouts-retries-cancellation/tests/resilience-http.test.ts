// Fault tests against a real HTTP server on 127.0.0.1. Real clocks here, so deadlines are short
// and nothing asserts how long anything took; the tests count requests and closed connections.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { TimeoutError } from "./src/errors.ts";
import { retry, withTimeout } from "./src/resilience.ts";

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** Transient failures: the gateway and availability statuses, and our own deadline. */
const transient = (error: unknown): boolean =>
  error instanceof TimeoutError || (error instanceof HttpError && [502, 503, 504].includes(error.status));

/** GET `url` with node:http, honouring `signal`; rejects with HttpError on a status >= 400. */
function get(url: string, signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    // agent: false gives every request its own connection, closed afterwards, so nothing lingers.
    const req = http.get(url, { signal, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        if (status >= 400) reject(new HttpError(status));
        else resolve(body);
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

interface TestServer {
  url: string;
  requests: number;
  /** Requests whose connection closed before the server answered them. */
  abandoned: number;
  /** Resolves once `abandoned` reaches n, or after `capMs` so a wrong solution cannot hang the run. */
  waitForAbandoned(n: number, capMs: number): Promise<void>;
}

/** Starts a server on an ephemeral loopback port, runs `body`, and always closes everything. */
async function withServer(
  handle: (requestNumber: number, res: http.ServerResponse) => void,
  body: (server: TestServer) => Promise<void>,
): Promise<void> {
  const waiters: Array<() => void> = [];
  const state: TestServer = {
    url: "",
    requests: 0,
    abandoned: 0,
    waitForAbandoned(n, capMs) {
      if (state.abandoned >= n) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, capMs);
        waiters.push(() => {
          if (state.abandoned >= n) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    },
  };
  const server = http.createServer((req, res) => {
    state.requests++;
    res.on("close", () => {
      if (!res.writableFinished) {
        state.abandoned++;
        for (const wake of waiters) wake();
      }
    });
    req.resume();
    handle(state.requests, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await body(state);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

test("recovers from two 503 responses and returns the third answer", async () => {
  await withServer(
    (n, res) => {
      if (n <= 2) res.writeHead(503).end("busy");
      else res.writeHead(200).end("ok");
    },
    async (server) => {
      const attempts: number[] = [];
      const body = await retry(
        (attempt, signal) => {
          attempts.push(attempt);
          return withTimeout((inner) => get(server.url, inner), 2_000, signal);
        },
        { retries: 3, baseMs: 5, maxMs: 20, jitter: "full", isRetryable: transient },
      );
      assert.equal(body, "ok", "the third response should be returned");
      assert.deepEqual(attempts, [1, 2, 3], "two 503s should cost exactly two retries");
      assert.equal(server.requests, 3, "the server should have seen exactly three requests");
    },
  );
});

test("does not retry a 400 response", async () => {
  await withServer(
    (_n, res) => res.writeHead(400).end("bad request"),
    async (server) => {
      await assert.rejects(
        retry((_attempt, signal) => withTimeout((inner) => get(server.url, inner), 2_000, signal), {
          retries: 3,
          baseMs: 5,
          maxMs: 20,
          jitter: "full",
          isRetryable: transient,
        }),
        (error) => error instanceof HttpError && error.status === 400,
        "a 400 should reach the caller unchanged",
      );
      assert.equal(server.requests, 1, "a client error is not transient; it must be sent once only");
    },
  );
});

test("a server that never answers: every attempt is cut off at its deadline and its connection closed", async () => {
  await withServer(
    () => {
      // Never respond.
    },
    async (server) => {
      let attempts = 0;
      await assert.rejects(
        retry(
          (_attempt, signal) => {
            attempts++;
            return withTimeout((inner) => get(server.url, inner), 100, signal);
          },
          { retries: 1, baseMs: 5, maxMs: 5, jitter: "none", isRetryable: transient },
        ),
        TimeoutError,
        "after the last attempt times out, retry should reject with the TimeoutError",
      );
      assert.equal(attempts, 2, "retries: 1 means two attempts, each with its own deadline");
      assert.ok(server.requests >= 1, "the server should have received at least one request");
      await server.waitForAbandoned(server.requests, 1_000);
      assert.equal(
        server.abandoned,
        server.requests,
        "each timed-out request must be aborted, closing its connection; otherwise it hangs on the server forever",
      );
    },
  );
});

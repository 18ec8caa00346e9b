// close() must end what the server holds open, or it never finishes: server.close() waits for
// every connection, and a held long poll or an open event stream never ends on its own.
import { describe, test } from "node:test";
import { useServer, within } from "ts-dojo/harness";
import { hold, openEvents, statsUntil } from "./clients.ts";
import { start } from "./src/news-server.ts";

describe("close()", () => {
  const api = useServer(() => start({ port: 0 }));

  test("close() ends open SSE streams and resolves", async () => {
    const streams = [await openEvents(api.port), await openEvents(api.port)];
    try {
      await statsUntil(api, (s) => s.sseClients === 2, "sseClients: 2 before close()");
      await within(2000, api.close(), "close() with two open SSE streams did not resolve (end every stream before waiting for the server)");
      for (const [i, s] of streams.entries()) {
        if (!(await s.ended(1000))) {
          throw api.http.failure(`close() resolved but SSE stream ${i + 1} of 2 is still open: end every open event stream`);
        }
      }
    } finally {
      for (const s of streams) s.destroy();
    }
  });

  test("close() ends a pending long poll and clears its timer", async () => {
    // The poll's own timeout (30 s) is far away: only close() can end it within the test.
    const poll = hold(api.port, "/messages/wait?after=0&timeoutMs=30000");
    try {
      await statsUntil(api, (s) => s.waiters === 1, "waiters: 1 before close()");
      await within(
        2000,
        api.close(),
        "close() with a pending long poll did not resolve (answer or end held polls, and clear their timers)",
      );
      const outcome = await within(1000, poll.outcome, "the long poll did not end after close() resolved");
      if (outcome.kind === "response" && outcome.status !== 204) {
        throw api.http.failure("a long poll ended by close() has no news: answer 204 (or drop the connection)", {
          expected: 204,
          actual: outcome.status,
        });
      }
    } finally {
      poll.destroy();
    }
  });
});

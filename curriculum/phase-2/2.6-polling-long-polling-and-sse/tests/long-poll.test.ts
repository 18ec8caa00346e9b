// GET /messages/wait: the server holds the request until there is news or the timeout passes.
// Nothing here times the server. The tests know a poll is held because /debug/stats counts it,
// and that it stays held because it has not settled after a short pause.
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { hold, sleep, statsUntil } from "./clients.ts";
import { start } from "./src/news-server.ts";

describe("long polling", () => {
  const api = useServer(() => start({ port: 0 }));

  const publish = async (text: string) => (await api.post("/messages", { json: { text } })).expectStatus(201);

  test("a long poll waits for the next message and answers 200 with it", async () => {
    const poll = api.get("/messages/wait?after=0&timeoutMs=4000");
    let settled = false;
    void poll.then(
      () => (settled = true),
      () => (settled = true),
    );
    await statsUntil(api, (s) => s.waiters === 1, "waiters: 1 while the long poll is held");
    await sleep(50);
    if (settled) throw api.http.failure("with nothing to report, GET /messages/wait must hold the request, but it was answered at once");
    await publish("news");
    (await poll)
      .expectStatus(200)
      .expectContentType("application/json")
      .expectJson({ messages: [{ id: 1, text: "news" }] });
  });

  test("a long poll answers at once when messages after `after` already exist", async () => {
    for (const text of ["a", "b", "c"]) await publish(text);
    (await api.get("/messages/wait?after=1&timeoutMs=3000")).expectStatus(200).expectJson({
      messages: [
        { id: 2, text: "b" },
        { id: 3, text: "c" },
      ],
    });
  });

  test("with no news, timeoutMs=100 ends the poll with 204 and an empty body, and the waiter is gone", async () => {
    await publish("old");
    (await api.get("/messages/wait?after=1&timeoutMs=100")).expectStatus(204).expectEmptyBody();
    (await api.get("/debug/stats")).expectJson({ waiters: 0, sseClients: 0 });
  });

  test("one message wakes every waiting poll, not just the first", async () => {
    const polls = [0, 1, 2].map(() => hold(api.port, "/messages/wait?after=0&timeoutMs=4000"));
    try {
      await statsUntil(api, (s) => s.waiters === 3, "waiters: 3 for three held polls");
      await publish("for everyone");
      for (const [i, p] of polls.entries()) {
        const o = await p.outcome;
        if (o.kind !== "response" || o.status !== 200 || o.body !== JSON.stringify({ messages: [{ id: 1, text: "for everyone" }] })) {
          throw api.http.failure(`poll ${i + 1} of 3 did not get the message`, {
            expected: { status: 200, body: { messages: [{ id: 1, text: "for everyone" }] } },
            actual: o,
          });
        }
      }
      (await api.get("/debug/stats")).expectJson({ waiters: 0, sseClients: 0 });
    } finally {
      for (const p of polls) p.destroy();
    }
  });

  test("a malformed after or timeoutMs answers 400", async () => {
    (await api.get("/messages/wait?after=x&timeoutMs=100")).expectStatus(400);
    (await api.get("/messages/wait?after=0&timeoutMs=soon")).expectStatus(400);
    (await api.get("/messages/wait?after=0&timeoutMs=0")).expectStatus(400);
    (await api.get("/messages/wait?after=0&timeoutMs=600000")).expectStatus(400);
  });

  test("200 long polls whose clients vanish leave no waiter behind", async () => {
    // timeoutMs is long on purpose: only disconnect handling can free these waiters and their
    // timers before the test ends, and the after-test check fails on any timer still pending.
    const polls = Array.from({ length: 200 }, () => hold(api.port, "/messages/wait?after=0&timeoutMs=30000"));
    try {
      await statsUntil(api, (s) => s.waiters === 200, "waiters: 200 while 200 polls are held");
    } finally {
      for (const p of polls) p.destroy();
    }
    await statsUntil(api, (s) => s.waiters === 0, "waiters: 0 once all 200 clients disconnected");
    // The server must still work for everyone else.
    const next = api.get("/messages/wait?after=0&timeoutMs=3000");
    await statsUntil(api, (s) => s.waiters === 1, "waiters: 1 for a new poll");
    await publish("still here");
    (await next).expectStatus(200).expectJson({ messages: [{ id: 1, text: "still here" }] });
  });
});

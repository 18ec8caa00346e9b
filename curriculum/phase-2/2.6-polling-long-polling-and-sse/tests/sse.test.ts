// GET /events: one response that stays open and carries an event per message, each with an
// id, so that a client that reconnects with Last-Event-ID gets exactly what it missed.
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { type EventStream, openEvents, statsUntil } from "./clients.ts";
import { start } from "./src/news-server.ts";

describe("Server-Sent Events", () => {
  const api = useServer(() => start({ port: 0 }));
  const open: EventStream[] = [];
  const connect = async (headers?: Record<string, string>) => {
    const s = await openEvents(api.port, headers);
    open.push(s);
    return s;
  };
  /** Drops every stream the test opened; the tests call it last, so no socket outlives them. */
  const dropAll = () => {
    for (const s of open.splice(0)) s.destroy();
  };

  const publish = async (text: string) => (await api.post("/messages", { json: { text } })).expectStatus(201);

  const expectIds = (stream: EventStream, expected: number[], what: string) => {
    const actual = stream.ids();
    if (actual.join(",") !== expected.join(",")) {
      throw api.http.failure(`${what}: the event ids on the stream were wrong`, { expected, actual });
    }
  };

  test("GET /events answers 200 text/event-stream with no-cache at once", async () => {
    try {
      const s = await connect();
      if (
        s.status !== 200 ||
        !/^text\/event-stream\b/.test(s.headers["content-type"] ?? "") ||
        !/no-cache/.test(s.headers["cache-control"] ?? "")
      ) {
        throw api.http.failure("GET /events must answer 200 with content-type text/event-stream and cache-control no-cache", {
          expected: { status: 200, "content-type": "text/event-stream", "cache-control": "no-cache" },
          actual: { status: s.status, "content-type": s.headers["content-type"], "cache-control": s.headers["cache-control"] },
        });
      }
    } finally {
      dropAll();
    }
  });

  test("each published message arrives as an event with an id: line and the message as JSON data", async () => {
    try {
      const s = await connect();
      await publish("hello");
      await publish("world");
      const [first, second] = await s.waitForEvents(2, "two events after two POSTs");
      const expected = [
        { id: "1", data: { id: 1, text: "hello" } },
        { id: "2", data: { id: 2, text: "world" } },
      ];
      const actual = [first, second].map((e) => ({ id: e?.id, data: e ? (JSON.parse(e.data) as unknown) : undefined }));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw api.http.failure("events must carry `id: <message id>` and `data: <the message as JSON>`", { expected, actual });
      }
    } finally {
      dropAll();
    }
  });

  test("a new client without Last-Event-ID gets only messages published after it connected", async () => {
    try {
      await publish("before 1");
      await publish("before 2");
      const s = await connect();
      await publish("after");
      await s.waitForEvents(1, "the event for the message published after connecting");
      expectIds(s, [3], "a fresh connection");
    } finally {
      dropAll();
    }
  });

  test("reconnecting with Last-Event-ID replays exactly the missed events, then continues live", async () => {
    try {
      const first = await connect();
      await publish("m1");
      await publish("m2");
      await first.waitForEvents(2, "events 1 and 2");
      first.destroy();
      await statsUntil(api, (s) => s.sseClients === 0, "sseClients: 0 after the first connection dropped");
      for (const text of ["m3", "m4", "m5"]) await publish(text);

      const again = await connect({ "last-event-id": "2" });
      // Message 6 is published after the reconnect: once it arrives, everything before it has too.
      await publish("m6");
      await again.waitForEvents(4, "the missed events 3, 4, 5 and then the live event 6");
      expectIds(again, [3, 4, 5, 6], "after reconnecting with Last-Event-ID: 2 (the last event the client had)");
    } finally {
      dropAll();
    }
  });

  test("Last-Event-ID equal to the newest id replays nothing", async () => {
    try {
      for (const text of ["a", "b"]) await publish(text);
      const s = await connect({ "last-event-id": "2" });
      await publish("c");
      await s.waitForEvents(1, "the live event 3");
      expectIds(s, [3], "reconnecting with Last-Event-ID: 2 when 2 is the newest message");
    } finally {
      dropAll();
    }
  });

  test("sseClients counts open streams and returns to 0 when the clients disconnect", async () => {
    try {
      const streams = [await connect(), await connect(), await connect()];
      await statsUntil(api, (s) => s.sseClients === 3, "sseClients: 3 with three open streams");
      for (const s of streams) s.destroy();
      await statsUntil(api, (s) => s.sseClients === 0, "sseClients: 0 once the three clients disconnected");
      // Publishing to nobody must not break anything.
      await publish("to nobody");
      (await api.get("/messages")).expectJson({ messages: [{ id: 1, text: "to nobody" }] });
    } finally {
      dropAll();
    }
  });
});

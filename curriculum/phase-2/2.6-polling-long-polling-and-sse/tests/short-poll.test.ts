// POST /messages and the short poll GET /messages?after=: the plain request/response half.
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { start } from "./src/news-server.ts";

describe("publishing and short polling", () => {
  const api = useServer(() => start({ port: 0 }));

  const publish = async (text: string) => (await api.post("/messages", { json: { text } })).expectStatus(201);

  test("POST /messages answers 201 with the message and ids 1, 2, 3 in order", async () => {
    (await publish("first")).expectContentType("application/json").expectJson({ id: 1, text: "first" });
    (await publish("second")).expectJson({ id: 2, text: "second" });
    (await publish("third")).expectJson({ id: 3, text: "third" });
  });

  test("POST /messages without a non-empty text answers 400 and publishes nothing", async () => {
    (await api.post("/messages", { json: { title: "no text" } })).expectStatus(400);
    (await api.post("/messages", { json: { text: "" } })).expectStatus(400);
    (await api.post("/messages", { body: "{not json", headers: { "content-type": "application/json" } })).expectStatus(400);
    (await api.get("/messages")).expectStatus(200).expectJson({ messages: [] });
  });

  test("GET /messages with no after returns every message, oldest first", async () => {
    (await api.get("/messages")).expectStatus(200).expectContentType("application/json").expectJson({ messages: [] });
    await publish("a");
    await publish("b");
    (await api.get("/messages")).expectJson({
      messages: [
        { id: 1, text: "a" },
        { id: 2, text: "b" },
      ],
    });
    (await api.get("/messages?after=0")).expectJson({
      messages: [
        { id: 1, text: "a" },
        { id: 2, text: "b" },
      ],
    });
  });

  test("GET /messages?after=2 returns only the messages after id 2, not id 2 itself", async () => {
    for (const text of ["a", "b", "c", "d"]) await publish(text);
    (await api.get("/messages?after=2")).expectStatus(200).expectJson({
      messages: [
        { id: 3, text: "c" },
        { id: 4, text: "d" },
      ],
    });
    (await api.get("/messages?after=4")).expectJson({ messages: [] });
  });

  test("a client that polls with the last id it saw never sees a message twice", async () => {
    let seen = 0;
    const received: number[] = [];
    for (const text of ["a", "b", "c"]) {
      await publish(text);
      const { messages } = (await api.get(`/messages?after=${seen}`)).expectStatus(200).json<{ messages: Array<{ id: number }> }>();
      for (const m of messages) received.push(m.id);
      seen = messages.at(-1)?.id ?? seen;
    }
    if (received.join(",") !== "1,2,3") {
      throw api.http.failure("three polls, each with after = the last id received, must yield each message exactly once", {
        expected: [1, 2, 3],
        actual: received,
      });
    }
  });

  test("a malformed after answers 400", async () => {
    (await api.get("/messages?after=abc")).expectStatus(400);
    (await api.get("/messages?after=-1")).expectStatus(400);
  });
});

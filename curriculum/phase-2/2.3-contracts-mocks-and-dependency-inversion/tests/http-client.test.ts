// The HTTP client on its own, with test doubles in place of the network: a spy fetch that
// records each request and answers from a script, and a stub fetch that fails the way a real
// network does. No server runs here; these are unit tests of the client's translation work.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeOutcome } from "./fixtures.ts";
import { createHttpNotesClient } from "./src/notes-api.ts";
import { ApiError, ApiUnavailableError, ApiValidationError, type NotesApi } from "./src/notes-contract.ts";

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly contentType: string | null;
  readonly body: unknown;
}

const NOTE = { id: "n-1", title: "milk", body: "", createdAt: "2024-05-01T10:00:00.000Z", updatedAt: "2024-05-01T10:00:00.000Z" };

function reply(status: number, body?: unknown, type = "application/json"): Response {
  if (body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
}

/** A fetch that records what it was asked and answers with `answer(request)`. */
function spyFetch(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const text = await request.text();
    const s: Sent = {
      url: request.url,
      method: request.method,
      contentType: request.headers.get("content-type"),
      body: text === "" ? undefined : JSON.parse(text),
    };
    sent.push(s);
    return answer(s);
  };
  return { sent, fetchImpl };
}

/** Call each method once and collect what each did (a value or an error). */
async function everyMethod(api: NotesApi): Promise<Array<[string, unknown]>> {
  const outcome = (p: Promise<unknown>) =>
    p.then(
      (v) => v,
      (e: unknown) => e,
    );
  return [
    ["create", await outcome(api.create({ title: "t" }))],
    ["get", await outcome(api.get("n-1"))],
    ["update", await outcome(api.update("n-1", { title: "t" }))],
    ["remove", await outcome(api.remove("n-1"))],
  ];
}

describe("the HTTP client sends the requests the contract describes", () => {
  test("create() POSTs the note as JSON to <baseUrl>/notes and returns the 201 body", async () => {
    const spy = spyFetch(() => reply(201, NOTE));
    const note = await createHttpNotesClient("http://notes.test", spy.fetchImpl).create({ title: "milk", body: "" });
    assert.deepEqual(note, NOTE, "create() must resolve to the note in the 201 body");
    assert.equal(spy.sent.length, 1, "create() must make exactly one request");
    const [s] = spy.sent;
    assert.equal(s?.method, "POST", "create() must use POST");
    assert.equal(s?.url, "http://notes.test/notes", "create() must post to <baseUrl>/notes");
    assert.match(s?.contentType ?? "", /^application\/json/, "create() must send Content-Type: application/json");
    assert.deepEqual(s?.body, { title: "milk", body: "" }, "create() must send the note's title and body as JSON");
  });

  test("a baseUrl with a path prefix keeps it: http://api.test/v1 → http://api.test/v1/notes/…", async () => {
    const spy = spyFetch((s) => (s.method === "POST" ? reply(201, NOTE) : reply(200, NOTE)));
    const api = createHttpNotesClient("http://api.test/v1", spy.fetchImpl);
    await api.create({ title: "milk" });
    await api.get("n-1");
    assert.deepEqual(
      spy.sent.map((s) => s.url),
      ["http://api.test/v1/notes", "http://api.test/v1/notes/n-1"],
      "the client must append /notes to the baseUrl, not replace its path",
    );
  });

  test("ids are URL-encoded into one path segment", async () => {
    const spy = spyFetch(() => reply(404, { title: "Not Found", status: 404 }, "application/problem+json"));
    await createHttpNotesClient("http://notes.test", spy.fetchImpl).get("a/b?c#d");
    assert.equal(spy.sent[0]?.url, "http://notes.test/notes/a%2Fb%3Fc%23d", "get(id) must encode the id with encodeURIComponent");
  });

  test("update() PUTs JSON to /notes/<id>; remove() DELETEs it and reads 204 as true, 404 as false", async () => {
    let deletes = 0;
    const spy = spyFetch((s) => {
      if (s.method === "PUT") return reply(200, NOTE);
      deletes += 1;
      return deletes === 1 ? reply(204) : reply(404, { title: "Not Found", status: 404 }, "application/problem+json");
    });
    const api = createHttpNotesClient("http://notes.test", spy.fetchImpl);
    assert.deepEqual(await api.update("n-1", { title: "milk" }), NOTE, "update() must resolve to the note in the 200 body");
    assert.equal(await api.remove("n-1"), true, "remove() must read 204 as true");
    assert.equal(await api.remove("n-1"), false, "remove() must read 404 as false");
    assert.deepEqual(
      spy.sent.map((s) => `${s.method} ${s.url}`),
      ["PUT http://notes.test/notes/n-1", "DELETE http://notes.test/notes/n-1", "DELETE http://notes.test/notes/n-1"],
    );
    assert.deepEqual(spy.sent[0]?.body, { title: "milk" }, "update() must send the new note as the JSON body");
  });
});

describe("the HTTP client tells failure apart from absence", () => {
  test("when the network is down (fetch rejects), every method rejects with ApiUnavailableError", async () => {
    const down: typeof fetch = async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
      });
    };
    for (const [name, outcome] of await everyMethod(createHttpNotesClient("http://notes.test", down))) {
      assert.ok(
        outcome instanceof ApiUnavailableError,
        `${name}() must reject with ApiUnavailableError when fetch rejects, but ${describeOutcome(outcome)}`,
      );
    }
  });

  for (const status of [503, 502, 504]) {
    test(`a ${status} makes every method reject with ApiUnavailableError, never null or false`, async () => {
      const spy = spyFetch(() => reply(status, { title: "Service Unavailable", status }, "application/problem+json"));
      for (const [name, outcome] of await everyMethod(createHttpNotesClient("http://notes.test", spy.fetchImpl))) {
        assert.ok(
          outcome instanceof ApiUnavailableError,
          `${name}() must reject with ApiUnavailableError on ${status}, but ${describeOutcome(outcome)}`,
        );
        assert.equal(outcome.status, status, `the ApiUnavailableError must carry the status ${status}`);
      }
    });
  }

  test("an unexpected 500 rejects with an ApiError carrying the status, not a quiet null", async () => {
    const spy = spyFetch(() => reply(500, { title: "Internal Server Error", status: 500 }, "application/problem+json"));
    for (const [name, outcome] of await everyMethod(createHttpNotesClient("http://notes.test", spy.fetchImpl))) {
      assert.ok(outcome instanceof ApiError, `${name}() must reject with an ApiError on 500, but ${describeOutcome(outcome)}`);
      assert.equal(outcome.status, 500, `${name}(): the ApiError must carry status 500`);
    }
  });

  test("a 422 rejects with ApiValidationError holding the server's problem document", async () => {
    const problem = {
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "The note is not valid.",
      errors: [{ pointer: "#/title", detail: "must not be empty" }],
    };
    const spy = spyFetch(() => reply(422, problem, "application/problem+json"));
    const outcome = await createHttpNotesClient("http://notes.test", spy.fetchImpl)
      .create({ title: "" })
      .catch((e: unknown) => e);
    assert.ok(
      outcome instanceof ApiValidationError,
      `create() must reject with ApiValidationError on 422, but ${describeOutcome(outcome)}`,
    );
    assert.deepEqual(outcome.problem, problem, "the ApiValidationError's problem must be the problem document the server sent");
  });
});

// What the contract suite cannot see: that the fake keeps its state to itself, and that the mock
// server's knobs (failEvery, latencyMs) do exactly what they promise, so a client team can rely
// on them to rehearse failure and slowness.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { describeOutcome, fixtures } from "./fixtures.ts";
import { createHttpNotesClient, createInMemoryNotesApi, startMockServer } from "./src/notes-api.ts";
import { ApiUnavailableError, type Note } from "./src/notes-contract.ts";

describe("the in-memory fake keeps its state to itself", () => {
  test("creating, updating and removing notes leaves the caller's seed array and notes as they were", async () => {
    const seed = fixtures();
    const api = createInMemoryNotesApi(seed);
    await api.create({ title: "new" });
    await api.update("n-1", { title: "changed" });
    await api.remove("n-2");
    assert.deepEqual(seed, fixtures(), "the fake must copy its seed; it changed the array or the notes the caller passed in");
  });

  test("two fakes made from the same seed do not share notes", async () => {
    const seed = fixtures();
    const a = createInMemoryNotesApi(seed);
    const b = createInMemoryNotesApi(seed);
    const created = await a.create({ title: "only in a" });
    await a.remove("n-1");
    assert.equal(await b.get(created.id), null, "a note created in one fake must not appear in another");
    assert.deepEqual(await b.get("n-1"), fixtures()[0], "removing a note in one fake must not remove it from another");
  });

  test("changing the seed after the fake was made does not change the fake", async () => {
    const seed = fixtures();
    const api = createInMemoryNotesApi(seed);
    (seed[0] as { title: string }).title = "changed by the caller";
    seed.length = 0;
    assert.deepEqual(await api.get("n-1"), fixtures()[0], "the fake must hold its own copies of the seed notes");
  });

  test("without a seed the fake starts empty", async () => {
    assert.equal(await createInMemoryNotesApi().get("n-1"), null, "createInMemoryNotesApi() must start with no notes");
  });
});

describe("the mock server with failEvery: 3", () => {
  const api = useServer(() => startMockServer({ port: 0, fixtures: fixtures(), failEvery: 3 }));

  test("answers the 3rd and 6th requests with a 503 problem document and the others normally", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const reply = await api.get("/notes/n-1");
      statuses.push(reply.status);
      if (reply.status === 503) reply.expectContentType("application/problem+json");
    }
    assert.deepEqual(statuses, [200, 200, 503, 200, 200, 503], "failEvery: 3 must fail exactly the 3rd, 6th, … request");
  });

  test("through the client, the 3rd and 6th calls reject with ApiUnavailableError, whatever their method", async () => {
    const client = createHttpNotesClient(api.url);
    const outcome = (p: Promise<unknown>) =>
      p.then(
        (v) => v,
        (e: unknown) => e,
      );
    const results = [
      await outcome(client.get("n-1")),
      await outcome(client.create({ title: "a" })),
      await outcome(client.update("n-1", { title: "b" })),
      await outcome(client.remove("n-2")),
      await outcome(client.get("n-2")),
      await outcome(client.create({ title: "c" })),
    ];
    results.forEach((r, i) => {
      const failing = i === 2 || i === 5;
      assert.equal(
        r instanceof ApiUnavailableError,
        failing,
        `call ${i + 1} must ${failing ? "reject with ApiUnavailableError" : "succeed"}, but ${describeOutcome(r)}`,
      );
    });
    assert.equal(results[3], true, "remove() of n-2 (the 4th request) must succeed and resolve to true");
    assert.equal(results[4], null, "get() of the removed note must resolve to null");
  });
});

describe("the mock server with failEvery: 2", () => {
  const api = useServer(() => startMockServer({ port: 0, fixtures: fixtures(), failEvery: 2 }));

  test("a request answered 503 changes nothing", async () => {
    (await api.get("/notes/n-1")).expectStatus(200);
    (await api.delete("/notes/n-1")).expectStatus(503);
    (await api.get("/notes/n-1")).expectStatus(200).expectJson(fixtures()[0]);
  });
});

describe("the mock server without failEvery", () => {
  let given: Note[] = [];
  const api = useServer(() => {
    given = fixtures();
    return startMockServer({ port: 0, fixtures: given });
  });

  test("never fails: twelve requests, twelve normal answers", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await api.get("/notes/n-2")).status);
    assert.deepEqual(statuses, Array(12).fill(200), "without failEvery the mock must answer every request normally");
  });

  test("copies its fixtures: deleting and replacing through it leaves the caller's array and notes as they were", async () => {
    (await api.delete("/notes/n-2")).expectStatus(204);
    (await api.put("/notes/n-1", { json: { title: "changed" } })).expectStatus(200);
    assert.deepEqual(given, fixtures(), "startMockServer must copy its fixtures, not change the array the caller passed");
  });
});

describe("the mock server with latencyMs: 120", () => {
  const api = useServer(() => startMockServer({ port: 0, fixtures: fixtures(), latencyMs: 120 }));

  test("holds the answer back: a 30 ms timer started with the request fires first", async () => {
    // An ordering check, not a stopwatch: the mock's 120 ms timer starts after ours, so ours must fire first.
    const order: string[] = [];
    const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push("30 ms timer")), 30));
    const answer = createHttpNotesClient(api.url)
      .get("n-1")
      .then(() => void order.push("answer"));
    await Promise.all([timer, answer]);
    assert.deepEqual(order, ["30 ms timer", "answer"], "with latencyMs: 120 the mock must wait 120 ms before it answers");
  });
});

describe("the mock server started with only a port (as ts-dojo run does)", () => {
  const api = useServer(() => startMockServer({ port: 0 }));

  test("starts with no notes and serves the contract", async () => {
    (await api.get("/notes/n-1")).expectStatus(404).expectContentType("application/problem+json");
    const created = (await api.post("/notes", { json: { title: "first" } })).expectStatus(201).expectHeader("location", /^\/notes\/[^/]+$/);
    (await api.get(created.header("location") ?? "")).expectStatus(200).expectJsonMatch({ title: "first", body: "" });
  });
});

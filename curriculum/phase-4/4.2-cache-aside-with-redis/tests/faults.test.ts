// Redis as a black hole: connected, silent, never answering, which is what a frozen or
// partitioned server looks like. The cache must give up on it after timeoutMs and serve from the
// repository. The only time limit here (2 s) catches a call that hangs; it is no speed claim.
import assert from "node:assert/strict";
import { redisTest, startFaultProxy, useRedis, within } from "ts-dojo/harness";
import { FakeNotes } from "./fake-notes.ts";
import { createCachedNotesApi } from "./src/cached-notes.ts";

const redis = await useRedis();
const HANG_MS = 2_000;

/** A cache (timeoutMs 100) whose Redis connection goes through a proxy that swallows everything. */
async function blackHoled() {
  const { hostname, port } = new URL(redis().url);
  const proxy = await startFaultProxy(Number(port || 6379), { kind: "black-hole" }, hostname || "127.0.0.1");
  const inner = new FakeNotes();
  const api = createCachedNotesApi(inner, redis().connect({ port: proxy.port }), {
    ttlSec: 60,
    prefix: redis().key("notes:"),
    timeoutMs: 100,
  });
  return { proxy, inner, api };
}

redisTest("with Redis black-holed, get() still answers from the repository and counts the error", async () => {
  const { proxy, inner, api } = await blackHoled();
  try {
    const note = inner.seed("still readable");
    for (let i = 1; i <= 3; i++) {
      const got = await within(
        HANG_MS,
        api.get(note.id),
        `with Redis silent, get() #${i} must give up on it after timeoutMs (100) and answer`,
      );
      assert.deepEqual(got, note, `get() #${i} must return the repository's note`);
      assert.equal(inner.calls.get, i, "with no working cache, every read goes to the repository");
      assert.ok(
        api.stats().errors >= i,
        `after ${i} read(s) against a silent Redis, errors must be at least ${i}; it is ${api.stats().errors}`,
      );
    }
    assert.equal(
      await within(HANG_MS, api.get("n-404"), "with Redis silent, get() of a missing note must answer"),
      null,
      "a missing note is still null",
    );
    const { hits, misses } = api.stats();
    assert.deepEqual({ hits, misses }, { hits: 0, misses: 4 }, "all four reads were answered by the repository");
  } finally {
    await proxy.close();
  }
});

redisTest("with Redis black-holed, create, update and remove still reach the repository and answer", async () => {
  const { proxy, inner, api } = await blackHoled();
  try {
    let errors = api.stats().errors;
    const grew = (what: string) => {
      const now = api.stats().errors;
      assert.ok(now > errors, `${what} tried Redis and got no answer, so errors must grow (it stayed at ${now})`);
      errors = now;
    };
    const created = await within(HANG_MS, api.create({ title: "written anyway" }), "with Redis silent, create() must answer");
    assert.deepEqual(inner.peek(created.id), created, "create() must reach the repository");
    grew("create()");
    const updated = await within(HANG_MS, api.update(created.id, { title: "edited anyway" }), "with Redis silent, update() must answer");
    assert.deepEqual(inner.peek(created.id), updated, "update() must reach the repository");
    assert.equal(updated?.title, "edited anyway");
    grew("update()");
    assert.equal(
      await within(HANG_MS, api.remove(created.id), "with Redis silent, remove() must answer"),
      true,
      "remove() returns the repository's answer",
    );
    assert.equal(inner.peek(created.id), undefined, "remove() must reach the repository");
    grew("remove()");
  } finally {
    await proxy.close();
  }
});

// withIdempotency without HTTP: two calls started in the same instant, so the only thing that
// can keep the second out is an atomic claim in Redis.
import assert from "node:assert/strict";
import { redisTest, useRedis, within } from "ts-dojo/harness";
import { door, PAYMENT } from "./helpers.ts";
import type { ApiRequest, Handler } from "./src/http.ts";
import { createRedisIdempotencyStore, withIdempotency } from "./src/idempotency.ts";

const redis = await useRedis();

redisTest("two calls at the same instant with one key run the handler once; the other gets 409", async () => {
  const held = door();
  let calls = 0;
  const handler: Handler = async () => {
    calls++;
    await held.pass();
    return { status: 201, headers: { "content-type": "application/json" }, body: `{"run":${calls}}` };
  };
  const store = createRedisIdempotencyStore(redis().connect(), { prefix: redis().key("idem:"), ttlSec: 3600, lockTtlSec: 30 });
  const wrapped = withIdempotency(handler, store);
  const req: ApiRequest = {
    method: "POST",
    path: "/payments",
    headers: { "content-type": "application/json", "idempotency-key": "same-instant" },
    body: JSON.stringify(PAYMENT),
  };
  // Both calls start before Redis can answer either: only an atomic claim lets exactly one through.
  const both = [wrapped(req), wrapped(req)];
  await within(3000, Promise.race([Promise.race(both), held.arrived(2)]), "one of the two calls to finish");
  held.open();
  const statuses = (await Promise.all(both)).map((r) => r.status).sort();
  assert.equal(calls, 1, "two simultaneous requests with one key must run the handler once");
  assert.deepEqual(statuses, [201, 409], "the winner answers 201, the duplicate 409");
});

redisTest("the wrapper answers a missing key (400) and a reused key (422) itself, without calling the handler", async () => {
  let calls = 0;
  const handler: Handler = async () => {
    calls++;
    return { status: 201, headers: { "content-type": "application/json" }, body: "{}" };
  };
  const wrapped = withIdempotency(handler, createRedisIdempotencyStore(redis().connect(), { prefix: redis().key("idem:"), ttlSec: 60 }));
  const req: ApiRequest = { method: "POST", path: "/payments", headers: { "idempotency-key": "k" }, body: "{}" };
  assert.equal((await wrapped({ ...req, headers: {} })).status, 400, "no key → 400");
  assert.equal((await wrapped(req)).status, 201, "first call → the handler's 201");
  assert.equal((await wrapped({ ...req, body: '{"x":1}' })).status, 422, "same key, other body → 422");
  assert.equal(calls, 1, "only the first call may reach the handler");
});

// POST /payments behind withIdempotency, driven over HTTP as a client would: replays, key reuse,
// a duplicate that arrives while the first is still running, failures that must not be stored,
// and a response lost on the way back.
import assert from "node:assert/strict";
import { beforeEach, describe } from "node:test";
import { rawConnect, redisTest, startFaultProxy, type TestRedis, useRedis, useServer, within } from "ts-dojo/harness";
import { door, expectProblem, OTHER_PAYMENT, PAYMENT, scriptedLedger } from "./helpers.ts";
import { createRedisIdempotencyStore } from "./src/idempotency.ts";
import { ProcessorUnavailableError } from "./src/payments.ts";
import { start } from "./src/payments-server.ts";

const redis = await useRedis();

const keyed = (key: string) => ({ "idempotency-key": key });

describe("POST /payments with an Idempotency-Key", () => {
  let charges = scriptedLedger();
  let client: ReturnType<TestRedis["connect"]> | undefined;
  const errors: unknown[] = [];
  // The store's connection belongs to the test, not to the server: open it before useServer takes
  // its leak baseline, so the check after the test does not count it. useRedis() closes it.
  beforeEach(async () => {
    client = redis().connect();
    await client.ping();
  });
  const api = useServer(() => {
    if (!client) throw new Error("the test's Redis connection is not open");
    charges = scriptedLedger();
    errors.length = 0;
    const store = createRedisIdempotencyStore(client, { prefix: redis().key("idem:"), ttlSec: 3600, lockTtlSec: 30 });
    return start({ port: 0, deps: { store, ledger: charges.ledger, onError: (e) => errors.push(e) } });
  });
  const rows = () => charges.ledger.rows();

  redisTest("without a usable Idempotency-Key the payment is refused with 400 and nothing is charged", async () => {
    expectProblem(await api.post("/payments", { json: PAYMENT }), 400);
    expectProblem(await api.post("/payments", { json: PAYMENT, headers: keyed("") }), 400);
    expectProblem(await api.post("/payments", { json: PAYMENT, headers: keyed("k".repeat(256)) }), 400);
    assert.equal(rows().length, 0, "a request refused for its key must not reach the ledger");
    (await api.post("/payments", { json: PAYMENT, headers: keyed("k".repeat(255)) })).expectStatus(201);
  });

  redisTest("a retry with the same key and body gets the identical answer, marked as a replay, and pays once", async () => {
    const first = await api.post("/payments", { json: PAYMENT, headers: keyed("order-1001") });
    first.expectStatus(201).expectContentType("application/json").expectHeader("location", "/payments/pay_1");
    first.expectJsonMatch({ id: "pay_1", amount: 2500 }).expectHeader("idempotent-replayed", undefined);
    for (const attempt of [2, 3]) {
      const again = await api.post("/payments", { json: PAYMENT, headers: keyed("order-1001") });
      again.expectStatus(201).expectContentType("application/json").expectHeader("location", "/payments/pay_1");
      again.expectHeader("idempotent-replayed", "true");
      if (again.text !== first.text)
        again.fail(`retry ${attempt} must replay the first body byte for byte`, { expected: first.text, actual: again.text });
    }
    assert.equal(rows().length, 1, "three requests with one key must write one ledger row");
  });

  redisTest("the same key with a different body is refused with 422, and the first answer stays stored", async () => {
    (await api.post("/payments", { json: PAYMENT, headers: keyed("order-1002") })).expectStatus(201);
    expectProblem(await api.post("/payments", { json: OTHER_PAYMENT, headers: keyed("order-1002") }), 422);
    assert.equal(rows().length, 1, "a reused key must not charge the second body");
    const replay = await api.post("/payments", { json: PAYMENT, headers: keyed("order-1002") });
    replay.expectStatus(201).expectHeader("idempotent-replayed", "true").expectJsonMatch({ id: "pay_1" });
  });

  redisTest("different keys are different payments, even with the same body", async () => {
    const a = await api.post("/payments", { json: PAYMENT, headers: keyed("order-a") });
    const b = await api.post("/payments", { json: PAYMENT, headers: keyed("order-b") });
    a.expectStatus(201).expectJsonMatch({ id: "pay_1" });
    b.expectStatus(201).expectJsonMatch({ id: "pay_2" }).expectHeader("idempotent-replayed", undefined);
    assert.equal(rows().length, 2, "two keys are two payments");
  });

  redisTest("a duplicate that arrives while the first is still running gets 409 with Retry-After, and runs nothing", async () => {
    const held = door();
    charges.next(() => held.pass());
    const first = api.post("/payments", { json: PAYMENT, headers: keyed("order-1003") });
    await within(3000, held.arrived(1), "the first request to reach the ledger");
    const dup = await api.post("/payments", { json: PAYMENT, headers: keyed("order-1003") });
    expectProblem(dup, 409).expectHeader("retry-after", /^[1-9][0-9]*$/);
    held.open();
    (await first).expectStatus(201).expectJsonMatch({ id: "pay_1" });
    assert.equal(held.arrivals, 1, "the duplicate must not reach the ledger");
    const later = await api.post("/payments", { json: PAYMENT, headers: keyed("order-1003") });
    later.expectStatus(201).expectHeader("idempotent-replayed", "true").expectJsonMatch({ id: "pay_1" });
    assert.equal(rows().length, 1, "one key, one payment");
  });

  redisTest("a handler that throws leaves no trace: the client gets 500 and its retry runs the payment", async () => {
    charges.next(async () => {
      throw new Error("the card network dropped the call");
    });
    expectProblem(await api.post("/payments", { json: PAYMENT, headers: keyed("order-1004") }), 500);
    assert.equal(errors.length, 1, "the handler's error must still reach onError (rethrow it after abandoning)");
    const retry = await api.post("/payments", { json: PAYMENT, headers: keyed("order-1004") });
    retry.expectStatus(201).expectHeader("idempotent-replayed", undefined).expectJsonMatch({ id: "pay_1" });
    assert.equal(rows().length, 1, "the retry after a crash is the one payment");
  });

  redisTest("a 5xx answer is not stored: the retry runs again instead of replaying the failure", async () => {
    charges.next(async () => {
      throw new ProcessorUnavailableError();
    });
    expectProblem(await api.post("/payments", { json: PAYMENT, headers: keyed("order-1005") }), 503).expectHeader("retry-after", "5");
    const retry = await api.post("/payments", { json: PAYMENT, headers: keyed("order-1005") });
    retry.expectStatus(201).expectHeader("idempotent-replayed", undefined).expectJsonMatch({ id: "pay_1" });
    assert.equal(rows().length, 1, "the retry after a 503 must charge");
  });

  redisTest("a 4xx answer is final: it is stored and replayed like a success", async () => {
    const bad = { ...PAYMENT, amount: -5 };
    const first = expectProblem(await api.post("/payments", { json: bad, headers: keyed("order-1006") }), 422);
    first.expectHeader("idempotent-replayed", undefined);
    const again = expectProblem(await api.post("/payments", { json: bad, headers: keyed("order-1006") }), 422);
    again.expectHeader("idempotent-replayed", "true");
    if (again.text !== first.text) again.fail("the stored 4xx must replay byte for byte", { expected: first.text, actual: again.text });
  });

  redisTest("the connection is cut after the server answered: the retry gets the stored answer, one payment", async () => {
    // The proxy passes the request on, then drops the connection on the first byte of the answer:
    // the server has charged and answered, the client has seen nothing.
    const proxy = await startFaultProxy(api.port, { kind: "cut-after", bytes: 0, direction: "downstream" });
    try {
      const conn = await rawConnect(proxy.port);
      const body = JSON.stringify(PAYMENT);
      await conn.write(
        `POST /payments HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nidempotency-key: order-1007\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      await conn.closed();
      assert.equal(conn.received().length, 0, "the client must have seen no byte of the answer");
      conn.destroy();
    } finally {
      await proxy.close();
    }
    assert.equal(rows().length, 1, "the server charged before the answer was lost");
    const retry = await api.post("/payments", { json: PAYMENT, headers: keyed("order-1007") });
    retry.expectStatus(201).expectHeader("location", "/payments/pay_1").expectHeader("idempotent-replayed", "true");
    retry.expectJsonMatch({ id: "pay_1", amount: 2500, currency: "EUR", to: "acct_bakery" });
    assert.equal(rows().length, 1, "the retry must replay the lost answer, not charge again");
  });
});

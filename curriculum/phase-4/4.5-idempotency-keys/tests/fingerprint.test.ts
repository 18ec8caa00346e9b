// fingerprint(): what makes two requests "the same request" for an idempotency key.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprint } from "./src/idempotency.ts";

const base = { method: "POST", path: "/payments", body: '{"amount":2500,"currency":"EUR","to":"acct_bakery"}' };

test("the same JSON with other key order or spacing gives the same fingerprint", () => {
  const reordered = { ...base, body: '{ "to": "acct_bakery",\n  "currency": "EUR", "amount": 2500 }' };
  assert.equal(fingerprint(reordered), fingerprint(base), "a retry that serialises the same object differently is still the same request");
  const nested = (body: string) => fingerprint({ ...base, body });
  assert.equal(
    nested('{"card":{"last4":"4242","brand":"visa"},"amount":1}'),
    nested('{"amount":1,"card":{"brand":"visa","last4":"4242"}}'),
    "key order must not matter inside nested objects either",
  );
});

test("a different value, method or path gives a different fingerprint", () => {
  const print = fingerprint(base);
  assert.notEqual(fingerprint({ ...base, body: base.body.replace("2500", "2501") }), print, "a different amount is a different request");
  assert.notEqual(fingerprint({ ...base, method: "PUT" }), print, "the method is part of what a request asks for");
  assert.notEqual(fingerprint({ ...base, path: "/refunds" }), print, "the path is part of what a request asks for");
  assert.notEqual(
    fingerprint({ ...base, body: '{"items":[1,2]}' }),
    fingerprint({ ...base, body: '{"items":[2,1]}' }),
    "order inside an array is meaning: [1,2] and [2,1] are different requests",
  );
});

test("a body that is not JSON is compared as it is, and the fingerprint is a deterministic string", () => {
  assert.equal(typeof fingerprint(base), "string", "fingerprint() returns a string");
  assert.equal(
    fingerprint({ ...base, body: "amount=1" }),
    fingerprint({ ...base, body: "amount=1" }),
    "the same bytes, the same fingerprint",
  );
  assert.notEqual(
    fingerprint({ ...base, body: "amount=1" }),
    fingerprint({ ...base, body: "amount=2" }),
    "different bytes, different fingerprints",
  );
  assert.notEqual(fingerprint({ ...base, body: "" }), fingerprint(base), "an empty body differs from a payment");
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { parseYaml } from "./parse-yaml.js";
import { taskSchema } from "./schema.js";

const valid = `id: 1.3-async-channel
title: A channel
kind: code
summary: Build it.
criteria: [a, b, c]
files: [src/channel.ts]
hints: [one]
`;

test("a valid task parses, with defaults filled in", () => {
  const r = parseYaml(valid, "t.yaml", taskSchema);
  assert.equal(r.ok, true);
  if (r.ok) {
    assert.deepEqual(r.value.review, ["3d", "7d", "21d", "60d"]);
    assert.equal(r.value.timeout, "10s");
  }
});

test("a wrong field is reported at its own line", () => {
  const r = parseYaml(valid.replace("kind: code", "kind: lecture"), "t.yaml", taskSchema);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]?.line, 3);
    assert.match(r.problems[0]?.message ?? "", /^kind: /);
  }
});

test("every problem is reported, not just the first", () => {
  const r = parseYaml(valid.replace("kind: code", "kind: 7").replace("criteria: [a, b, c]", "criteria: [a]"), "t.yaml", taskSchema);
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.problems.map((p) => p.line).sort(), [3, 5]);
});

test("an unknown key is an error (typos do not pass silently)", () => {
  const r = parseYaml(`${valid}hint: [typo]\n`, "t.yaml", taskSchema);
  assert.equal(r.ok, false);
});

test("malformed yaml is reported with its line", () => {
  const r = parseYaml("id: x\ntitle: [unclosed\nkind: code\n", "t.yaml", taskSchema);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.problems[0]?.message ?? "", /malformed yaml/);
    assert.ok((r.problems[0]?.line ?? 0) >= 2);
  }
});

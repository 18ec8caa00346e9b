import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDuration, parseDuration, relative } from "./duration.js";

test("parses every unit", () => {
  assert.equal(parseDuration("500ms"), 500);
  assert.equal(parseDuration("10s"), 10_000);
  assert.equal(parseDuration("5m"), 300_000);
  assert.equal(parseDuration("3h"), 10_800_000);
  assert.equal(parseDuration("3d"), 259_200_000);
  assert.equal(parseDuration("1.5s"), 1500);
});

test("rejects what is not a duration", () => {
  for (const bad of ["", "3", "d3", "3 days", "-1s", "3w"]) assert.equal(parseDuration(bad), undefined, bad);
});

test("formats back to the shortest exact unit", () => {
  assert.equal(formatDuration(259_200_000), "3d");
  assert.equal(formatDuration(90_000), "90s");
  assert.equal(formatDuration(1500), "1500ms");
});

test("relative distances read naturally", () => {
  assert.equal(relative(3 * 86_400_000), "in 3 days");
  assert.equal(relative(-3_600_000), "1 hour ago");
  assert.equal(relative(30_000), "in 1 minute");
});

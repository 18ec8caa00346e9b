// createJobRunner on its own: submit returns at once, and every way a job can end is recorded.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eventually, handJob } from "./helpers.ts";
import { createJobRunner } from "./src/jobs.ts";

/** Resolves after `n` turns of the event loop. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

test("submit() resolves with an id while the job is still running", async () => {
  const job = handJob();
  const runner = createJobRunner({ export: job.handler });
  const id = await Promise.race([runner.submit("export", { format: "json" }), turns(50).then(() => "still waiting")]);
  assert.notEqual(id, "still waiting", "submit() must not wait for the job: the job here never finishes");
  const run = await job.started();
  assert.deepEqual(run.input, { format: "json" }, "the handler must get the input given to submit()");
  assert.equal((await runner.status(id))?.state, "running");
});

test("status() is null for an id the runner never issued", async () => {
  assert.equal(await createJobRunner({}).status("nope"), null);
});

test("a handler that throws before returning a promise still ends failed", async () => {
  const runner = createJobRunner({
    boom: () => {
      throw new Error("bad input");
    },
  });
  const id = await runner.submit("boom", null);
  await eventually(async () => (await runner.status(id))?.state === "failed", "the job to end failed");
  assert.equal((await runner.status(id))?.error, "bad input");
});

test("a rejection that is not an Error is recorded as text", async () => {
  const runner = createJobRunner({ odd: () => Promise.reject("quota exceeded") });
  const id = await runner.submit("odd", null);
  await eventually(async () => (await runner.status(id))?.state === "failed", "the job to end failed");
  assert.equal((await runner.status(id))?.error, "quota exceeded");
});

test("progress stays between 0 and 1 and never goes down", async () => {
  const job = handJob();
  const runner = createJobRunner({ export: job.handler });
  const id = await runner.submit("export", null);
  const run = await job.started();
  const seen: number[] = [];
  for (const p of [0.4, 0.2, 1.7, -1]) {
    run.report(p);
    seen.push((await runner.status(id))?.progress ?? Number.NaN);
  }
  assert.deepEqual(seen, [0.4, 0.4, 1, 1], "reports of 0.4, 0.2, 1.7, -1 must show 0.4, 0.4, 1, 1: clamped to [0, 1] and never lower");
});

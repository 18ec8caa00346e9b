// POST /exports starts slow work and answers 202 at once; GET /jobs/:id reports on it. The
// export here is a job the test finishes by hand, so nothing depends on how long anything takes.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useServer } from "ts-dojo/harness";
import { createNote, eventually, expectProblem, handJob } from "./helpers.ts";
import type { JobState, JobStatus } from "./src/job-runner.ts";
import { start } from "./src/notes-server.ts";

let job = handJob();
const api = useServer(() => {
  job = handJob();
  return start({ port: 0, deps: { exportJob: job.handler } });
});

/** Set once a POST /exports has hung, so later tests fail at once instead of waiting again. */
let hung = false;

/** POST /exports; returns the job's path from Location. */
async function startExport(): Promise<string> {
  if (hung) throw new Error("POST /exports waited for the job to finish in an earlier test; it must answer 202 at once");
  // The job is not finished before this returns; the timeout only turns a hang into a failure.
  const reply = await api.post("/exports", { timeoutMs: 1000 }).catch((error: unknown) => {
    hung = true;
    throw error;
  });
  reply.expectStatus(202).expectHeader("location", /\/jobs\/[^/?#]+$/);
  return new URL(reply.header("location") ?? "", "http://127.0.0.1").pathname;
}

async function jobStatus(path: string): Promise<JobStatus> {
  return (await api.get(path)).expectStatus(200).expectContentType("application/json").json<JobStatus>();
}

/** Poll the job until its state is one of `states`; fails (naming the last state) if it never gets there. */
async function until(path: string, ...states: JobState[]): Promise<JobStatus> {
  let last: JobStatus | undefined;
  try {
    await eventually(
      async () => {
        last = await jobStatus(path);
        return states.includes(last.state);
      },
      `the job to become ${states.join(" or ")}`,
    );
  } catch {
    throw api.http.failure(`the job never became ${states.join(" or ")}`, { expected: states, actual: last });
  }
  return last as JobStatus;
}

describe("POST /exports accepts slow work without waiting for it", () => {
  test("answers 202 with Location /jobs/:id while the job is still unfinished", async () => {
    const path = await startExport();
    const status = await jobStatus(path);
    assert.ok(status.state === "queued" || status.state === "running", `an unfinished job is queued or running, not ${status.state}`);
  });

  test("a new job shows progress 0 until the job reports some", async () => {
    const path = await startExport();
    await job.started();
    const status = await until(path, "running");
    assert.equal(status.progress, 0, "a running job that has reported nothing is at progress 0");
    assert.equal(status.resultUrl, undefined, "an unfinished job has no resultUrl yet");
  });

  test("each export is its own job with its own id", async () => {
    const a = await startExport();
    const b = await startExport();
    assert.notEqual(a, b, "two POST /exports must create two jobs");
  });

  test("GET /exports answers 405 with Allow: POST", async () => {
    (await api.get("/exports")).expectStatus(405).expectHeader("allow", /POST/);
  });

  test("an unknown job id answers 404 problem+json", async () => {
    expectProblem(await api.get("/jobs/00000000-0000-4000-8000-000000000000"), 404);
  });
});

describe("GET /jobs/:id follows the job to its end", () => {
  test("progress the job reports shows up in its status", async () => {
    const path = await startExport();
    const run = await job.started();
    run.report(0.25);
    (await api.get(path)).expectStatus(200).expectJsonMatch({ state: "running", progress: 0.25 });
    run.report(0.6);
    (await api.get(path)).expectJsonMatch({ state: "running", progress: 0.6 });
  });

  test("a finished job is succeeded, at progress 1, with the job's resultUrl", async () => {
    const path = await startExport();
    (await job.started()).resolve({ resultUrl: "/files/export-1.json" });
    const status = await until(path, "succeeded", "failed");
    assert.deepEqual(
      { state: status.state, progress: status.progress, resultUrl: status.resultUrl },
      {
        state: "succeeded",
        progress: 1,
        resultUrl: "/files/export-1.json",
      },
    );
  });

  test("a job that throws ends failed with its message, never stuck in running", async () => {
    const path = await startExport();
    (await job.started()).reject(new Error("disk full"));
    const status = await until(path, "failed", "succeeded");
    assert.equal(status.state, "failed", "a job whose work rejected must end failed");
    assert.equal(status.error, "disk full", "a failed job's error must be the message it failed with");
  });

  test("states only move forward, and a finished job stays finished", async () => {
    const path = await startExport();
    const order: JobState[] = ["queued", "running", "succeeded"];
    const seen: JobState[] = [(await jobStatus(path)).state];
    const run = await job.started();
    seen.push((await jobStatus(path)).state);
    run.report(0.5);
    run.resolve({ resultUrl: "/files/x" });
    seen.push((await until(path, "succeeded")).state);
    run.report(0.1);
    run.reject(new Error("too late"));
    seen.push((await jobStatus(path)).state);
    const ranks = seen.map((s) => order.indexOf(s));
    assert.deepEqual(
      [...ranks].sort((a, b) => a - b),
      ranks,
      `job states went backwards: ${seen.join(" → ")}`,
    );
    assert.equal(seen.at(-1), "succeeded", "reports after the end must not change a finished job");
  });
});

describe("without a replacement, the real export runs", () => {
  const real = useServer(() => start({ port: 0 }));

  test("POST /exports with the default job exports every note", async () => {
    for (const title of ["a", "b", "c"]) await createNote(real, title);
    const reply = await real.post("/exports");
    reply.expectStatus(202);
    const path = new URL(reply.header("location") ?? "", "http://127.0.0.1").pathname;
    let status: JobStatus | undefined;
    await eventually(async () => {
      status = (await real.get(path)).expectStatus(200).json<JobStatus>();
      return status.state === "succeeded";
    }, "the default export to succeed");
    const data = (status?.resultUrl ?? "").replace(/^data:application\/json;base64,/, "");
    const exported = JSON.parse(Buffer.from(data, "base64").toString("utf8")) as { notes: Array<{ title: string }> };
    // Notes made in the same millisecond tie on createdAt, so their order is the ids': compare as a set.
    assert.deepEqual(exported.notes.map((n) => n.title).sort(), ["a", "b", "c"], "the default export (exportNotes) must hold every note");
  });
});

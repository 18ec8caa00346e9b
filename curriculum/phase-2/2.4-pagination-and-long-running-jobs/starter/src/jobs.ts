/**
 * An in-memory JobRunner (see job-runner.ts for the contract): jobs live in a Map and run in
 * this process.
 */
import type { JobHandler, JobRunner } from "./job-runner.ts";

/** A runner for the given kinds of job, e.g. createJobRunner({ export: exportNotes(store) }). */
export function createJobRunner(handlers: Readonly<Record<string, JobHandler>>): JobRunner {
  // TODO: keep a Map from job id to JobStatus. submit() records the job as "queued", starts the
  // handler on a later turn of the event loop WITHOUT awaiting it, and returns the id at once.
  // The run moves the job to "running", lets the handler report progress (0..1, never down),
  // and ends it "succeeded" (progress 1, resultUrl) or "failed" (error: the message).
  throw new Error(`TODO: createJobRunner for ${Object.keys(handlers).join(", ")}`);
}

/**
 * An in-memory JobRunner: jobs live in a Map and run in this process. Enough to answer 202
 * and report progress honestly; not enough to survive a restart, which task 5.3 fixes.
 */
import { randomUUID } from "node:crypto";
import type { JobHandler, JobRunner, JobState, JobStatus } from "./job-runner.ts";

/** Position in the life of a job; a job may only move to a higher rank. */
const RANK: Record<JobState, number> = { queued: 0, running: 1, succeeded: 2, failed: 2 };

/** A runner for the given kinds of job, e.g. createJobRunner({ export: exportNotes(store) }). */
export function createJobRunner(handlers: Readonly<Record<string, JobHandler>>): JobRunner {
  const jobs = new Map<string, JobStatus>();

  /** Apply a change unless it would move the job backwards or reopen a finished one. */
  const move = (id: string, next: Omit<JobStatus, "id">) => {
    const job = jobs.get(id);
    if (job && RANK[next.state] > RANK[job.state]) jobs.set(id, { id, ...next });
  };

  const run = async (id: string, handler: JobHandler, input: unknown) => {
    move(id, { state: "running", progress: 0 });
    const report = (progress: number) => {
      const job = jobs.get(id);
      if (job?.state !== "running" || !Number.isFinite(progress)) return;
      // Clamp to [0, 1] and never go down: a client polling must never see a bar shrink.
      jobs.set(id, { ...job, progress: Math.max(job.progress, Math.min(1, Math.max(0, progress))) });
    };
    try {
      // Wrapping the call turns a handler that throws before its first await into a rejection too.
      const { resultUrl } = await new Promise<{ resultUrl: string }>((resolve) => resolve(handler(input, report)));
      move(id, { state: "succeeded", progress: 1, resultUrl });
    } catch (error) {
      const progress = jobs.get(id)?.progress ?? 0;
      move(id, { state: "failed", progress, error: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    async submit(kind, input) {
      const handler = handlers[kind];
      if (!handler) throw new Error(`no handler for jobs of kind "${kind}"`);
      const id = randomUUID();
      jobs.set(id, { id, state: "queued", progress: 0 });
      // Start on a later turn of the event loop and do not await it: the caller gets the id now.
      setImmediate(() => void run(id, handler, input));
      return id;
    },
    async status(id) {
      const job = jobs.get(id);
      return job ? { ...job } : null;
    },
  };
}

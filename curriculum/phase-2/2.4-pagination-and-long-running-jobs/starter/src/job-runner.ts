/**
 * The contract between the HTTP layer and whatever runs slow work. Read-only: the server talks
 * only to a JobRunner, so task 5.3 can put a real, crash-proof queue behind the same interface.
 */

/** A job's life: queued → running → succeeded | failed. It never moves backwards. */
export type JobState = "queued" | "running" | "succeeded" | "failed";

/** What GET /jobs/:id shows. */
export interface JobStatus {
  readonly id: string;
  readonly state: JobState;
  /** From 0 to 1, never decreasing; 1 once succeeded. */
  readonly progress: number;
  /** Where the finished result can be fetched; only when succeeded. */
  readonly resultUrl?: string;
  /** What went wrong, in words; only when failed. */
  readonly error?: string;
}

/**
 * The work of one kind of job. It gets the input given to submit() and a way to report
 * progress (0 to 1), and resolves with where its result lives, or rejects.
 */
export type JobHandler = (input: unknown, report: (progress: number) => void) => Promise<{ resultUrl: string }>;

export interface JobRunner {
  /** Queue a job of this kind and resolve with its id at once, long before the job is done. */
  submit(kind: string, input: unknown): Promise<string>;
  /** The job's current status, or null for an id it never issued. */
  status(id: string): Promise<JobStatus | null>;
}

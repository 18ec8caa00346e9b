/**
 * The wire format between the test child and the dojo: one JSON object per line on fd 3.
 * The reporter (reporter.ts) writes it; run-tests.ts reads it. Keep both in step.
 */
export interface FailureInfo {
  readonly message: string;
  /** util.inspect of the values, when the failure was an assertion. */
  readonly expected?: string;
  readonly actual?: string;
  readonly operator?: string;
  /** "file:line:col" of the failing assertion or throw, inside the run folder. */
  readonly location?: string;
  readonly stack?: string;
  /** From the server harness: the request sent and the response received. */
  readonly context?: string;
  /** From the server harness: shell commands that replay the failing test's requests. */
  readonly repro?: string;
}

export type ChildEvent =
  | { readonly t: "start"; readonly name: string }
  | {
      readonly t: "test";
      readonly name: string;
      readonly ok: boolean;
      readonly ms: number;
      readonly skip?: boolean;
      /** Why it was skipped, when the test said (e.g. "needs PostgreSQL …"). */
      readonly skipReason?: string;
      readonly failure?: FailureInfo;
    }
  | { readonly t: "done"; readonly pass: number; readonly fail: number };

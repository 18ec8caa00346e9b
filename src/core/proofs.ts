/**
 * What `dev check` runs to prove an exercise, and how it judges each run. Pure: the runner
 * produces the results, this decides whether they prove what they must.
 *   starter   must fail on behaviour (type-check clean, at least one test failing)
 *   solution  must pass, three runs in a row (catches flaky tests)
 *   bad/<x>   must fail on behaviour, like the starter
 */
import type { Task } from "./curriculum.js";
import type { Problem } from "./problem.js";

export const SOLUTION_RUNS = 3;

export interface ProofJob {
  readonly task: Task;
  readonly subject: "starter" | "solution" | `bad/${string}`;
  readonly run: number;
}

export function proofJobs(tasks: readonly Task[]): ProofJob[] {
  return tasks.flatMap((task) => [
    { task, subject: "starter" as const, run: 1 },
    ...Array.from({ length: SOLUTION_RUNS }, (_, i) => ({ task, subject: "solution" as const, run: i + 1 })),
    ...task.knownBad.map((b) => ({ task, subject: `bad/${b.name}` as const, run: 1 })),
  ]);
}

export interface ProofOutcome {
  readonly status: "passed" | "failed" | "error" | "cancelled";
  readonly failing: readonly string[];
  readonly total: number;
  readonly typeErrors: readonly string[];
  readonly compileErrors: readonly string[];
  readonly reason?: string;
}

export function judge(job: ProofJob, r: ProofOutcome): Problem | undefined {
  const file = `${job.task.dir}/${job.subject}/`;
  const types = r.typeErrors.length > 0 ? ` Type errors: ${r.typeErrors.slice(0, 3).join("; ")}` : "";
  if (job.subject === "solution") {
    if (r.status === "passed") return undefined;
    const why = r.failing.length ? `failing: ${r.failing.slice(0, 3).join("; ")}` : (r.reason ?? r.status);
    return { file, message: `the solution must pass, but run ${job.run} of ${SOLUTION_RUNS} did not (${why}).${types}` };
  }
  const what = job.subject === "starter" ? "the starter" : `known-bad ${job.subject}`;
  if (r.status === "passed") return { file, message: `${what} passes every test (${r.total}); the tests do not catch it` };
  if (r.status === "error") return { file, message: `${what}: ${r.reason ?? "the run did not complete"}` };
  if (r.compileErrors.length > 0) return { file, message: `${what} does not compile: ${r.compileErrors[0]}` };
  if (r.typeErrors.length > 0) return { file, message: `${what} must type-check and fail on behaviour.${types}` };
  if (r.failing.length === 0 && !r.reason) return { file, message: `${what} failed without a failing test` };
  return undefined;
}

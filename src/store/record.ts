/** Record an event: write its attempt file and commit it, with the task's files, under the lock. */
import type { Attempt } from "../core/attempt.js";
import type { Curriculum, Task } from "../core/curriculum.js";
import { progressOf, type TaskProgress } from "../core/mastery.js";
import { commitMessage, verifyRecord } from "../core/record.js";
import type { SchedulerConfig } from "../core/schedule.js";
import type { RunResult } from "../runner/run-task.js";
import { mark } from "../runner/trace.js";
import { appendAttempt, readAttempts } from "./attempts.js";
import { commitPaths } from "./git.js";
import { withLock } from "./lock.js";
import type { Workspace } from "./workspace.js";

export interface Recorded {
  readonly attemptPath: string;
  /** Short hash of the commit, or "" when git had nothing new to commit. */
  readonly commit: string;
}

/** taskPath: the task's exercise folder, committed with the record (drill and placement records have none). */
export function record(ws: Workspace, attempt: Attempt, taskPath?: string): Promise<Recorded> {
  return withLock(ws, async () => {
    mark("lock taken");
    const { path: attemptPath, cached } = await appendAttempt(ws, attempt);
    mark("attempt written");
    // The task's whole attempts folder, so a record left uncommitted by a crash is picked up too.
    const attempts = `.ts-dojo/attempts/${attempt.task}`;
    const paths = taskPath ? [taskPath, attempts] : [attempts];
    const [commit] = await Promise.all([commitPaths(ws.root, paths, commitMessage(attempt, attemptPath)), cached]);
    return { attemptPath, commit };
  });
}

/** Load what recording needs while the caller waits on something else (verify: the tests). */
export function preloadRecording(): void {
  void import("proper-lockfile").catch(() => {});
  void import("write-file-atomic").catch(() => {});
}

/**
 * Record a finished verify run: the attempt (with hints used and whether the solution was seen
 * so far), committed with the task's files. Returns the records after it and the new progress.
 */
export async function recordVerify(
  ctx: { ws: Workspace; curriculum: Curriculum; config: SchedulerConfig },
  task: Task,
  result: RunResult,
  at: Date,
): Promise<Recorded & { records: Attempt[]; progress: TaskProgress }> {
  const { records } = await readAttempts(ctx.ws);
  const prior = progressOf(task, records, ctx.config);
  const solutionSeen = records.some((r) => r.task === task.id && r.event === "solution");
  const status = result.status === "cancelled" ? "error" : result.status;
  const attempt = verifyRecord(
    task.id,
    { status, tests: result.tests, typeErrors: result.typeErrors.length, durationMs: result.durationMs },
    at,
    {
      hintsUsed: prior.hintsUsed,
      solutionSeen,
      curriculumVersion: ctx.curriculum.course.version,
    },
  );
  const saved = await record(ctx.ws, attempt, ctx.ws.taskPath(task));
  const after = [...records, attempt];
  return { ...saved, records: after, progress: progressOf(task, after, ctx.config) };
}

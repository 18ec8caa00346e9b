/** Record an event: write its attempt file and commit it, with the task's files, under the lock. */
import type { Attempt } from "../core/attempt.js";
import { commitMessage } from "../core/record.js";
import { mark } from "../runner/trace.js";
import { appendAttempt } from "./attempts.js";
import { commitPaths } from "./git.js";
import { withLock } from "./lock.js";
import type { Workspace } from "./workspace.js";

export interface Recorded {
  readonly attemptPath: string;
  /** Short hash of the commit, or "" when git had nothing new to commit. */
  readonly commit: string;
}

export function record(ws: Workspace, attempt: Attempt, taskPath: string): Promise<Recorded> {
  return withLock(ws, async () => {
    mark("lock taken");
    const attemptPath = await appendAttempt(ws, attempt);
    mark("attempt written");
    // The task's whole attempts folder, so a record left uncommitted by a crash is picked up too.
    const attempts = `.ts-dojo/attempts/${attempt.task}`;
    const commit = await commitPaths(ws.root, [taskPath, attempts], commitMessage(attempt, attemptPath));
    return { attemptPath, commit };
  });
}

/** Load what recording needs while the caller waits on something else (verify: the tests). */
export function preloadRecording(): void {
  void import("proper-lockfile").catch(() => {});
  void import("write-file-atomic").catch(() => {});
}

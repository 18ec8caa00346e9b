/** Record an event: write its attempt file and commit it, with the task's files, under the lock. */
import type { Attempt } from "../core/attempt.js";
import { commitMessage } from "../core/record.js";
import { writeAttempt } from "./attempts.js";
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
    const attemptPath = await writeAttempt(ws, attempt);
    const commit = await commitPaths(ws.root, [taskPath, attemptPath], commitMessage(attempt, attemptPath));
    return { attemptPath, commit };
  });
}

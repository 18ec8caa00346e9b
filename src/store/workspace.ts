/**
 * The learner's workspace on disk:
 *   .ts-dojo/workspace.json   { format: 1, created, curriculumVersion } — marks the root
 *   .ts-dojo/attempts/<task>/ one JSON record per event (attempts.ts)
 *   .ts-dojo/state.json       a cache of the records, rebuilt whenever it is stale or unreadable
 *   exercises/phase-N/<task>/ the learner's files
 */
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Task } from "../core/curriculum.js";
import { DojoError } from "../core/errors.js";

export interface Workspace {
  readonly root: string;
  readonly meta: string;
  readonly attempts: string;
  readonly state: string;
  taskDir(task: Task): string;
  /** The task folder relative to the root, for git and messages. */
  taskPath(task: Task): string;
}

export function workspaceAt(root: string): Workspace {
  const meta = join(root, ".ts-dojo");
  return {
    root,
    meta,
    attempts: join(meta, "attempts"),
    state: join(meta, "state.json"),
    taskPath: (task) => `exercises/phase-${task.phase}/${task.id}`,
    taskDir: (task) => join(root, "exercises", `phase-${task.phase}`, task.id),
  };
}

/** The workspace containing cwd, searching upwards like git does. */
export async function findWorkspace(cwd: string): Promise<Workspace> {
  let dir = cwd;
  for (;;) {
    if (await stat(join(dir, ".ts-dojo", "workspace.json")).catch(() => undefined)) return workspaceAt(dir);
    const up = dirname(dir);
    if (up === dir) throw new DojoError("NotAWorkspace", { cwd });
    dir = up;
  }
}

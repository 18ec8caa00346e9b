/**
 * A task's folder in the workspace: its starter, a copy of the canonical tests to read and run
 * by hand, and the lesson as README.md. init makes one per task; a workspace made by an older
 * ts-dojo gets the folders of tasks added since on first use.
 */
import { cp, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Task } from "../core/curriculum.js";
import type { Workspace } from "./workspace.js";

export async function writeTaskFolder(curriculumRoot: string, ws: Workspace, task: Task): Promise<void> {
  const from = join(curriculumRoot, task.dir);
  const to = ws.taskDir(task);
  await cp(join(from, "starter"), to, { recursive: true });
  await cp(join(from, "tests"), to, { recursive: true });
  await cp(join(from, "lesson.md"), join(to, "README.md"));
}

/** Create the task's folder if the workspace has none; true when it did. Never touches an existing one. */
export async function ensureTaskFolder(curriculumRoot: string, ws: Workspace, task: Task): Promise<boolean> {
  if (await stat(ws.taskDir(task)).catch(() => undefined)) return false;
  await writeTaskFolder(curriculumRoot, ws, task);
  return true;
}

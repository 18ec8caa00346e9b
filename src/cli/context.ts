/** What most commands start with: the curriculum, the workspace, and the task they act on. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Curriculum, resolveTaskId, suggestTask, type Task } from "../core/curriculum.js";
import { DojoError } from "../core/errors.js";
import { type CourseProgress, courseProgress } from "../core/mastery.js";
import { formatProblem } from "../core/problem.js";
import { type RecordSet, readAttempts } from "../store/attempts.js";
import { loadCurriculumCached } from "../store/curriculum-cache.js";
import { curriculumRoot } from "../store/paths.js";
import { ensureTaskFolder } from "../store/task-folder.js";
import { findWorkspace, type Workspace } from "../store/workspace.js";
import { readWorkspaceConfig, type WorkspaceSettings } from "../store/workspace-config.js";
import type { IO } from "./io.js";

/**
 * Load the curriculum, failing with every schema problem listed when it is broken. Which one:
 * TS_DOJO_CURRICULUM, else the one the workspace was made from, else the one ts-dojo ships.
 */
export async function curriculumFor(io: IO, ws?: Workspace): Promise<Curriculum> {
  const root = io.env.TS_DOJO_CURRICULUM || (ws && (await workspaceCurriculum(ws))) || curriculumRoot(io.env);
  const { curriculum, problems } = await loadCurriculumCached(root);
  if (!curriculum || problems.length > 0) {
    throw new DojoError("CurriculumInvalid", { root, count: problems.length, list: problems.map(formatProblem).join("\n") });
  }
  return curriculum;
}

async function workspaceCurriculum(ws: Workspace): Promise<string | undefined> {
  const meta = await readFile(join(ws.meta, "workspace.json"), "utf8").then(
    (t) => JSON.parse(t) as { curriculum?: string },
    () => undefined,
  );
  return meta?.curriculum;
}

export interface Context {
  readonly curriculum: Curriculum;
  readonly config: WorkspaceSettings;
  readonly ws: Workspace;
  readonly records: RecordSet;
  readonly progress: CourseProgress;
}

export async function contextFor(io: IO): Promise<Context> {
  const ws = await findWorkspace(io.cwd);
  const curriculum = await curriculumFor(io, ws);
  const [records, config] = await Promise.all([readAttempts(ws), readWorkspaceConfig(ws)]);
  if (records.rebuiltCache)
    io.err(io.color.yellow(`note: .ts-dojo/state.json was unreadable; rebuilt it from ${records.records.length} attempt records.`));
  for (const f of records.skipped) io.err(io.color.yellow(`note: skipped ${f}: it is not a valid attempt record (left untouched).`));
  let progress: CourseProgress | undefined;
  return {
    curriculum,
    ws,
    records,
    config,
    // Computed on first use: verify with a task named never needs it.
    get progress() {
      progress ??= courseProgress(curriculum.tasks, records.records, io.now(), config);
      return progress;
    },
  };
}

/** The task named on the command line, or the current task when none is. */
export function pickTask(ctx: Pick<Context, "curriculum" | "progress">, given: string | undefined): Task {
  if (given) {
    const task = resolveTaskId(ctx.curriculum, given);
    if (!task) throw new DojoError("UnknownTask", { task: given, suggestion: suggestTask(ctx.curriculum, given) });
    return task;
  }
  const due = ctx.progress.due[0];
  if (ctx.progress.current) return ctx.progress.current;
  const dueTask = due && ctx.curriculum.tasks.find((t) => t.id === due.task);
  if (dueTask) return dueTask;
  throw new DojoError("NothingToDo");
}

/**
 * pickTask, plus the task's folder when the workspace predates the task (made by an older
 * ts-dojo): created from the starter, and said so. An existing folder is never touched.
 */
export async function pickTaskFolder(ctx: Context, given: string | undefined, io: IO): Promise<Task> {
  const task = pickTask(ctx, given);
  if (await ensureTaskFolder(ctx.curriculum.root, ctx.ws, task))
    io.out(`${io.color.green("+")} Added ${ctx.ws.taskPath(task)}: this task is newer than your workspace.`);
  return task;
}

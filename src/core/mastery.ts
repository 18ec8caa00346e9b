/**
 * Mastery as a pure function of attempt records and the clock.
 *
 *   new ──fail──► learning ──pass──► passed (first review due after review[0])
 *                                      │ review passed on or after its due date
 *                                      ▼
 *                         reviewing (stage k of n) ──…──► mastered (every interval passed)
 *   A failed review is a lapse: the task drops back one stage, due again after that interval.
 * Verifies before a review is due are practice and leave the schedule alone.
 */
import type { Attempt } from "./attempt.js";
import type { Task } from "./curriculum.js";
import { parseDuration } from "./duration.js";

export type MasteryState = "new" | "learning" | "passed" | "reviewing" | "mastered";

export interface TaskProgress {
  readonly task: string;
  readonly state: MasteryState;
  /** Reviews passed so far: 0 after the first pass, n when mastered. */
  readonly stage: number;
  readonly stages: number;
  /** When the next review is due (undefined before the first pass and once mastered). */
  readonly due: Date | undefined;
  readonly attempts: number;
  readonly hintsUsed: number;
  readonly lastResult: "passed" | "failed" | "error" | undefined;
  readonly lastAt: Date | undefined;
  readonly lapses: number;
}

export function progressOf(task: Task, records: readonly Attempt[]): TaskProgress {
  const ladder = task.review.map((d) => parseDuration(d) ?? 0);
  let state: MasteryState = "new";
  let stage = 0;
  let due: Date | undefined;
  let attempts = 0;
  let hintsUsed = 0;
  let lapses = 0;
  let lastResult: TaskProgress["lastResult"];
  let lastAt: Date | undefined;
  const sorted = records.filter((r) => r.task === task.id).sort((a, b) => a.at.localeCompare(b.at));
  for (const r of sorted) {
    if (r.event === "hint") hintsUsed = Math.max(hintsUsed, r.index + 1);
    if (r.event === "placed" && (state === "new" || state === "learning")) {
      // Placement vouches for the task: passed, with its first review one interval out.
      state = "passed";
      due = addMs(new Date(r.at), ladder[0]);
      continue;
    }
    if (r.event !== "verify" || r.result === "error") continue;
    const at = new Date(r.at);
    attempts++;
    lastResult = r.result;
    lastAt = at;
    const passed = r.result === "passed";
    if (state === "new" || state === "learning") {
      state = passed ? "passed" : "learning";
      if (passed) due = addMs(at, ladder[0]);
    } else if (state !== "mastered" && due && at >= due) {
      if (passed) stage++;
      else {
        lapses++;
        stage = Math.max(0, stage - 1);
      }
      state = stage === 0 ? "passed" : stage >= ladder.length ? "mastered" : "reviewing";
      due = state === "mastered" ? undefined : addMs(at, ladder[stage]);
    }
  }
  return { task: task.id, state, stage, stages: ladder.length, due, attempts, hintsUsed, lastResult, lastAt, lapses };
}

const addMs = (d: Date, ms: number | undefined) => new Date(d.getTime() + (ms ?? 0));

export const isDone = (p: TaskProgress) => p.state !== "new" && p.state !== "learning";
export const isDue = (p: TaskProgress, now: Date) => p.due !== undefined && p.due <= now;

export interface CourseProgress {
  readonly tasks: ReadonlyMap<string, TaskProgress>;
  /** The first task in course order not yet passed. */
  readonly current: Task | undefined;
  /** Reviews due now, earliest first. */
  readonly due: readonly TaskProgress[];
  /** The next review after now, if none is due. */
  readonly upcoming: TaskProgress | undefined;
}

export function courseProgress(tasks: readonly Task[], records: readonly Attempt[], now: Date): CourseProgress {
  const byTask = new Map<string, Attempt[]>();
  for (const r of records) byTask.set(r.task, [...(byTask.get(r.task) ?? []), r]);
  const progress = new Map(tasks.map((t) => [t.id, progressOf(t, byTask.get(t.id) ?? [])]));
  const all = [...progress.values()];
  const byDue = (a: TaskProgress, b: TaskProgress) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0);
  return {
    tasks: progress,
    current: tasks.find((t) => !isDone(progress.get(t.id) as TaskProgress)),
    due: all.filter((p) => isDue(p, now)).sort(byDue),
    upcoming: all.filter((p) => p.due && p.due > now).sort(byDue)[0],
  };
}

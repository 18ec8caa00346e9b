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
import { byTime } from "./record.js";
import { DEFAULT_SCHEDULER, type Grade, Memory, type SchedulerConfig } from "./schedule.js";

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

/** One review of a task: when, at which stage, how it went, and what FSRS expected. */
export interface ReviewEvent {
  readonly task: string;
  readonly at: Date;
  /** Stage before the review (0 = the first review after the first pass). */
  readonly stage: number;
  readonly grade: Grade;
  readonly passed: boolean;
  readonly predictedRecall: number;
  /** Scheduled days after this review (the next interval). */
  readonly intervalDays: number;
}

export function progressOf(task: Task, records: readonly Attempt[], config: SchedulerConfig = DEFAULT_SCHEDULER): TaskProgress {
  // The ladder needs no memory model; stepping FSRS through every review is most of the cost
  // of status and verify in a workspace with a long history.
  return walk(task, records, config, config.scheduler === "fsrs").progress;
}

/** Walk a task's records in time order: its progress now, and every review on the way. */
export function historyOf(
  task: Task,
  records: readonly Attempt[],
  config: SchedulerConfig = DEFAULT_SCHEDULER,
): { progress: TaskProgress; reviews: ReviewEvent[]; memory: Memory } {
  const { progress, reviews, memory } = walk(task, records, config, true);
  return { progress, reviews, memory: memory ?? new Memory(config.retention) };
}

function walk(
  task: Task,
  records: readonly Attempt[],
  config: SchedulerConfig,
  withMemory: boolean,
): { progress: TaskProgress; reviews: ReviewEvent[]; memory: Memory | undefined } {
  const ladder = task.review.map((d) => parseDuration(d) ?? 0);
  const lastRungDays = (ladder[ladder.length - 1] ?? 0) / DAY;
  const memory = withMemory ? new Memory(config.retention) : undefined;
  const reviews: ReviewEvent[] = [];
  let state: MasteryState = "new";
  let stage = 0;
  let due: Date | undefined;
  let attempts = 0;
  let hintsUsed = 0;
  let lapses = 0;
  let lastResult: TaskProgress["lastResult"];
  let lastAt: Date | undefined;
  // Since the last scheduling event: anything that makes a pass "Hard".
  let struggled = false;
  let timeboxEnds: number | undefined;
  const sorted = records.filter((r) => r.task === task.id).sort(byTime);

  const schedule = (at: Date, grade: Grade, passed: boolean) => {
    const before = stage;
    const predicted = memory?.recall(at);
    const next = memory?.review(at, grade);
    if (state !== "new" && state !== "learning") {
      if (passed) stage++;
      else {
        lapses++;
        stage = Math.max(0, stage - 1);
      }
    }
    if (config.scheduler === "fsrs" && next) {
      state =
        !passed && state === "learning"
          ? "learning"
          : stage === 0
            ? "passed"
            : next.intervalDays >= lastRungDays
              ? "mastered"
              : "reviewing";
      due = state === "mastered" ? undefined : next.due;
    } else {
      state = stage === 0 ? "passed" : stage >= ladder.length ? "mastered" : "reviewing";
      due = state === "mastered" ? undefined : addMs(at, ladder[stage]);
    }
    if (next && predicted !== undefined)
      reviews.push({ task: task.id, at, stage: before, grade, passed, predictedRecall: predicted, intervalDays: next.intervalDays });
    struggled = false;
  };

  for (const r of sorted) {
    if (r.event === "hint") {
      hintsUsed = Math.max(hintsUsed, r.index + 1);
      struggled = true;
    }
    if (r.event === "solution") struggled = true;
    // A kata finished after its time box counts as a struggle: the pass is rated Hard.
    if (r.event === "review") timeboxEnds = new Date(r.at).getTime() + r.timeboxMinutes * 60_000;
    if (r.event === "placed" && (state === "new" || state === "learning")) {
      // Placement vouches for the task: passed, with its first review one interval out.
      state = "passed";
      memory?.review(new Date(r.at), "good");
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
      if (!passed) {
        state = "learning";
        struggled = true;
        continue;
      }
      const grade: Grade = struggled || r.hintsUsed > 0 || r.solutionSeen ? "hard" : "good";
      state = "passed";
      stage = 0;
      memory?.review(at, grade);
      due = addMs(at, ladder[0]);
      struggled = false;
    } else if ((state as MasteryState) !== "mastered" && due && at >= due) {
      const late = timeboxEnds !== undefined && at.getTime() > timeboxEnds;
      schedule(at, passed ? (struggled || late ? "hard" : "good") : "again", passed);
      timeboxEnds = undefined;
    } else if (!passed) {
      struggled = true;
    }
  }
  return {
    progress: { task: task.id, state, stage, stages: ladder.length, due, attempts, hintsUsed, lastResult, lastAt, lapses },
    reviews,
    memory,
  };
}

const DAY = 86_400_000;
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

export function courseProgress(
  tasks: readonly Task[],
  records: readonly Attempt[],
  now: Date,
  config: SchedulerConfig = DEFAULT_SCHEDULER,
): CourseProgress {
  const byTask = new Map<string, Attempt[]>();
  for (const r of records) byTask.set(r.task, [...(byTask.get(r.task) ?? []), r]);
  const progress = new Map(tasks.map((t) => [t.id, progressOf(t, byTask.get(t.id) ?? [], config)]));
  const all = [...progress.values()];
  const byDue = (a: TaskProgress, b: TaskProgress) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0);
  return {
    tasks: progress,
    current: tasks.find((t) => !isDone(progress.get(t.id) as TaskProgress)),
    due: all.filter((p) => isDue(p, now)).sort(byDue),
    upcoming: all.filter((p) => p.due && p.due > now).sort(byDue)[0],
  };
}

/** Minutes allowed for a review's kata: concept answers are quicker to redo than code. */
export function kataTimebox(task: Pick<Task, "kind">): number {
  return task.kind === "concept" ? 10 : 20;
}

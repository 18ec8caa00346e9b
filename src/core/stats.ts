/**
 * What `ts-dojo stats` shows, computed from records: reviews done, the observed pass rate per
 * ladder stage beside FSRS's predicted recall (a calibration table), and a 30-day forecast of
 * review workload, projected by assuming each review passes on its due day. Pure.
 */
import type { Attempt } from "./attempt.js";
import type { Task } from "./curriculum.js";
import { parseDuration } from "./duration.js";
import { historyOf, type ReviewEvent } from "./mastery.js";
import type { SchedulerConfig } from "./schedule.js";

export interface CalibrationRow {
  readonly stage: number;
  readonly reviews: number;
  readonly passed: number;
  readonly observed: number;
  readonly predicted: number;
}

export interface Stats {
  readonly reviews: readonly ReviewEvent[];
  readonly calibration: readonly CalibrationRow[];
  /** Reviews due on each of the next `days` days; day 0 includes everything overdue. */
  readonly forecast: readonly number[];
}

const DAY = 86_400_000;

export function statsOf(tasks: readonly Task[], records: readonly Attempt[], now: Date, config: SchedulerConfig, days = 30): Stats {
  const reviews: ReviewEvent[] = [];
  const forecast = Array.from({ length: days }, () => 0);
  const start = startOfDay(now);
  for (const task of tasks) {
    const h = historyOf(task, records, config);
    reviews.push(...h.reviews.filter((r) => r.at <= now));
    let due = h.progress.due;
    let stage = h.progress.stage;
    const memory = h.memory.clone();
    const ladder = task.review.map((d) => parseDuration(d) ?? 0);
    // Project forward: each review passes on its due day and schedules the next.
    while (due) {
      const day = Math.max(0, Math.floor((startOfDay(due).getTime() - start.getTime()) / DAY));
      if (day >= days) break;
      forecast[day] = (forecast[day] ?? 0) + 1;
      const at = due < now ? now : due;
      stage++;
      if (stage >= ladder.length && config.scheduler === "ladder") break;
      due = config.scheduler === "fsrs" ? memory.review(at, "good").due : new Date(at.getTime() + (ladder[stage] ?? 0));
    }
  }
  const byStage = new Map<number, ReviewEvent[]>();
  for (const r of reviews) byStage.set(r.stage, [...(byStage.get(r.stage) ?? []), r]);
  const calibration = [...byStage.entries()]
    .sort(([a], [b]) => a - b)
    .map(([stage, rs]) => {
      const passed = rs.filter((r) => r.passed).length;
      return {
        stage,
        reviews: rs.length,
        passed,
        observed: passed / rs.length,
        predicted: rs.reduce((sum, r) => sum + r.predictedRecall, 0) / rs.length,
      };
    });
  return { reviews: reviews.sort((a, b) => a.at.getTime() - b.at.getTime()), calibration, forecast };
}

function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

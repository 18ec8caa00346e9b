/**
 * Months of one learner's life under both schedulers, checking every due date: first pass,
 * reviews on time, a late review, a lapse, placement, and mastery.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Attempt } from "./attempt.js";
import type { Task } from "./curriculum.js";
import { historyOf, progressOf } from "./mastery.js";
import type { SchedulerConfig } from "./schedule.js";

const task = {
  id: "1.3-x",
  order: 0,
  phase: 1,
  review: ["3d", "7d", "21d", "60d"],
  listing: [],
  files: [],
  hints: ["h"],
} as unknown as Task;
const DAY = 86_400_000;
const t0 = Date.parse("2026-01-05T09:00:00Z");
const iso = (days: number) => new Date(t0 + days * DAY).toISOString();
const v = (days: number, result: "passed" | "failed", hintsUsed = 0): Attempt => ({
  v: 1,
  event: "verify",
  task: task.id,
  at: iso(days),
  result,
  tests: { passed: 1, failed: 0, total: 1 },
  failing: [],
  typeErrors: 0,
  durationMs: 1,
  hintsUsed,
  solutionSeen: false,
  curriculumVersion: "1",
});
const PINNED = ["2026-01-09", "2026-01-12", "2026-01-13", "2026-01-16", "2026-01-21"];
const ladder: SchedulerConfig = { scheduler: "ladder", retention: 0.9 };
const fsrs: SchedulerConfig = { scheduler: "fsrs", retention: 0.9 };
const dueDay = (records: Attempt[], config: SchedulerConfig) => {
  const due = progressOf(task, records, config).due;
  return due ? (due.getTime() - t0) / DAY : undefined;
};

describe("ladder", () => {
  test("every due date over a learner's months, on time, late, lapsed and mastered", () => {
    const life: Attempt[] = [v(0, "failed"), v(0.1, "passed")];
    assert.equal(dueDay(life, ladder), 3.1, "first review 3d after the first pass");
    life.push(v(3.1, "passed"));
    assert.equal(dueDay(life, ladder), 10.1, "then 7d");
    life.push(v(15, "passed")); // five days late: the next interval counts from the review
    assert.equal(dueDay(life, ladder), 36, "then 21d from the late review");
    life.push(v(36, "failed")); // lapse: back to stage 1 and its 7d interval
    assert.equal(progressOf(task, life, ladder).stage, 1);
    assert.equal(dueDay(life, ladder), 43);
    life.push(v(43, "passed"), v(64, "passed"));
    assert.equal(dueDay(life, ladder), 124, "stage 3 → the 60d rung");
    life.push(v(124, "passed"));
    assert.equal(progressOf(task, life, ladder).state, "mastered");
    assert.equal(dueDay(life, ladder), undefined);
  });

  test("placement counts as a pass with the first review one interval out", () => {
    const placed: Attempt = { v: 1, event: "placed", task: task.id, at: iso(0), correct: 4, asked: 4 };
    assert.equal(progressOf(task, [placed], ladder).state, "passed");
    assert.equal(dueDay([placed], ladder), 3);
    assert.equal(dueDay([placed, v(3, "passed")], ladder), 10);
  });
});

describe("fsrs", () => {
  test("due dates grow after clean passes, shrink after a lapse, and end once the interval passes the last rung", () => {
    const life: Attempt[] = [v(0, "passed")];
    assert.equal(dueDay(life, fsrs), 3, "the first review still comes at the task's first interval");
    let guard = 0;
    while (progressOf(task, life, fsrs).state !== "mastered" && guard++ < 20) life.push(v(dueDay(life, fsrs) as number, "passed"));
    const intervals = historyOf(task, life, fsrs).reviews.map((r) => r.intervalDays);
    assert.ok(intervals.length >= 2, `several reviews before mastery: ${intervals}`);
    assert.ok(
      intervals.every((d, k) => k === 0 || d > (intervals[k - 1] ?? 0)),
      `intervals should grow: ${intervals}`,
    );
    assert.ok((intervals.at(-1) ?? 0) >= 60, "an interval of 60 days or more is mastery");
    assert.equal(dueDay(life, fsrs), undefined);

    const lapsed = [v(0, "passed"), v(3, "passed")];
    const before = historyOf(task, lapsed, fsrs).reviews.at(-1)?.intervalDays ?? 0;
    lapsed.push(v(dueDay(lapsed, fsrs) as number, "failed"));
    const after = historyOf(task, lapsed, fsrs).reviews.at(-1)?.intervalDays ?? 99;
    assert.ok(after < before, `a lapse must shorten the interval (${after} < ${before})`);
    assert.equal(progressOf(task, lapsed, fsrs).lapses, 1);
  });

  test("a review passed after taking a hint is rated Hard and scheduled sooner than a clean one", () => {
    const hint: Attempt = { v: 1, event: "hint", task: task.id, at: iso(2.9), index: 0 };
    const clean = historyOf(task, [v(0, "passed"), v(3, "passed")], fsrs).reviews;
    const struggled = historyOf(task, [v(0, "passed"), hint, v(3, "passed")], fsrs).reviews;
    assert.equal(clean.at(-1)?.grade, "good");
    assert.equal(struggled.at(-1)?.grade, "hard");
    assert.ok((struggled.at(-1)?.intervalDays ?? 99) < (clean.at(-1)?.intervalDays ?? 0));
  });

  test("a kata passed after its time box is rated Hard", () => {
    const review = (days: number): Attempt => ({
      v: 1,
      event: "review",
      task: task.id,
      at: iso(days),
      drillsCorrect: 3,
      drillsAsked: 3,
      timeboxMinutes: 20,
    });
    const inTime = historyOf(task, [v(0, "passed"), review(3), v(3 + 10 / 1440, "passed")], fsrs).reviews.at(-1);
    const overTime = historyOf(task, [v(0, "passed"), review(3), v(3 + 45 / 1440, "passed")], fsrs).reviews.at(-1);
    assert.equal(inTime?.grade, "good");
    assert.equal(overTime?.grade, "hard");
  });

  test("a scripted history gives these exact FSRS due dates (pinned: a change here changes every learner's schedule)", () => {
    const life: Attempt[] = [v(0, "passed")];
    const dues: string[] = [];
    for (const outcome of ["failed", "passed", "failed", "passed", "passed"] as const) {
      const day = dueDay(life, fsrs);
      if (day === undefined) break;
      life.push(v(day, outcome));
      dues.push(progressOf(task, life, fsrs).due?.toISOString().slice(0, 10) ?? "none");
    }
    assert.deepEqual(dues, PINNED);
  });

  test("higher desired retention means earlier reviews", () => {
    const life = [v(0, "passed"), v(3, "passed"), v(12, "passed")];
    const high = dueDay(life, { scheduler: "fsrs", retention: 0.97 }) as number;
    const low = dueDay(life, { scheduler: "fsrs", retention: 0.8 }) as number;
    assert.ok(high < low, `${high} < ${low}`);
  });

  test("the same history always gives the same dates (fuzz is deterministic)", () => {
    const life = [v(0, "passed"), v(3, "passed"), v(11, "passed")];
    assert.equal(dueDay(life, fsrs), dueDay([...life], fsrs));
  });

  test("every review records the recall FSRS predicted, lower when later", () => {
    const onTime = historyOf(task, [v(0, "passed"), v(3, "passed")], fsrs).reviews[0]?.predictedRecall ?? 0;
    const late = historyOf(task, [v(0, "passed"), v(40, "passed")], fsrs).reviews[0]?.predictedRecall ?? 1;
    assert.ok(onTime > 0.85 && onTime <= 1, `on time: ${onTime}`);
    assert.ok(late < onTime, `late ${late} < on time ${onTime}`);
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import type { Attempt } from "./attempt.js";
import type { Task } from "./curriculum.js";
import { courseProgress, historyOf, progressOf } from "./mastery.js";

const task = (id: string, order: number, review = ["3d", "7d", "21d"]): Task =>
  ({ id, order, phase: 0, dir: `phase-0/${id}`, review, listing: [], files: [], hints: ["h"], title: id }) as unknown as Task;

const DAY = 86_400_000;
const t0 = Date.parse("2026-01-01T09:00:00Z");
const at = (days: number) => new Date(t0 + days * DAY).toISOString();
const verify = (taskId: string, days: number, result: "passed" | "failed" | "error"): Attempt => ({
  v: 1,
  event: "verify",
  task: taskId,
  at: at(days),
  result,
  tests: { passed: 0, failed: 0, total: 0 },
  failing: [],
  typeErrors: 0,
  durationMs: 1,
  hintsUsed: 0,
  solutionSeen: false,
  curriculumVersion: "1",
});

describe("progressOf", () => {
  const a = task("0.1-a", 0);

  test("a task with no records is new", () => {
    assert.equal(progressOf(a, []).state, "new");
  });

  test("failed attempts make it learning; errors do not count", () => {
    const p = progressOf(a, [verify("0.1-a", 0, "failed"), verify("0.1-a", 0.1, "error")]);
    assert.equal(p.state, "learning");
    assert.equal(p.attempts, 1);
  });

  test("the first pass schedules the first review one interval later", () => {
    const p = progressOf(a, [verify("0.1-a", 0, "failed"), verify("0.1-a", 1, "passed")]);
    assert.equal(p.state, "passed");
    assert.equal(p.due?.toISOString(), at(4));
  });

  test("passing again before the due date is practice and leaves the schedule alone", () => {
    const p = progressOf(a, [verify("0.1-a", 0, "passed"), verify("0.1-a", 2, "passed"), verify("0.1-a", 2.5, "failed")]);
    assert.equal(p.state, "passed");
    assert.equal(p.stage, 0);
    assert.equal(p.due?.toISOString(), at(3));
  });

  test("a review passed on time moves up a stage, due after the next interval", () => {
    const p = progressOf(a, [verify("0.1-a", 0, "passed"), verify("0.1-a", 3, "passed")]);
    assert.equal(p.state, "reviewing");
    assert.equal(p.stage, 1);
    assert.equal(p.due?.toISOString(), at(10));
  });

  test("a late review counts from the day it is done", () => {
    const p = progressOf(a, [verify("0.1-a", 0, "passed"), verify("0.1-a", 9, "passed")]);
    assert.equal(p.due?.toISOString(), at(16));
  });

  test("a failed review is a lapse: back one stage, due after that stage's interval", () => {
    const p = progressOf(a, [verify("0.1-a", 0, "passed"), verify("0.1-a", 3, "passed"), verify("0.1-a", 10, "failed")]);
    assert.equal(p.stage, 0);
    assert.equal(p.state, "passed");
    assert.equal(p.lapses, 1);
    assert.equal(p.due?.toISOString(), at(13));
  });

  test("passing every interval masters the task and ends its reviews", () => {
    const p = progressOf(a, [
      verify("0.1-a", 0, "passed"),
      verify("0.1-a", 3, "passed"),
      verify("0.1-a", 10, "passed"),
      verify("0.1-a", 31, "passed"),
    ]);
    assert.equal(p.state, "mastered");
    assert.equal(p.due, undefined);
  });

  test("hints used counts the highest hint revealed", () => {
    const p = progressOf(a, [
      { v: 1, event: "hint", task: "0.1-a", at: at(0), index: 0 },
      { v: 1, event: "hint", task: "0.1-a", at: at(0.1), index: 1 },
    ]);
    assert.equal(p.hintsUsed, 2);
  });

  test("records are ordered by time, not by the order given", () => {
    const p = progressOf(a, [verify("0.1-a", 3, "passed"), verify("0.1-a", 0, "passed")]);
    assert.equal(p.stage, 1);
  });
});

describe("courseProgress", () => {
  const tasks = [task("0.1-a", 0), task("0.2-b", 1), task("0.3-c", 2)];

  test("the current task is the first one not yet passed", () => {
    const p = courseProgress(tasks, [verify("0.1-a", 0, "passed"), verify("0.3-c", 0, "passed")], new Date(at(1)));
    assert.equal(p.current?.id, "0.2-b");
  });

  test("due reviews are listed once their date has come, earliest first", () => {
    const records = [verify("0.2-b", 0, "passed"), verify("0.1-a", 1, "passed")];
    assert.deepEqual(courseProgress(tasks, records, new Date(at(2))).due, []);
    assert.deepEqual(
      courseProgress(tasks, records, new Date(at(3))).due.map((p) => p.task),
      ["0.2-b"],
    );
    assert.deepEqual(
      courseProgress(tasks, records, new Date(at(5))).due.map((p) => p.task),
      ["0.2-b", "0.1-a"],
    );
    assert.equal(courseProgress(tasks, records, new Date(at(2))).upcoming?.task, "0.2-b");
  });
});

describe("progressOf skips the memory model under the ladder", () => {
  // progressOf walks without FSRS when the ladder schedules; historyOf always steps it. Any
  // history must give both the same progress, under either scheduler.
  const a = task("0.1-a", 0);
  const event = fc.record({
    days: fc.double({ min: 0, max: 200, noNaN: true }),
    kind: fc.constantFrom("passed", "failed", "error", "hint", "solution", "placed"),
  });
  const toRecord = ({ days, kind }: { days: number; kind: string }): Attempt => {
    if (kind === "hint") return { v: 1, event: "hint", task: a.id, at: at(days), index: 0 } as Attempt;
    if (kind === "solution") return { v: 1, event: "solution", task: a.id, at: at(days), beforePass: true } as Attempt;
    if (kind === "placed") return { v: 1, event: "placed", task: a.id, at: at(days), asked: 3, correct: 3 } as Attempt;
    return verify(a.id, days, kind as "passed" | "failed" | "error");
  };
  for (const scheduler of ["ladder", "fsrs"] as const) {
    test(`${scheduler}: the same progress as the full walk`, () => {
      fc.assert(
        fc.property(fc.array(event, { maxLength: 40 }), (events) => {
          const records = events.map(toRecord);
          const config = { scheduler, retention: 0.9 };
          assert.deepEqual(progressOf(a, records, config), historyOf(a, records, config).progress);
        }),
        { numRuns: 300 },
      );
    });
  }
});

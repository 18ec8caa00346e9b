/**
 * Attempt records: what happened to a task, one JSON file per event under
 * .ts-dojo/attempts/<task>/<time>.json (written by store/attempts.ts, never edited).
 * Progress and mastery are pure functions of these records.
 */
import { z } from "zod";

export const attemptSchema = z.discriminatedUnion("event", [
  z.object({
    v: z.literal(1),
    event: z.literal("verify"),
    task: z.string(),
    at: z.iso.datetime({ offset: true }),
    result: z.enum(["passed", "failed", "error"]),
    tests: z.object({ passed: z.number().int(), failed: z.number().int(), total: z.number().int() }),
    failing: z.array(z.string()),
    typeErrors: z.number().int(),
    durationMs: z.number().int(),
    /** Hints revealed before this attempt. */
    hintsUsed: z.number().int(),
    solutionSeen: z.boolean(),
    curriculumVersion: z.string(),
  }),
  z.object({ v: z.literal(1), event: z.literal("hint"), task: z.string(), at: z.iso.datetime({ offset: true }), index: z.number().int() }),
  z.object({
    v: z.literal(1),
    event: z.literal("solution"),
    task: z.string(),
    at: z.iso.datetime({ offset: true }),
    beforePass: z.boolean(),
  }),
  z.object({ v: z.literal(1), event: z.literal("reset"), task: z.string(), at: z.iso.datetime({ offset: true }) }),
  /** Placement accepted a skip: the task counts as passed, first review one interval later. */
  z.object({
    v: z.literal(1),
    event: z.literal("placed"),
    task: z.string(),
    at: z.iso.datetime({ offset: true }),
    correct: z.number().int(),
    asked: z.number().int(),
  }),
  /** A review began: its drills were played and the exercise reset for the kata. */
  z.object({
    v: z.literal(1),
    event: z.literal("review"),
    task: z.string(),
    at: z.iso.datetime({ offset: true }),
    drillsCorrect: z.number().int(),
    drillsAsked: z.number().int(),
    timeboxMinutes: z.number().int(),
  }),
  /** A drill played; kept under the pseudo-task "_drills". */
  z.object({
    v: z.literal(1),
    event: z.literal("drill"),
    task: z.literal("_drills"),
    drill: z.string(),
    at: z.iso.datetime({ offset: true }),
    mode: z.enum(["practice", "placement", "review"]),
    asked: z.number().int(),
    correct: z.number().int(),
    best: z.number().int(),
    durationMs: z.number().int(),
  }),
]);

/** The pseudo-task drill records are filed under. */
export const DRILLS_TASK = "_drills";

export type Attempt = z.infer<typeof attemptSchema>;
export type VerifyAttempt = Extract<Attempt, { event: "verify" }>;

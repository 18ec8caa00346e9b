/**
 * Schemas for every curriculum file an author writes. Types are inferred from them, and
 * `npm run build` also writes them out as JSON Schema (schema/*.json) so editors complete yaml.
 */
import { z } from "zod";
import { DURATION_PATTERN } from "./duration.js";

const duration = z
  .string()
  .regex(DURATION_PATTERN, 'a duration such as "500ms", "10s", "3d"')
  .describe('A duration: a number and a unit (ms, s, m, h, d), e.g. "3d".');

export const TASK_ID = /^(\d+)\.(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const taskId = z
  .string()
  .regex(TASK_ID, 'a task id such as "1.3-async-channel"')
  .describe('A task id: "<phase>.<n>-<kebab-name>", equal to the task folder name.');
const drillId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a kebab-case drill id")
  .describe("A drill id; the drill lives in curriculum/drills/<id>.yaml.");
const relPath = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, "a relative path inside the task folder")
  .describe("A path relative to the task folder, as it appears in the learner's workspace.");

export const courseSchema = z
  .object({
    format: z.literal(1).describe("Curriculum format version; 1 is the only one."),
    title: z.string().min(1).describe("Course title shown at the top of every page."),
    version: z.string().min(1).describe("Curriculum version, recorded with every attempt."),
    phases: z
      .array(z.string().regex(/^phase-\d+$/))
      .min(1)
      .describe("Phase folders in learning order."),
  })
  .strict();

export const phaseSchema = z
  .object({
    number: z.number().int().min(0).describe("The phase number; the folder is phase-<number>."),
    title: z.string().min(1).describe("Short title, e.g. 'The backend mental model'."),
    summary: z.string().min(1).describe("One or two sentences: what a learner can do after this phase."),
    tasks: z.array(taskId).min(1).describe("Task folders in learning order."),
  })
  .strict();

export const readingSchema = z
  .object({
    title: z.string().min(1).describe("Title of the work, with its author or publisher."),
    url: z.url({ protocol: /^https?$/ }).describe("A stable http(s) URL."),
    why: z.string().min(1).describe("One line: what the learner gets from reading it."),
  })
  .strict();

export const knownBadSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .describe("Folder under bad/ holding this wrong solution."),
    why: z.string().min(1).describe("The mistake it makes, and so what the tests must catch."),
  })
  .strict();

export const taskSchema = z
  .object({
    id: taskId,
    title: z.string().min(1).describe("Title shown on the task page."),
    kind: z.enum(["concept", "code", "server"]).describe("concept: typed answers file; code: functions; server: a server factory."),
    summary: z.string().min(1).describe("One sentence shown in lists and at the top of the task page."),
    criteria: z.array(z.string().min(1)).min(3).max(5).describe("3-5 observable mastery criteria."),
    prerequisites: z.array(taskId).default([]).describe("Tasks to pass first."),
    services: z
      .array(z.enum(["postgres", "postgres-server", "redis", "nats"]))
      .default([])
      .describe(
        "Services the tests use. postgres: the built-in PGlite will do; postgres-server: some tests need a real PostgreSQL (several connections) and are skipped without one.",
      ),
    review: z.array(duration).min(1).default(["3d", "7d", "21d", "60d"]).describe("Review ladder: intervals after each pass."),
    drills: z.array(drillId).default([]).describe("Drills that go with this task."),
    files: z.array(relPath).min(1).describe("Files the learner edits; all other starter files are read-only."),
    server: z
      .object({
        file: relPath.describe("The learner's file that exports the factory, e.g. src/notes-server.ts."),
        export: z
          .string()
          .regex(/^[A-Za-z_$][\w$]*$/)
          .default("start")
          .describe("The factory's export name."),
      })
      .strict()
      .optional()
      .describe("For `ts-dojo run`: the server factory (start({ port }) → { port, url, close() }) to start by hand."),
    timeout: duration.default("10s").describe("Time limit for one run of the tests."),
    hints: z.array(z.string().min(1)).min(1).describe("Ordered hints: a nudge first, nearly the answer last."),
    reading: z.array(readingSchema).default([]).describe("Further reading."),
    knownBad: z.array(knownBadSchema).default([]).describe("Known-bad solutions under bad/<name>/; each must fail."),
  })
  .strict();

export type Course = z.infer<typeof courseSchema>;
export type PhaseMeta = z.infer<typeof phaseSchema>;
export type TaskMeta = z.infer<typeof taskSchema>;

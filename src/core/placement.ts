/**
 * Placement: questions per task (curriculum/phase-N/placement.yaml) plus a few from each task's
 * drills; the share answered right gives a verdict per task. Pure.
 */
import { z } from "zod";
import type { Task } from "./curriculum.js";
import type { Problem } from "./problem.js";

export const placementSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            task: z.string().describe("The task this question places."),
            prompt: z.string().min(1),
            options: z.array(z.string().min(1)).min(2).max(6),
            answer: z.string().min(1).describe("The right option, exactly as listed."),
            explain: z.string().optional().describe("Shown after a wrong answer."),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Placement = z.infer<typeof placementSchema>;

export const MIN_PER_TASK = 3;

export function checkPlacement(p: Placement, tasks: readonly Task[], file: string): Problem[] {
  const problems: Problem[] = [];
  for (const q of p.questions) {
    if (!tasks.some((t) => t.id === q.task)) problems.push({ file, message: `"${q.prompt}": task "${q.task}" is not in this phase` });
    if (!q.options.includes(q.answer)) problems.push({ file, message: `"${q.prompt}": answer is not one of the options` });
  }
  for (const t of tasks) {
    const n = p.questions.filter((q) => q.task === t.id).length;
    if (n < MIN_PER_TASK) problems.push({ file, message: `${t.id} has ${n} placement question(s); it needs at least ${MIN_PER_TASK}` });
  }
  return problems;
}

export type Verdict = "skip" | "skim" | "do";

/** ≥ 80 % right: skip (placed); ≥ 50 %: skim the lesson, then verify; less: do the task. */
export function verdictFor(correct: number, asked: number): Verdict {
  if (asked === 0) return "do";
  const share = correct / asked;
  return share >= 0.8 ? "skip" : share >= 0.5 ? "skim" : "do";
}

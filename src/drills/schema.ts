/**
 * Drill files (curriculum/drills/<id>.yaml): short recall games, one schema per kind.
 * Every item may carry `explain`, the correction shown after a wrong answer.
 */
import { z } from "zod";

const explain = z.string().min(1).optional().describe("Shown after a wrong answer: why the right answer is right.");
const prompt = z.string().min(1).describe("What the learner is asked.");

/** match: a prompt and its partner; the options are the partners of other items in the same group. */
const matchItem = z
  .object({
    prompt,
    answer: z.string().min(1).describe("The partner of the prompt."),
    group: z.string().optional().describe("Items only borrow wrong options from their own group (e.g. 'meaning' vs 'scenario')."),
    explain,
  })
  .strict();
/** classify: a prompt and the bin it belongs to (bins listed once for the drill). */
const classifyItem = z.object({ prompt, answer: z.string().min(1).describe("One of the drill's bins."), explain }).strict();
/** choose: a prompt with its own options. */
const chooseItem = z
  .object({
    prompt,
    options: z.array(z.string().min(1)).min(2).max(6).describe("The options, the right one among them."),
    answer: z.string().min(1).describe("The right option, exactly as listed."),
    code: z.string().optional().describe("A snippet shown with the prompt."),
    explain,
  })
  .strict();
/** order: put the steps in order; `steps` is the correct order. */
const orderItem = z
  .object({ prompt, steps: z.array(z.string().min(1)).min(3).max(8).describe("The steps in their correct order."), explain })
  .strict();
/** recall: type the answer; `accept` lists other spellings that count. */
const recallItem = z
  .object({
    prompt,
    answer: z.string().min(1),
    accept: z.array(z.string()).default([]).describe("Other answers that count (case and spacing are ignored)."),
    explain,
  })
  .strict();
/** predict: what does this code print? `output` is checked by running the code in dev check. */
const predictItem = z
  .object({
    prompt: prompt.optional(),
    code: z.string().min(1).describe("An ES module snippet run with node."),
    output: z.array(z.string()).min(1).describe("The lines it prints, in order."),
    explain,
  })
  .strict();
/** estimate: a number within a relative tolerance. */
const estimateItem = z
  .object({
    prompt,
    answer: z.number().describe("The exact value."),
    tolerance: z.number().min(0).max(1).default(0.1).describe("Allowed relative error, 0.1 = 10 %."),
    unit: z.string().optional(),
    explain,
  })
  .strict();

const base = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .describe("Equal to the file name without .yaml."),
  title: z.string().min(1).describe("Short title."),
  summary: z.string().min(1).describe("One line: what the drill trains."),
};

export const drillSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("match"), items: z.array(matchItem).min(12) }).strict(),
  z
    .object({
      ...base,
      kind: z.literal("classify"),
      bins: z.array(z.string().min(1)).min(2).max(6).describe("The bins every item is sorted into."),
      items: z.array(classifyItem).min(12),
    })
    .strict(),
  z.object({ ...base, kind: z.literal("choose"), items: z.array(chooseItem).min(12) }).strict(),
  z.object({ ...base, kind: z.literal("order"), items: z.array(orderItem).min(1) }).strict(),
  z.object({ ...base, kind: z.literal("recall"), items: z.array(recallItem).min(12) }).strict(),
  z.object({ ...base, kind: z.literal("predict"), items: z.array(predictItem).min(12) }).strict(),
  z.object({ ...base, kind: z.literal("estimate"), items: z.array(estimateItem).min(12) }).strict(),
]);

export type Drill = z.infer<typeof drillSchema>;
export type DrillKind = Drill["kind"];

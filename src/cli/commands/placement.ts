/**
 * ts-dojo placement phase-N: questions per task (the phase's placement file plus a few from the
 * task's drills), then a verdict per task: skip, skim or do. Accepted skips are recorded as
 * placed: passed, with the first review one interval later. It can be retaken any time.
 */
import { DojoError } from "../../core/errors.js";
import { isDone, type TaskProgress } from "../../core/mastery.js";
import { type Verdict, verdictFor } from "../../core/placement.js";
import { loadPlacement } from "../../store/load-drills.js";
import { record } from "../../store/record.js";
import type { Parsed } from "../command.js";
import { contextFor } from "../context.js";
import type { IO } from "../io.js";
import { play, stdinLines } from "../play.js";
import { placementDeck } from "../questions.js";

export const options = { yes: { type: "boolean", short: "y" }, seed: { type: "string" } } as const;

const ADVICE: Record<Verdict, string> = {
  skip: "skip — you know this; it comes back for review",
  skim: "skim the lesson, then verify",
  do: "do the task fully",
};

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const given = args.positionals[0] ?? "";
  const phase = ctx.curriculum.phases.find((p) => p.id === given || String(p.number) === given.replace(/^phase-?/, ""));
  if (!phase) throw new DojoError("NoPlacement", { phase: given, list: ctx.curriculum.phases.map((p) => p.id).join(", ") });
  const { placement } = await loadPlacement(ctx.curriculum, phase.id);
  const seed = Number(args.values.seed ?? io.now().getTime() % 2 ** 31);
  const open = phase.tasks.filter((t) => !isDone(ctx.progress.tasks.get(t.id) as TaskProgress));
  io.out(
    `${c.bold(`Placement · phase ${phase.number} — ${phase.title}`)}\n${c.dim(`${open.length} task(s) to place; answer by number, q to stop.`)}`,
  );
  if (open.length < phase.tasks.length) io.out(c.dim(`(${phase.tasks.length - open.length} already passed and not asked about.)`));

  const input = stdinLines();
  const verdicts: Array<{ id: string; correct: number; asked: number; verdict: Verdict }> = [];
  try {
    for (const task of open) {
      const questions = await placementDeck(ctx.curriculum, placement, task, seed);
      io.out(`\n${c.cyan(c.bold(`── ${task.id}`))} ${c.dim(task.title)}`);
      const played = await play(questions, io, input.next);
      verdicts.push({
        id: task.id,
        correct: played.score.correct,
        asked: questions.length,
        verdict: verdictFor(played.score.correct, questions.length),
      });
      if (played.stopped) break;
    }
  } finally {
    input.close();
  }

  io.out(`\n${c.bold("Verdict")}`);
  for (const v of verdicts) {
    const paint = v.verdict === "skip" ? c.green : v.verdict === "skim" ? c.yellow : c.red;
    io.out(`  ${v.id.padEnd(40)} ${String(`${v.correct}/${v.asked}`).padStart(5)}  ${paint(ADVICE[v.verdict])}`);
  }
  const skips = verdicts.filter((v) => v.verdict === "skip");
  if (skips.length === 0) {
    io.out(`\n${c.cyan("→")} Nothing to skip. Start with \`ts-dojo show ${verdicts[0]?.id ?? ""}\`.`);
    return 0;
  }
  const accept =
    args.values.yes || (io.interactive && (await io.confirm(`Mark ${skips.length} task(s) as placed? They come back for review.`)));
  if (!accept) {
    io.out(c.dim(`\nNothing recorded. To accept the skips: ts-dojo placement ${phase.id} --yes`));
    return 0;
  }
  const at = io.now().toISOString();
  for (const v of skips) {
    await record(ctx.ws, { v: 1, event: "placed", task: v.id, at, correct: v.correct, asked: v.asked });
  }
  io.out(
    `${c.green("✓")} placed: ${skips.map((s) => s.id).join(", ")} — first review in ${ctx.curriculum.tasks.find((t) => t.id === skips[0]?.id)?.review[0] ?? "3d"}.`,
  );
  return 0;
}

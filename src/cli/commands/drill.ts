/** ts-dojo drill <id>: play a drill in the terminal (or with answers piped in, one per line). */
import { DRILLS_TASK } from "../../core/attempt.js";
import { DojoError } from "../../core/errors.js";
import { deck } from "../../drills/engine.js";
import { loadDrill } from "../../store/load-drills.js";
import { record } from "../../store/record.js";
import type { Parsed } from "../command.js";
import { contextFor } from "../context.js";
import type { IO } from "../io.js";
import { play, stdinLines } from "../play.js";

export const options = {
  count: { type: "string", short: "n" },
  mode: { type: "string", short: "m" },
  seed: { type: "string" },
} as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const id = args.positionals[0];
  if (!id) {
    const list = [...ctx.curriculum.drills].sort().join(", ");
    throw new DojoError("BadUsage", { detail: `name a drill: ts-dojo drill <id>. Drills: ${list}`, command: "drill" });
  }
  const { drill, problems } = await loadDrill(ctx.curriculum.root, id);
  if (!drill) throw new DojoError("UnknownDrill", { drill: id, list: [...ctx.curriculum.drills].sort().join(", ") });
  if (problems.length > 0)
    throw new DojoError("CurriculumInvalid", {
      root: ctx.curriculum.root,
      count: problems.length,
      list: problems.map((p) => p.message).join("\n"),
    });
  const seed = Number(args.values.seed ?? io.now().getTime() % 2 ** 31);
  const count = args.values.count === undefined ? 12 : Number(args.values.count);
  const questions = deck(drill, { seed, count, group: args.values.mode as string | undefined });
  if (questions.length === 0) throw new DojoError("BadUsage", { detail: `no questions in mode "${args.values.mode}"`, command: "drill" });

  io.out(
    `${c.bold(drill.title)} ${c.dim(`— ${drill.summary}`)}\n${c.dim(`${questions.length} questions · answer by number or text, Enter to submit, q to stop`)}`,
  );
  const input = stdinLines();
  const played = await play(questions, io, input.next).finally(input.close);
  const { score } = played;
  const pct = score.asked ? Math.round((score.correct / score.asked) * 100) : 0;
  io.out(
    `\n${c.bold(`${score.correct}/${score.asked} right (${pct} %)`)} ${c.dim(`· best streak ${score.best} · ${(played.durationMs / 1000).toFixed(0)} s`)}`,
  );
  if (score.asked > 0) {
    const at = io.now().toISOString();
    const { commit } = await record(ctx.ws, {
      v: 1,
      event: "drill",
      task: DRILLS_TASK,
      drill: drill.id,
      at,
      mode: "practice",
      asked: score.asked,
      correct: score.correct,
      best: score.best,
      durationMs: played.durationMs,
    });
    io.out(c.dim(`recorded${commit ? ` as commit ${commit}` : ""}`));
  }
  return 0;
}

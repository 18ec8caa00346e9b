/** ts-dojo hint [task]: reveal the next hint, showing the earlier ones again. Each is recorded. */
import { DojoError } from "../../core/errors.js";
import type { TaskProgress } from "../../core/mastery.js";
import { record } from "../../store/record.js";
import type { Parsed } from "../command.js";
import { contextFor, pickTask } from "../context.js";
import type { IO } from "../io.js";
import { wrap } from "../render/markdown.js";

export const options = {} as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const task = pickTask(ctx, args.positionals[0]);
  const used = (ctx.progress.tasks.get(task.id) as TaskProgress).hintsUsed;
  const total = task.hints.length;
  const show = (i: number, fresh: boolean) =>
    io.out(
      `${fresh ? c.yellow(c.bold(`Hint ${i + 1} of ${total}`)) : c.dim(`Hint ${i + 1} of ${total}`)}\n  ${wrap(
        task.hints[i] ?? "",
        Math.min(io.columns, 100) - 2,
      )
        .split("\n")
        .join("\n  ")}\n`,
    );
  for (let i = 0; i < Math.min(used, total); i++) show(i, false);
  if (used >= total) throw new DojoError("NoHints", { task: task.id, count: total });
  show(used, true);
  await record(ctx.ws, { v: 1, event: "hint", task: task.id, at: io.now().toISOString(), index: used }, ctx.ws.taskPath(task));
  io.out(c.dim(used + 1 < total ? `Hint use is recorded. ${total - used - 1} more: ts-dojo hint ${task.id}` : "That was the last hint."));
  return 0;
}

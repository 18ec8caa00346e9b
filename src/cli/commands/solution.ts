/**
 * ts-dojo solution [task]: print the reference solution. Free after a pass; before one it
 * needs --force and a confirmation (--yes without a terminal), and is recorded either way.
 * It never overwrites the learner's files.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DojoError } from "../../core/errors.js";
import { isDone, type TaskProgress } from "../../core/mastery.js";
import { record } from "../../store/record.js";
import type { Parsed } from "../command.js";
import { contextFor, pickTask } from "../context.js";
import type { IO } from "../io.js";

export const options = { force: { type: "boolean", short: "f" }, yes: { type: "boolean", short: "y" } } as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const task = pickTask(ctx, args.positionals[0]);
  const passed = isDone(ctx.progress.tasks.get(task.id) as TaskProgress);
  if (!passed) {
    if (!args.values.force) throw new DojoError("SolutionLocked", { task: task.id });
    if (!args.values.yes) {
      if (!io.interactive)
        throw new DojoError("BadUsage", { detail: "without a terminal, --force needs --yes to confirm", command: "solution" });
      if (!(await io.confirm(`See the solution to ${task.id} before passing it? It is recorded and counts as "gave up" for review.`))) {
        io.out("Kept hidden.");
        return 0;
      }
    }
  }
  for (const file of task.files) {
    const text = await readFile(join(ctx.curriculum.root, task.dir, "solution", file), "utf8");
    io.out(`${c.bold(c.cyan(`── solution/${file} `))}${c.dim("─".repeat(Math.max(0, 60 - file.length)))}\n${text}`);
  }
  await record(ctx.ws, { v: 1, event: "solution", task: task.id, at: io.now().toISOString(), beforePass: !passed }, ctx.ws.taskPath(task));
  io.out(c.dim(`Your files are unchanged. Compare with: ${task.files.map((f) => `${ctx.ws.taskPath(task)}/${f}`).join(" ")}`));
  return 0;
}

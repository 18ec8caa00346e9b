/** ts-dojo show [task]: the task page in the terminal, modelled on the web task page. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Task } from "../../core/curriculum.js";
import { relative } from "../../core/duration.js";
import type { TaskProgress } from "../../core/mastery.js";
import type { Parsed } from "../command.js";
import { contextFor, pickTaskFolder } from "../context.js";
import type { Colors, IO } from "../io.js";
import { renderMarkdown, wrap } from "../render/markdown.js";
import { stateLabel } from "../render/status.js";

export const options = {} as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const ctx = await contextFor(io);
  const task = await pickTaskFolder(ctx, args.positionals[0], io);
  const lesson = await readFile(join(ctx.curriculum.root, task.dir, "lesson.md"), "utf8");
  const progress = ctx.progress.tasks.get(task.id) as TaskProgress;
  io.out(renderTaskPage(task, lesson, progress, io.color, io.columns, io.now()));
  return 0;
}

export function renderTaskPage(task: Task, lesson: string, p: TaskProgress, c: Colors, columns: number, now: Date): string {
  const width = Math.min(columns, 100);
  const needs = task.services.length ? task.services.join(", ") : "none";
  const out = [
    `${c.bold("ts-dojo")} ${c.dim("· learn backend in TypeScript · earn mastery")}`,
    `${c.dim(`phase ${task.phase} ·`)} ${c.cyan(task.id)}${c.dim(`   kind: ${task.kind} · needs: ${needs}`)}`,
    "",
    c.bold(task.title),
    wrap(c.dim(task.summary), width),
    "",
    `${c.dim("review intervals")} ${task.review.join(" ")}${task.drills.length ? `  ${c.dim("drills")} ${task.drills.join(", ")}` : ""}`,
    `${c.dim("your progress")}   ${stateLabel(p, c)}${p.due ? c.dim(` · next review ${p.due.toISOString().slice(0, 10)} (${relative(p.due.getTime() - now.getTime())})`) : ""}`,
    c.dim("─".repeat(Math.min(width, 72))),
    "",
    renderMarkdown(lesson, c, width),
    "",
    c.bold(c.underline("Mastery criteria")),
    ...task.criteria.map(
      (x) =>
        `  • ${wrap(x, width - 4)
          .split("\n")
          .join("\n    ")}`,
    ),
    "",
    `${c.bold("Exercise")}   ${task.files.map((f) => `exercises/phase-${task.phase}/${task.id}/${f}`).join("\n           ")}`,
    `${c.bold("Verify")}     ts-dojo verify ${task.id}`,
    c.dim("           runs the tests against your files, commits the attempt to git and updates mastery"),
    `${c.bold("Hints")}      ts-dojo hint ${task.id} ${c.dim(`(${p.hintsUsed} of ${task.hints.length} used)`)}`,
  ];
  if (task.reading.length > 0) {
    out.push("", c.bold(c.underline("Further reading")));
    for (const [i, r] of task.reading.entries()) {
      const why = wrap(r.why, width - 5)
        .split("\n")
        .join("\n     ");
      out.push(`  ${i + 1}. ${c.bold(r.title)}\n     ${c.underline(r.url)}\n     ${c.dim(why)}`);
    }
  }
  return out.join("\n");
}

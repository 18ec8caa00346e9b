/** The dashboard printed by `ts-dojo status`: phases, due reviews, and the one next step. */
import type { Curriculum } from "../../core/curriculum.js";
import { relative } from "../../core/duration.js";
import type { CourseProgress, MasteryState, TaskProgress } from "../../core/mastery.js";
import type { Colors } from "../io.js";

const SYMBOL: Record<MasteryState, string> = { new: "·", learning: "◐", passed: "✓", reviewing: "↻", mastered: "★" };

export function stateLabel(p: TaskProgress, c: Colors): string {
  switch (p.state) {
    case "new":
      return c.dim("not started");
    case "learning":
      return c.yellow(`learning (${p.attempts} attempt${p.attempts === 1 ? "" : "s"})`);
    case "passed":
      return c.green("passed");
    case "reviewing":
      return c.cyan(`reviewing ${p.stage}/${p.stages}`);
    case "mastered":
      return c.magenta("mastered");
  }
}

function symbol(p: TaskProgress, c: Colors, now: Date): string {
  if (p.due && p.due <= now) return c.yellow("↻");
  const s = SYMBOL[p.state];
  return p.state === "new" ? c.dim(s) : p.state === "learning" ? c.yellow(s) : p.state === "mastered" ? c.magenta(s) : c.green(s);
}

function bar(done: number, total: number, c: Colors, width = 12): string {
  const full = total === 0 ? 0 : Math.round((done / total) * width);
  return `${c.green("█".repeat(full))}${c.dim("░".repeat(width - full))}`;
}

export function renderStatus(curriculum: Curriculum, progress: CourseProgress, now: Date, c: Colors, all: boolean): string {
  const out: string[] = [`${c.bold("ts-dojo")} ${c.dim("· learn backend in TypeScript · earn mastery")}`, ""];
  const titleWidth = Math.max(...curriculum.phases.map((p) => p.title.length));
  for (const phase of curriculum.phases) {
    const states = phase.tasks.map((t) => progress.tasks.get(t.id) as TaskProgress);
    const done = states.filter((p) => p.state !== "new" && p.state !== "learning").length;
    const marks = states.map((p) => symbol(p, c, now)).join("");
    out.push(
      `  ${c.bold(`phase ${phase.number}`)}  ${phase.title.padEnd(titleWidth)}  ${bar(done, phase.tasks.length, c)} ${String(done).padStart(2)}/${phase.tasks.length}  ${marks}`,
    );
    const showTasks = all || phase.tasks.some((t) => t.id === progress.current?.id);
    if (showTasks) {
      for (const t of phase.tasks) {
        const p = progress.tasks.get(t.id) as TaskProgress;
        const here = t.id === progress.current?.id ? c.cyan("›") : " ";
        const due = p.due ? c.dim(` · review ${p.due <= now ? c.yellow("due now") : relative(p.due.getTime() - now.getTime())}`) : "";
        out.push(`     ${here} ${symbol(p, c, now)} ${t.id.padEnd(40)} ${stateLabel(p, c)}${due}`);
      }
    }
  }
  out.push(
    "",
    c.dim(`  ${SYMBOL.new} not started  ${SYMBOL.learning} learning  ${SYMBOL.passed} passed  ↻ review due  ${SYMBOL.mastered} mastered`),
    "",
  );

  if (progress.due.length > 0) {
    out.push(`${c.yellow(c.bold(`Reviews due (${progress.due.length}):`))}`);
    for (const p of progress.due)
      out.push(
        `  ${c.yellow("↻")} ${p.task} ${c.dim(`— due ${relative((p.due as Date).getTime() - now.getTime())}, stage ${p.stage + 1} of ${p.stages}`)}`,
      );
    out.push(`  ${c.dim(`verify a due task to review it: ts-dojo verify ${progress.due[0]?.task}`)}`, "");
  } else if (progress.upcoming?.due) {
    out.push(
      `${c.dim("No reviews due. Next:")} ${progress.upcoming.task} ${c.dim(`${relative(progress.upcoming.due.getTime() - now.getTime())} (${progress.upcoming.due.toISOString().slice(0, 10)})`)}`,
      "",
    );
  }

  const cur = progress.current;
  if (cur) {
    const p = progress.tasks.get(cur.id) as TaskProgress;
    out.push(`${c.bold("Current task:")} ${c.cyan(cur.id)} — ${cur.title} ${c.dim(`(${cur.kind})`)}`);
    out.push(`  ${cur.summary}`);
    out.push(`  ${c.dim("read")}    ts-dojo show ${cur.id}  ${c.dim(`or exercises/phase-${cur.phase}/${cur.id}/README.md`)}`);
    out.push(`  ${c.dim("edit")}    exercises/phase-${cur.phase}/${cur.id}/${cur.files.join(", ")}`);
    out.push(
      `  ${c.dim("check")}   ts-dojo verify${p.state === "learning" ? c.dim(`   (${p.attempts} attempts so far; ts-dojo hint for help)`) : ""}`,
    );
  } else if (progress.due.length === 0) {
    out.push(c.green(c.bold("Every task is passed.")) + " Come back when a review is due.");
  }
  return out.join("\n");
}

/**
 * ts-dojo review [task]: the next due review. First the task's drills (a few questions), then a
 * kata: the exercise goes back to its starter (your previous solution stays in git history) and
 * you re-implement it against the tests within a time box. `ts-dojo verify` ends the review:
 * a pass moves the task up its ladder, a fail drops it back a stage.
 */
import { DRILLS_TASK } from "../../core/attempt.js";
import { relative } from "../../core/duration.js";
import { kataTimebox, type TaskProgress } from "../../core/mastery.js";
import { record } from "../../store/record.js";
import type { Parsed } from "../command.js";
import { contextFor, pickTask } from "../context.js";
import type { IO } from "../io.js";
import { play, stdinLines } from "../play.js";
import { drillQuestions } from "../questions.js";
import { restoreStarter } from "./reset.js";

export const options = { seed: { type: "string" } } as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const now = io.now();
  if (!args.positionals[0] && ctx.progress.due.length === 0) {
    const next = ctx.progress.upcoming;
    io.out(
      next?.due
        ? `No reviews due. Next: ${next.task} ${relative(next.due.getTime() - now.getTime())} (${next.due.toISOString().slice(0, 10)}).`
        : "No reviews due.",
    );
    return 0;
  }
  const task = pickTask({ ...ctx, progress: { ...ctx.progress, current: undefined } }, args.positionals[0] ?? ctx.progress.due[0]?.task);
  const p = ctx.progress.tasks.get(task.id) as TaskProgress;
  io.out(`${c.bold(`Review · ${task.id}`)} ${c.dim(`— ${task.title} · stage ${p.stage + 1} of ${p.stages}`)}`);
  if (ctx.progress.due.length > 1) io.out(c.dim(`${ctx.progress.due.length - 1} more due after this one.`));

  const seed = Number(args.values.seed ?? now.getTime() % 2 ** 31);
  const questions = (await drillQuestions(ctx.curriculum, task, seed, 3)).slice(0, 5);
  let correct = 0;
  if (questions.length > 0) {
    io.out(`\n${c.bold("1. Drills")} ${c.dim(`(${questions.length} questions)`)}`);
    const input = stdinLines();
    const played = await play(questions, io, input.next).finally(input.close);
    correct = played.score.correct;
    await record(ctx.ws, {
      v: 1,
      event: "drill",
      task: DRILLS_TASK,
      drill: task.drills.join("+"),
      at: now.toISOString(),
      mode: "review",
      asked: played.score.asked,
      correct,
      best: played.score.best,
      durationMs: played.durationMs,
    });
    io.out(c.dim(`drills: ${correct}/${played.score.asked}`));
  }

  const timebox = kataTimebox(task);
  const saved = await restoreStarter(ctx, task);
  await record(
    ctx.ws,
    {
      v: 1,
      event: "review",
      task: task.id,
      at: now.toISOString(),
      drillsCorrect: correct,
      drillsAsked: questions.length,
      timeboxMinutes: timebox,
    },
    ctx.ws.taskPath(task),
  );
  const ladder = task.review;
  io.out(
    [
      `\n${c.bold("2. Kata")} ${c.dim(`(time box ${timebox} minutes)`)}`,
      `  ${task.files.map((f) => `${ctx.ws.taskPath(task)}/${f}`).join(", ")} ${task.files.length > 1 ? "are" : "is"} back to the starter.${saved ? c.dim(` Your last version: git show ${saved}`) : ""}`,
      `  Re-implement it from memory, then: ${c.bold(`ts-dojo verify ${task.id}`)} ${c.dim("(or ts-dojo watch)")}`,
      `  Pass → stage ${Math.min(p.stage + 2, p.stages)} of ${p.stages}${p.stage + 1 < ladder.length ? `, next review in ${ladder[p.stage + 1]}` : ", mastered"}. Fail → back a stage.`,
    ].join("\n"),
  );
  return 0;
}

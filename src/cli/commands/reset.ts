/** ts-dojo reset [task]: restore the starter files. Your version is committed first, so git keeps it. */
import { cp } from "node:fs/promises";
import { join } from "node:path";
import type { Task } from "../../core/curriculum.js";
import { commitPaths } from "../../store/git.js";
import { withLock } from "../../store/lock.js";
import type { Parsed } from "../command.js";
import { type Context, contextFor, pickTask } from "../context.js";
import type { IO } from "../io.js";

export const options = {} as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const task = pickTask(ctx, args.positionals[0]);
  const saved = await restoreStarter(ctx, task);
  const path = ctx.ws.taskPath(task);
  io.out(`${c.green("✓")} ${task.id}: ${task.files.join(", ")} restored to the starter.`);
  if (saved) io.out(c.dim(`  Your previous version is in commit ${saved}: git show ${saved}:${path}/${task.files[0]}`));
  else io.out(c.dim(`  (No uncommitted changes; earlier versions are in \`git log -- ${path}\`.)`));
  return 0;
}

/**
 * Commit the learner's current files (so history keeps them), then copy the starter over them.
 * Returns the hash of the saving commit, or "" when there was nothing new to save.
 */
export async function restoreStarter(ctx: Pick<Context, "ws" | "curriculum">, task: Task): Promise<string> {
  const path = ctx.ws.taskPath(task);
  return withLock(ctx.ws, async () => {
    const saved = await commitPaths(ctx.ws.root, [path], `save ${task.id} before reset\n\nDojo-Task: ${task.id}\nDojo-Event: save\n`);
    for (const file of task.files) await cp(join(ctx.curriculum.root, task.dir, "starter", file), join(ctx.ws.taskDir(task), file));
    await commitPaths(ctx.ws.root, [path], `reset ${task.id}: starter restored\n\nDojo-Task: ${task.id}\nDojo-Event: reset\n`);
    return saved;
  });
}

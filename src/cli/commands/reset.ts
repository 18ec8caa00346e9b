/** ts-dojo reset [task]: restore the starter files. Your version is committed first, so git keeps it. */
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { commitPaths } from "../../store/git.js";
import { withLock } from "../../store/lock.js";
import { record } from "../../store/record.js";
import type { Parsed } from "../command.js";
import { contextFor, pickTask } from "../context.js";
import type { IO } from "../io.js";

export const options = {} as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const task = pickTask(ctx, args.positionals[0]);
  const path = ctx.ws.taskPath(task);
  const saved = await withLock(ctx.ws, () =>
    commitPaths(ctx.ws.root, [path], `save ${task.id} before reset\n\nDojo-Task: ${task.id}\nDojo-Event: save\n`),
  );
  for (const file of task.files) {
    await cp(join(ctx.curriculum.root, task.dir, "starter", file), join(ctx.ws.taskDir(task), file));
  }
  const done = await record(ctx.ws, { v: 1, event: "reset", task: task.id, at: io.now().toISOString() }, path);
  io.out(`${c.green("✓")} ${task.id}: ${task.files.join(", ")} restored to the starter.`);
  if (saved) io.out(c.dim(`  Your previous version is in commit ${saved}: git show ${saved}:${path}/${task.files[0]}`));
  else io.out(c.dim("  (Your files had no uncommitted changes; earlier versions are in `git log -- " + path + "`.)"));
  void done;
  return 0;
}

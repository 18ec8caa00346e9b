/**
 * ts-dojo run [task] [--port N]: start the learner's server by hand, as the tests start it,
 * so they can poke it with curl or a browser (the replay commands a failed verify prints
 * use it). Runs from a run folder, like verify, so the workspace is only read. Ctrl-C closes
 * the server through its own close().
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DojoError } from "../../core/errors.js";
import { bundleEntry } from "../../runner/bundle.js";
import { prepareRun } from "../../runner/overlay.js";
import type { Parsed } from "../command.js";
import { contextFor, pickTaskFolder } from "../context.js";
import type { IO } from "../io.js";
import { sourceErrorLine } from "../render/results.js";

export const options = { port: { type: "string", short: "p" } } as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const task = await pickTaskFolder(ctx, args.positionals[0], io);
  if (!task.server) throw new DojoError("NotRunnable", { task: task.id });
  const port = Number(args.values.port ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DojoError("BadUsage", { detail: `--port must be a port number, not "${args.values.port}"`, command: "run" });

  const folder = await prepareRun(task, ctx.curriculum.root, ctx.ws.taskDir(task));
  try {
    const entry = [
      `import { ${task.server.export} as start } from "./${task.server.file}";`,
      `const running = await start({ port: ${port} });`,
      `console.log(\`${task.id} listening on \${running.url} (Ctrl-C stops it)\`);`,
      // One close, however many signals arrive; a close that hangs is itself worth seeing.
      `let stopping = false;`,
      `const stop = async () => { if (stopping) return; stopping = true;`,
      `  const t = setTimeout(() => { console.error("close() did not finish within 5 s"); process.exit(1); }, 5000); t.unref();`,
      `  await running.close(); console.log("closed"); };`,
      `process.on("SIGINT", stop); process.on("SIGTERM", stop);`,
    ].join("\n");
    await writeFile(join(folder.dir, "dojo-run-entry.ts"), entry);
    const built = await bundleEntry(folder.dir, "dojo-run-entry.ts", "dojo-run.mjs");
    if (!built.ok) {
      io.err(c.red(c.bold("Your code does not compile:")));
      for (const e of built.errors) io.err(sourceErrorLine(e, c, (p) => `${ctx.ws.taskPath(task)}/${p}`));
      return 1;
    }
    const child = spawn(process.execPath, ["--enable-source-maps", built.bundle], { cwd: folder.dir, stdio: "inherit", env: io.env });
    // Ctrl-C at a terminal reaches the child too; a SIGINT sent to us alone is passed on. The
    // child closes once however many arrive, and we wait for it to finish closing.
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    // Started as `npx ts-dojo run … &` and stopped with `kill %1`, only npx gets the signal and
    // we are orphaned: notice the parent is gone and stop the server rather than linger.
    const parent = process.ppid;
    const orphaned = setInterval(() => {
      if (process.ppid !== parent) child.kill("SIGTERM");
    }, 250);
    const code = await new Promise<number>((resolve) => child.on("exit", (n, signal) => resolve(n ?? (signal ? 130 : 1))));
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
    clearInterval(orphaned);
    return code;
  } finally {
    await folder.remove();
  }
}

/**
 * ts-dojo watch [task]: verify on every save. A test process is always started ahead of the
 * next save, so a run pays for bundling and the tests, not for a Node start.
 */
import { watch as chokidar } from "chokidar";
import { prepareRun } from "../../runner/overlay.js";
import { startTestProcess, type TestProcess } from "../../runner/run-tests.js";
import { mark } from "../../runner/trace.js";
import type { Parsed } from "../command.js";
import { contextFor, pickTaskFolder } from "../context.js";
import type { IO } from "../io.js";
import { verifyOnce } from "./verify.js";

export const options = {} as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const first = await contextFor(io);
  const task = await pickTaskFolder(first, args.positionals[0], io);
  const dir = first.ws.taskDir(task);
  let ready: TestProcess = startTestProcess();
  // One run folder for the whole session: a save only copies the edited files into it.
  const folder = await prepareRun(task, first.curriculum.root, dir);
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const once = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    if (io.interactive) io.out("\u001b[2J\u001b[H");
    const proc = ready;
    ready = startTestProcess();
    await verifyOnce(first, task, io, { testProcess: proc, earlyVerdict: true, folder }).catch((e: unknown) => io.err(String(e)));
    io.out(c.dim(`\nwatching ${first.ws.taskPath(task)} — save a file to verify again, Ctrl-C to stop`));
    running = false;
    if (again) {
      again = false;
      void once();
    }
  };

  const watcher = chokidar(
    task.files.map((f) => `${dir}/${f}`),
    { ignoreInitial: true, awaitWriteFinish: false },
  );
  watcher.on("all", () => {
    mark("file change seen");
    // Editors save in bursts (write, rename, chmod): wait for the burst to end.
    clearTimeout(timer);
    timer = setTimeout(() => void once(), 5);
  });
  await once();
  return new Promise<number>((resolve) => {
    const stop = () => {
      void watcher.close();
      ready.kill();
      clearTimeout(timer);
      void folder.remove();
      io.out(c.dim("\nstopped watching."));
      resolve(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

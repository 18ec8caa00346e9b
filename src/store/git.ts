/** The learner's history is a real git repository; this is the only place that runs git. */
import { execFile } from "node:child_process";
import { DojoError } from "../core/errors.js";

export function git(cwd: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("git", args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
      reject(
        missing
          ? new DojoError("ToolMissing", { tool: "git", detail: "it is not installed or not on PATH" })
          : Object.assign(
              new DojoError("GitFailed", { args: args.join(" "), detail: (stderr.trim() || stdout.trim() || err.message).split("\n")[0] }),
              {
                output: `${stdout}\n${stderr}`,
              },
            ),
      );
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Commit exactly these paths (staged first), whatever else the learner has staged. Returns the short hash, or "" when nothing changed. */
export async function commitPaths(cwd: string, paths: readonly string[], message: string): Promise<string> {
  await git(cwd, ["add", "--all", "--", ...paths]);
  try {
    // Two git processes, not four: the hash comes from commit's own summary line "[main 1a2b3c4] …".
    const out = await git(cwd, ["commit", "--no-verify", "--no-status", "-F", "-", "--only", "--", ...paths], message);
    return /^\[[^\]]*?([0-9a-f]{7,})\]/m.exec(out)?.[1] ?? "";
  } catch (e) {
    const output = (e as { output?: string }).output ?? "";
    if (/nothing (added )?to commit|no changes added/i.test(output)) return "";
    throw e;
  }
}

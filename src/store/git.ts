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
          : new DojoError("GitFailed", { args: args.join(" "), detail: (stderr || err.message).trim().split("\n")[0] }),
      );
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Commit exactly these paths (staged first), whatever else the learner has staged. */
export async function commitPaths(cwd: string, paths: readonly string[], message: string): Promise<string> {
  await git(cwd, ["add", "--all", "--", ...paths]);
  // Nothing changed in those paths (e.g. a repeated hint): nothing to commit.
  const staged = await git(cwd, ["diff", "--cached", "--name-only", "--", ...paths]);
  if (staged.trim() === "") return "";
  await git(cwd, ["commit", "--quiet", "--no-verify", "-F", "-", "--only", "--", ...paths], message);
  return (await git(cwd, ["rev-parse", "--short", "HEAD"])).trim();
}

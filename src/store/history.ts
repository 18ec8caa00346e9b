/** A task's attempts as git sees them: which commit recorded each, and what changed between two. */
import { git } from "./git.js";
import type { Workspace } from "./workspace.js";

/** The commits that recorded the task's attempts, newest first: the attempt file and the short hash. */
export async function attemptCommits(ws: Workspace, task: string): Promise<Array<{ path: string; hash: string }>> {
  const out = await git(ws.root, [
    "log",
    "--format=%h%x09%(trailers:key=Dojo-Attempt,valueonly,separator=)",
    "--",
    `.ts-dojo/attempts/${task}`,
  ]).catch(() => "");
  const commits: Array<{ path: string; hash: string }> = [];
  for (const line of out.split("\n")) {
    const [hash, path] = line.split("\t");
    if (hash && path?.trim()) commits.push({ path: path.trim(), hash });
  }
  return commits;
}

const HASH = /^[0-9a-f]{7,40}$/;

/** The learner's changes to a task folder between two commits (hashes only: nothing else reaches git). */
export async function diffBetween(ws: Workspace, taskPath: string, from: string, to: string): Promise<string | undefined> {
  if (!HASH.test(from) || !HASH.test(to)) return undefined;
  return git(ws.root, ["diff", "--no-color", "--no-ext-diff", `${from}..${to}`, "--", taskPath]).catch(() => undefined);
}

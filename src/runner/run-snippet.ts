/** Run a drill's code snippet as an ES module in a fresh node, for dev check's predict proofs. */
import { execFile } from "node:child_process";

export function runSnippet(code: string, timeoutMs = 5000): Promise<{ lines: string[]; error?: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_OPTIONS;
    delete env.NODE_TEST_CONTEXT;
    execFile(process.execPath, ["--input-type=module", "-e", code], { timeout: timeoutMs, env }, (err, stdout, stderr) => {
      const lines = stdout.split("\n").filter((l, i, all) => l !== "" || i < all.length - 1);
      resolve(err ? { lines, error: (stderr || err.message).split("\n")[0] } : { lines });
    });
  });
}

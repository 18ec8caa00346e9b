// Runs one snippet in a fresh Node process, the same Node that runs the tests, and returns
// what it printed. Comparing against real output means the answer key can never drift from
// the Node version the learner has installed.
import { execFile } from "node:child_process";

export interface SnippetRun {
  /** stdout split into lines, without the final empty line. */
  lines: string[];
  /** Exit code; 0 unless the snippet itself is broken. */
  code: number;
  stderr: string;
}

export function runSnippet(source: string): Promise<SnippetRun> {
  const env = { ...process.env };
  // Options meant for the test process (loaders, the test runner's own context) must not
  // leak into the snippet and change what it prints.
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--input-type=module", "-e", source],
      { env, encoding: "utf8", timeout: 5_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        const lines = stdout.split("\n").map((line) => line.trimEnd());
        if (lines.at(-1) === "") lines.pop();
        resolve({ lines, code, stderr });
      },
    );
  });
}

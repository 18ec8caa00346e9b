/** Everything a command touches outside itself, injected so tests can drive commands in-process. */
import { createColors } from "picocolors";
import { clockFromEnv } from "../core/clock.js";

export type Colors = ReturnType<typeof createColors>;

export interface IO {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when a person is at a terminal (prompts allowed, progress bars drawn). */
  readonly interactive: boolean;
  readonly color: Colors;
  readonly now: () => Date;
  /** Ask for a line of text, offering a default; only called when interactive. undefined = cancelled. */
  readonly ask: (question: string, initial: string) => Promise<string | undefined>;
  /** Ask a yes/no question; only called when interactive. */
  readonly confirm: (question: string) => Promise<boolean>;
  /** Terminal width for wrapping. */
  readonly columns: number;
}

export function processIO(): IO {
  // A closed pipe (\`ts-dojo status | head\`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (t) => void process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => void process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    color: createColors(useColor || process.env.FORCE_COLOR === "1"),
    now: clockFromEnv(process.env),
    ask: async (question, initial) => {
      const { text, isCancel } = await import("@clack/prompts");
      const answer = await text({ message: question, initialValue: initial });
      return isCancel(answer) ? undefined : String(answer);
    },
    confirm: async (question) => {
      const { confirm, isCancel } = await import("@clack/prompts");
      const answer = await confirm({ message: question, initialValue: false });
      return !isCancel(answer) && answer === true;
    },
    columns: process.stdout.columns || 100,
  };
}

/**
 * Playing a deck in the terminal: one question at a time, one answer per line (typed at a
 * terminal or piped in), score and streak as you go, and the right answer with its reason after
 * every miss. Drill, placement and review all play through here; the engine does the grading.
 */
import { createInterface } from "node:readline";
import { EMPTY_SCORE, grade, type Question, type Score, scoreAfter } from "../drills/engine.js";
import type { IO } from "./io.js";

/** Next line of input, or undefined at end of input. */
export type Lines = () => Promise<string | undefined>;

export function stdinLines(): { next: Lines; close: () => void } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const it = rl[Symbol.asyncIterator]();
  return { next: async () => (await it.next()).value as string | undefined, close: () => rl.close() };
}

export interface Played {
  readonly score: Score;
  readonly results: ReadonlyArray<{ question: Question; correct: boolean }>;
  /** The learner typed q, or input ended, before the last question. */
  readonly stopped: boolean;
  readonly durationMs: number;
}

export async function play(
  questions: readonly Question[],
  io: IO,
  next: Lines,
  clock: () => number = () => performance.now(),
): Promise<Played> {
  const c = io.color;
  let score = EMPTY_SCORE;
  const results: Array<{ question: Question; correct: boolean }> = [];
  const started = clock();
  for (const [i, q] of questions.entries()) {
    io.out(`\n${c.dim(`[${i + 1}/${questions.length}]`)} ${c.bold(q.prompt)}`);
    if (q.code)
      io.out(
        q.code
          .split("\n")
          .map((l) => `    ${c.cyan(l)}`)
          .join("\n"),
      );
    if (q.options) {
      io.out(q.options.map((o, n) => `  ${c.cyan(`${n + 1})`)} ${o}`).join("\n"));
      if (q.kind === "order") io.out(c.dim("  type the numbers in the right order, e.g. 3 1 2"));
    } else if (q.kind === "predict") io.out(c.dim("  type the printed lines separated by commas"));
    const asked = clock();
    const line = await next();
    if (line === undefined || line.trim().toLowerCase() === "q")
      return { score, results, stopped: true, durationMs: Math.round(clock() - started) };
    const g = grade(q, line);
    score = scoreAfter(score, g.correct);
    results.push({ question: q, correct: g.correct });
    const seconds = ((clock() - asked) / 1000).toFixed(1);
    if (g.correct)
      io.out(`${c.green("✓ right")} ${c.dim(`· ${seconds}s · score ${score.correct}/${score.asked} · streak ${score.streak}`)}`);
    else {
      io.out(`${c.red("✗ the answer is")} ${c.bold(g.expected)} ${c.dim(`· ${seconds}s · score ${score.correct}/${score.asked}`)}`);
      if (g.explain) io.out(`  ${c.dim(g.explain)}`);
    }
  }
  return { score, results, stopped: false, durationMs: Math.round(clock() - started) };
}

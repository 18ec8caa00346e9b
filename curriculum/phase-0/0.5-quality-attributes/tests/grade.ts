// Small grading helpers for 0.5: numbers within a relative tolerance, classifications counted
// without naming the wrong ones, and short answers checked for required ideas and length.
import assert from "node:assert/strict";

type Todo = "TODO";

/** Passes when `given` is within `tolerance` (relative, 0.01 = 1 %) of `expected`. */
export function assertClose(given: number | Todo, expected: number, what: string, hint: string, tolerance = 0.01): void {
  assert.notEqual(given, "TODO", `${what} is not answered yet`);
  assert.equal(typeof given, "number", `${what} must be a number`);
  const value = given as number;
  assert.ok(Number.isFinite(value), `${what} must be a finite number, got ${value}`);
  const ok = Math.abs(value - expected) <= Math.abs(expected) * tolerance;
  assert.ok(ok, `${what}: ${value} is not within 1 % of the right value. ${hint}`);
}

/**
 * Checks a record of closed answers. Unanswered keys are named; wrong keys are only counted,
 * so a failing run says how much is left to rethink without turning into a guessing game.
 */
export function assertClassified<K extends string, V>(given: Record<K, V | Todo>, key: Record<K, V>, what: string, hint: string): void {
  const keys = Object.keys(key) as K[];
  const todo = keys.filter((k) => given[k] === "TODO");
  assert.deepEqual(todo, [], `${what}: not answered yet: ${todo.join("; ")}`);
  const wrong = keys.filter((k) => given[k] !== key[k]).length;
  assert.equal(wrong, 0, `${what}: ${wrong} of ${keys.length} answers are wrong. ${hint}`);
}

/** One idea a short answer must contain; any pattern counts. Patterns see lower-case text. */
export interface Idea {
  idea: string;
  patterns: RegExp[];
}

export const MAX_SENTENCES = 2;
export const MAX_WORDS = 60;
const MIN_WORDS = 6;

export function countSentences(text: string): number {
  // Dots inside numbers ("99.9") and common abbreviations are not sentence ends.
  const cleaned = text.replace(/\b(e\.g|i\.e|etc|vs)\./gi, "$1").replace(/(\d)\.(\d)/g, "$1$2");
  return cleaned.split(/[.!?]+(?:\s+|$)/).filter((part) => part.trim() !== "").length;
}

/** Lists what is wrong with a short answer; empty means it passes. */
export function shortAnswerProblems(text: string, ideas: readonly Idea[]): string[] {
  const trimmed = text.trim();
  if (trimmed === "" || /^todo\b/i.test(trimmed)) return ["is not written yet"];
  const problems: string[] = [];
  const words = trimmed.split(/\s+/).length;
  const sentences = countSentences(trimmed);
  if (sentences > MAX_SENTENCES) problems.push(`has ${sentences} sentences; use at most ${MAX_SENTENCES}`);
  if (words > MAX_WORDS) problems.push(`has ${words} words; use at most ${MAX_WORDS}`);
  if (words < MIN_WORDS) problems.push(`has only ${words} words; write sentences, not keywords`);
  const lower = trimmed.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  for (const idea of ideas) {
    if (!idea.patterns.some((p) => p.test(lower))) problems.push(`does not get across: ${idea.idea}`);
  }
  return problems;
}

export function assertShortAnswer(name: string, text: string, ideas: readonly Idea[]): void {
  const problems = shortAnswerProblems(text, ideas);
  assert.deepEqual(problems, [], `shortAnswers.${name} ${problems.join("; ")}`);
}

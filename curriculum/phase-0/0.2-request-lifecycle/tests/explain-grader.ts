// Lenient grading of short explanations: a length cap, plus a list of ideas that must appear.
// Each idea is a set of patterns (synonyms); any one of them counts. The point is not to
// catch every wording, only to notice when a key idea is missing, and to say which one.
import assert from "node:assert/strict";

export interface Idea {
  /** The idea in plain words, shown when it is missing. */
  idea: string;
  /** Example words that would show it, shown when it is missing. */
  say: string;
  /** Any one match counts as the idea being present. Matched against lower-case text. */
  patterns: RegExp[];
}

export const MAX_SENTENCES = 2;
export const MAX_WORDS = 60;
const MIN_WORDS = 5;

/** Counts sentences, ignoring dots in abbreviations ("e.g.") and inside words ("Node.js", "1.5"). */
export function countSentences(text: string): number {
  const cleaned = text.replace(/\b(e\.g|i\.e|etc|vs|cf|approx|incl)\./gi, "$1").replace(/\.{3}|…/g, " ");
  return cleaned.split(/[.!?]+(?:\s+|$)/).filter((part) => part.trim().length > 0).length;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** Returns what is wrong with an explanation; an empty list means it passes. */
export function problemsWith(text: string, ideas: readonly Idea[]): string[] {
  const trimmed = text.trim();
  if (trimmed === "" || /^todo\b/i.test(trimmed)) {
    return ["is not written yet: replace the empty string with one or two sentences"];
  }
  const problems: string[] = [];
  const sentences = countSentences(trimmed);
  const words = countWords(trimmed);
  if (sentences > MAX_SENTENCES) {
    problems.push(`has ${sentences} sentences; keep it to ${MAX_SENTENCES} or fewer`);
  }
  if (words > MAX_WORDS) {
    problems.push(`has ${words} words; keep it to ${MAX_WORDS} or fewer`);
  }
  if (words < MIN_WORDS) {
    problems.push(`has only ${words} word(s); write a real sentence, not a list of keywords`);
  }
  // Curly apostrophes from word processors would otherwise defeat patterns such as "doesn't".
  const normalised = trimmed.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  for (const idea of ideas) {
    if (!idea.patterns.some((pattern) => pattern.test(normalised))) {
      problems.push(`is missing the idea "${idea.idea}" (words like ${idea.say} would show it)`);
    }
  }
  return problems;
}

/** Fails with one readable message listing every problem of one explanation. */
export function assertExplains(label: string, text: string, ideas: readonly Idea[]): void {
  const problems = problemsWith(text, ideas);
  if (problems.length > 0) {
    assert.fail(`${label} ${problems.join("; and it ")}.\n  Your text: ${JSON.stringify(text)}`);
  }
}

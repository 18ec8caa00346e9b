// Grading helpers for 3.1: closed answers counted without naming the wrong ones, and free text
// checked for required ideas (any of several phrasings) and capped in length.
import assert from "node:assert/strict";

type Todo = "TODO";

/** Lists the keys still set to "TODO". */
export function unanswered<K extends string>(given: Record<K, unknown>, keys: readonly K[]): K[] {
  return keys.filter((k) => given[k] === "TODO" || given[k] === undefined);
}

/** Passes when every key holds its expected value; failures are counted, not named. */
export function assertClassified<K extends string, V>(given: Record<K, V | Todo>, key: Record<K, V>, what: string, hint: string): void {
  const keys = Object.keys(key) as K[];
  const todo = unanswered(given, keys);
  assert.deepEqual(todo, [], `${what}: not answered yet: ${todo.join("; ")}`);
  const wrong = keys.filter((k) => given[k] !== key[k]).length;
  assert.equal(wrong, 0, `${what}: ${wrong} of ${keys.length} answers are wrong. ${hint}`);
}

/** One idea a free-text answer must contain; any pattern counts. Patterns see lower-case text. */
export interface Idea {
  idea: string;
  patterns: RegExp[];
}

export function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

export function countSentences(text: string): number {
  // Dots inside numbers ("1.5") and common abbreviations are not sentence ends.
  const cleaned = text.replace(/\b(e\.g|i\.e|etc|vs)\./gi, "$1").replace(/(\d)\.(\d)/g, "$1$2");
  return cleaned.split(/[.!?]+(?:\s+|$)/).filter((part) => part.trim() !== "").length;
}

export function mentions(text: string, idea: Idea): boolean {
  const lower = normalise(text);
  return idea.patterns.some((p) => p.test(lower));
}

/**
 * The largest number of entries that can each be credited with a different idea
 * (a small bipartite matching), so five ways of saying "it is fast" count as one reason.
 */
export function distinctIdeasCovered(entries: readonly string[], ideas: readonly Idea[]): Idea[] {
  const ideaOfEntry = new Array<number>(entries.length).fill(-1);
  const entryOfIdea = new Array<number>(ideas.length).fill(-1);
  const fits = entries.map((e) => ideas.map((idea) => mentions(e, idea)));
  const tryAssign = (entry: number, seen: boolean[]): boolean => {
    for (let i = 0; i < ideas.length; i++) {
      if (!fits[entry]?.[i] || seen[i]) continue;
      seen[i] = true;
      const holder = entryOfIdea[i] ?? -1;
      if (holder === -1 || tryAssign(holder, seen)) {
        entryOfIdea[i] = entry;
        ideaOfEntry[entry] = i;
        return true;
      }
    }
    return false;
  };
  for (let e = 0; e < entries.length; e++) tryAssign(e, new Array<boolean>(ideas.length).fill(false));
  return ideas.filter((_, i) => entryOfIdea[i] !== -1);
}

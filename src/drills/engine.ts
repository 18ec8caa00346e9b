/**
 * The drill engine: deck → question → answer → score. Pure and seeded, so the terminal player,
 * the web player, placement and reviews all ask and grade the same way, and tests can replay it.
 */
import type { Drill } from "./schema.js";

export interface Question {
  readonly drill: string;
  readonly kind: Drill["kind"];
  readonly prompt: string;
  readonly code?: string;
  /** Numbered choices (match, classify, choose), or the shuffled steps (order). */
  readonly options?: readonly string[];
  /** The right answer, as the learner should see it in a correction. */
  readonly expected: string;
  readonly explain?: string;
  /** What grade() compares against; opaque to players. */
  readonly key: Key;
}

type Key =
  | { type: "option"; index: number }
  | { type: "order"; order: number[] }
  | { type: "text"; accept: string[] }
  | { type: "lines"; lines: string[] }
  | { type: "number"; value: number; tolerance: number };

export interface Graded {
  readonly correct: boolean;
  readonly expected: string;
  readonly explain?: string;
}

/** A small seeded generator (mulberry32): the same seed always gives the same deck. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface DeckOptions {
  readonly seed: number;
  /** How many questions; default all items. */
  readonly count?: number;
  /** match drills: only items of this group. */
  readonly group?: string;
}

/** Every question a drill can ask, shuffled by the seed and cut to count. */
export function deck(drill: Drill, opts: DeckOptions): Question[] {
  const rand = random(opts.seed);
  const all = questionsOf(drill, rand, opts.group);
  return shuffle(all, rand).slice(0, opts.count ?? all.length);
}

function questionsOf(drill: Drill, rand: () => number, group: string | undefined): Question[] {
  const base = { drill: drill.id, kind: drill.kind };
  switch (drill.kind) {
    case "match": {
      const items = drill.items.filter((i) => group === undefined || (i.group ?? "") === group);
      return items.map((item) => {
        const peers = [
          ...new Set(drill.items.filter((o) => (o.group ?? "") === (item.group ?? "") && o.answer !== item.answer).map((o) => o.answer)),
        ];
        const options = shuffle([item.answer, ...shuffle(peers, rand).slice(0, 3)], rand);
        return {
          ...base,
          prompt: item.prompt,
          options,
          expected: item.answer,
          explain: item.explain,
          key: { type: "option", index: options.indexOf(item.answer) },
        };
      });
    }
    case "classify":
      return drill.items.map((item) => ({
        ...base,
        prompt: item.prompt,
        options: drill.bins,
        expected: item.answer,
        explain: item.explain,
        key: { type: "option", index: drill.bins.indexOf(item.answer) },
      }));
    case "choose":
      return drill.items.map((item) => {
        // True/False and other short ordered scales keep their order; longer lists are shuffled.
        const options = item.options.length <= 2 ? item.options : shuffle(item.options, rand);
        return {
          ...base,
          prompt: item.prompt,
          code: item.code,
          options,
          expected: item.answer,
          explain: item.explain,
          key: { type: "option", index: options.indexOf(item.answer) },
        };
      });
    case "order":
      return drill.items.map((item) => {
        let options = shuffle(item.steps, rand);
        // A shuffle that happens to be the answer asks nothing: rotate it.
        if (options.every((s, i) => s === item.steps[i])) options = [...options.slice(1), options[0] as string];
        return {
          ...base,
          prompt: item.prompt,
          options,
          expected: item.steps.join(" → "),
          explain: item.explain,
          key: { type: "order", order: item.steps.map((s) => options.indexOf(s)) },
        };
      });
    case "recall":
      return drill.items.map((item) => ({
        ...base,
        prompt: item.prompt,
        expected: item.answer,
        explain: item.explain,
        key: { type: "text", accept: [item.answer, ...item.accept].map(normalize) },
      }));
    case "predict":
      return drill.items.map((item) => ({
        ...base,
        prompt: item.prompt ?? "What does this print, line by line?",
        code: item.code,
        expected: item.output.join(", "),
        explain: item.explain,
        key: { type: "lines", lines: item.output.map(normalize) },
      }));
    case "estimate":
      return drill.items.map((item) => ({
        ...base,
        prompt: item.prompt,
        expected: `${item.answer}${item.unit ? ` ${item.unit}` : ""}`,
        explain: item.explain,
        key: { type: "number", value: item.answer, tolerance: item.tolerance },
      }));
  }
}

/** Grade one typed answer: "2" or the option's text; "3 1 2" for an order; text; "a, b, c" for output lines; a number. */
export function grade(q: Question, input: string): Graded {
  const text = input.trim();
  const verdict = (correct: boolean): Graded => ({ correct, expected: q.expected, explain: q.explain });
  const key = q.key;
  switch (key.type) {
    case "option": {
      // An option's own text wins over its number, so "404" picks the option "404", not the 404th.
      const byText = (q.options ?? []).findIndex((o) => normalize(o) === normalize(text));
      const n = Number(text);
      const index = byText !== -1 ? byText : Number.isInteger(n) && n >= 1 ? n - 1 : -1;
      return verdict(index === key.index);
    }
    case "order": {
      const picks =
        /^\d+$/.test(text) && text.length === key.order.length
          ? [...text].map(Number)
          : text
              .split(/[\s,>→-]+/)
              .filter(Boolean)
              .map(Number);
      return verdict(picks.length === key.order.length && picks.every((p, i) => p - 1 === key.order[i]));
    }
    case "text":
      return verdict(key.accept.includes(normalize(text)));
    case "lines": {
      const lines = text
        .split(/\s*[,|]\s*/)
        .map(normalize)
        .filter(Boolean);
      return verdict(lines.length === key.lines.length && lines.every((l, i) => l === key.lines[i]));
    }
    case "number": {
      const value = Number.parseFloat(text.replace(/,/g, "."));
      return verdict(Number.isFinite(value) && Math.abs(value - key.value) <= key.tolerance * Math.abs(key.value));
    }
  }
}

/** Case, spacing and trailing punctuation do not matter. */
export function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!]+$/, "");
}

export interface Score {
  readonly asked: number;
  readonly correct: number;
  readonly streak: number;
  readonly best: number;
}

export const EMPTY_SCORE: Score = { asked: 0, correct: 0, streak: 0, best: 0 };

export function scoreAfter(s: Score, correct: boolean): Score {
  const streak = correct ? s.streak + 1 : 0;
  return { asked: s.asked + 1, correct: s.correct + (correct ? 1 : 0), streak, best: Math.max(s.best, streak) };
}

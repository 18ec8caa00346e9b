/** The curriculum as the rest of the dojo sees it: phases and tasks, in learning order. */
import type { Course, PhaseMeta, TaskMeta } from "./schema.js";

export interface Task extends TaskMeta {
  /** Phase number, e.g. 1 for "1.3-async-channel". */
  readonly phase: number;
  /** Folder relative to the curriculum root, e.g. "phase-1/1.3-async-channel". */
  readonly dir: string;
  /** Position in the whole course, 0-based. */
  readonly order: number;
  /** Every file in the task folder, relative to it (for rules and copying). */
  readonly listing: readonly string[];
}

export interface Phase extends Omit<PhaseMeta, "tasks"> {
  readonly id: string;
  readonly tasks: readonly Task[];
}

export interface Curriculum {
  readonly root: string;
  readonly course: Course;
  readonly phases: readonly Phase[];
  readonly tasks: readonly Task[];
  /** Drill ids that have a file under drills/. */
  readonly drills: ReadonlySet<string>;
}

export function findTask(curriculum: Curriculum, id: string): Task | undefined {
  return curriculum.tasks.find((t) => t.id === id);
}

/** Accept a unique prefix ("1.3" or "1.3-async") as well as the full id. */
export function resolveTaskId(curriculum: Curriculum, given: string): Task | undefined {
  const exact = findTask(curriculum, given);
  if (exact) return exact;
  const matches = curriculum.tasks.filter((t) => t.id.startsWith(`${given}-`) || t.id.startsWith(given));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The closest task id by edit distance, for "did you mean". */
export function suggestTask(curriculum: Curriculum, given: string): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const t of curriculum.tasks) {
    const d = editDistance(given, t.id.slice(0, Math.max(given.length, t.id.indexOf("-"))));
    const whole = editDistance(given, t.id);
    const score = Math.min(d, whole);
    if (!best || score < best.d) best = { id: t.id, d: score };
  }
  return best && best.d <= Math.max(2, Math.floor(given.length / 3)) ? best.id : undefined;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

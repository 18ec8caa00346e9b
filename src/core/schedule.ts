/**
 * Review scheduling. Two schedulers share one walk over a task's records:
 *   ladder  the task's own intervals (3d 7d 21d 60d): pass a due review → next rung,
 *           fail → down a rung.
 *   fsrs    FSRS-6 through ts-fsrs (desired retention configurable, short-term steps off,
 *           fuzz on — ts-fsrs seeds it from the card, so it is deterministic).
 * Ratings come from outcomes, never self-report: a failed review is Again; a pass with hints,
 * after failed runs or after seeing the solution is Hard; a clean pass (or placement) is Good.
 * Every review also gets FSRS's predicted recall at that moment, whichever scheduler is used,
 * so `ts-dojo stats` can set the observed pass rate beside it.
 */
import { type Card, createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";

export type Grade = "again" | "hard" | "good";

export interface SchedulerConfig {
  readonly scheduler: "ladder" | "fsrs";
  /** Desired retention for fsrs, 0.7–0.99. */
  readonly retention: number;
}

export const DEFAULT_SCHEDULER: SchedulerConfig = { scheduler: "ladder", retention: 0.9 };

const RATING: Record<Grade, Rating.Again | Rating.Hard | Rating.Good> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good };
const engines = new Map<number, ReturnType<typeof fsrs>>();

function engine(retention: number) {
  let f = engines.get(retention);
  if (!f) {
    f = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: true, enable_short_term: false }));
    engines.set(retention, f);
  }
  return f;
}

/** The FSRS memory state of one task, stepped review by review. */
export class Memory {
  #card: Card | undefined;
  readonly #retention: number;
  constructor(retention: number) {
    this.#retention = retention;
  }
  /** Predicted probability of recall at `at`, before this review (1 for the first). */
  recall(at: Date): number {
    return this.#card ? engine(this.#retention).get_retrievability(this.#card, at, false) : 1;
  }
  /** A copy to project forward without changing this one. */
  clone(): Memory {
    const copy = new Memory(this.#retention);
    copy.#card = this.#card;
    return copy;
  }
  review(at: Date, grade: Grade): { due: Date; intervalDays: number } {
    const next = engine(this.#retention).next(this.#card ?? createEmptyCard(at), at, RATING[grade]).card;
    this.#card = next;
    return { due: next.due, intervalDays: next.scheduled_days };
  }
}

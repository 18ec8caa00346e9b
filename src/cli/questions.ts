/** Questions for placement and reviews, drawn from placement files and tasks' drills. */
import type { Curriculum, Task } from "../core/curriculum.js";
import type { Placement } from "../core/placement.js";
import { deck, type Question } from "../drills/engine.js";
import { loadDrill } from "../store/load-drills.js";

/** Up to `perDrill` questions from each of the task's drills, seeded. */
export async function drillQuestions(c: Curriculum, task: Task, seed: number, perDrill: number): Promise<Question[]> {
  const out: Question[] = [];
  for (const [i, id] of task.drills.entries()) {
    const { drill } = await loadDrill(c.root, id);
    if (drill) out.push(...deck(drill, { seed: seed + i, count: perDrill }));
  }
  return out;
}

/** A task's placement questions, as a choose-drill so the engine asks and grades them. */
export function placementQuestions(p: Placement | undefined, task: Task, seed: number): Question[] {
  const items = (p?.questions ?? []).filter((q) => q.task === task.id).map(({ task: _t, ...item }) => item);
  if (items.length === 0) return [];
  return deck({ id: `placement-${task.id}`, title: "", summary: "", kind: "choose", items }, { seed });
}

/** What placement asks about one task: its placement questions, then one per drill, six at most. */
export async function placementDeck(c: Curriculum, p: Placement | undefined, task: Task, seed: number): Promise<Question[]> {
  return [...placementQuestions(p, task, seed), ...(await drillQuestions(c, task, seed, 1))].slice(0, 6);
}

/** Consistency rules for drill files, beyond their schema: each returns every problem it finds. */
import type { Problem } from "../core/problem.js";
import { normalize } from "./engine.js";
import type { Drill } from "./schema.js";

type Rule = (d: Drill, file: string) => Problem[];

const idMatchesFile: Rule = (d, file) =>
  file.endsWith(`/${d.id}.yaml`) ? [] : [{ file, message: `id "${d.id}" must equal the file name` }];

const uniquePrompts: Rule = (d, file) => {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const item of d.items as ReadonlyArray<{ prompt?: string; code?: string }>) {
    const key = normalize(`${item.prompt ?? ""}\n${item.code ?? ""}`);
    if (seen.has(key)) problems.push({ file, message: `duplicate prompt: "${item.prompt ?? item.code}"` });
    seen.add(key);
  }
  return problems;
};

const answersAreOptions: Rule = (d, file) => {
  if (d.kind === "classify") {
    return d.items
      .filter((i) => !d.bins.includes(i.answer))
      .map((i) => ({ file, message: `"${i.prompt}": answer "${i.answer}" is not one of the bins` }));
  }
  if (d.kind === "choose") {
    return d.items.flatMap((i) => [
      ...(i.options.includes(i.answer) ? [] : [{ file, message: `"${i.prompt}": answer "${i.answer}" is not one of its options` }]),
      ...(new Set(i.options).size === i.options.length ? [] : [{ file, message: `"${i.prompt}": options repeat` }]),
    ]);
  }
  if (d.kind === "order") {
    return d.items
      .filter((i) => new Set(i.steps).size !== i.steps.length)
      .map((i) => ({ file, message: `"${i.prompt}": steps repeat, so the order is ambiguous` }));
  }
  return [];
};

const matchGroupsHaveDistractors: Rule = (d, file) => {
  if (d.kind !== "match") return [];
  const groups = new Map<string, Set<string>>();
  for (const i of d.items) groups.set(i.group ?? "", (groups.get(i.group ?? "") ?? new Set()).add(i.answer));
  return [...groups]
    .filter(([, answers]) => answers.size < 4)
    .map(([g, answers]) => ({
      file,
      message: `group "${g || "(none)"}" has ${answers.size} distinct answers; a question needs 4 options`,
    }));
};

export const drillRules = { idMatchesFile, uniquePrompts, answersAreOptions, matchGroupsHaveDistractors };

export function checkDrill(d: Drill, file: string): Problem[] {
  return Object.values(drillRules).flatMap((rule) => rule(d, file));
}

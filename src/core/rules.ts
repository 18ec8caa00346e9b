/**
 * Cross-file rules for a loaded curriculum. Each rule is a small named function that returns
 * every problem it sees; `checkRules` runs them all so an author gets the whole list at once.
 */
import type { Curriculum, Task } from "./curriculum.js";
import { mermaidBlocks } from "./diagrams.js";
import type { Problem } from "./problem.js";

type Rule = (c: Curriculum) => Problem[];
const at = (t: Task, file = "task.yaml") => `${t.dir}/${file}`;

const uniqueIds: Rule = (c) => {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const t of c.tasks) {
    if (seen.has(t.id)) problems.push({ file: at(t), message: `id ${t.id} is used by more than one task` });
    seen.add(t.id);
  }
  return problems;
};

const idMatchesFolder: Rule = (c) =>
  c.tasks.flatMap((t) => {
    const problems: Problem[] = [];
    const folder = t.dir.split("/").pop();
    if (folder !== t.id) problems.push({ file: at(t), message: `id "${t.id}" must equal its folder name "${folder}"` });
    if (!t.id.startsWith(`${t.phase}.`))
      problems.push({ file: at(t), message: `id "${t.id}" must start with its phase number "${t.phase}."` });
    return problems;
  });

const prerequisitesComeFirst: Rule = (c) =>
  c.tasks.flatMap((t) =>
    t.prerequisites.flatMap((p): Problem[] => {
      const dep = c.tasks.find((x) => x.id === p);
      if (!dep) return [{ file: at(t), message: `prerequisite "${p}" is not a task` }];
      // Learning order is a topological order, so an edge pointing forward is a cycle or a misordering.
      if (dep.order >= t.order) return [{ file: at(t), message: `prerequisite "${p}" comes after this task in the course order` }];
      return [];
    }),
  );

const requiredFiles: Rule = (c) =>
  c.tasks.flatMap((t) => {
    const has = (f: string) => t.listing.includes(f);
    const problems: Problem[] = [];
    if (!has("lesson.md")) problems.push({ file: at(t, "lesson.md"), message: "lesson.md is missing" });
    if (!t.listing.some((f) => f.startsWith("tests/") && f.endsWith(".test.ts")))
      problems.push({ file: at(t, "tests/"), message: "no tests: tests/ needs at least one *.test.ts" });
    for (const f of t.files) {
      if (!has(`starter/${f}`)) problems.push({ file: at(t), message: `files: starter/${f} does not exist` });
      if (!has(`solution/${f}`)) problems.push({ file: at(t), message: `files: solution/${f} does not exist` });
    }
    for (const f of t.listing.filter((x) => x.startsWith("solution/"))) {
      if (!t.files.includes(f.slice("solution/".length)))
        problems.push({ file: at(t, f), message: "solution/ may only hold files listed in files:" });
    }
    return problems;
  });

const knownBadMatchFolders: Rule = (c) =>
  c.tasks.flatMap((t) => {
    const problems: Problem[] = [];
    const folders = new Set(t.listing.filter((f) => f.startsWith("bad/")).map((f) => f.split("/")[1] ?? ""));
    for (const bad of t.knownBad) {
      if (!folders.has(bad.name)) problems.push({ file: at(t), message: `knownBad "${bad.name}" has no folder bad/${bad.name}/` });
    }
    for (const name of folders) {
      if (!t.knownBad.some((b) => b.name === name))
        problems.push({ file: at(t, `bad/${name}/`), message: "folder is not listed under knownBad:" });
    }
    for (const f of t.listing.filter((x) => x.startsWith("bad/"))) {
      const rel = f.split("/").slice(2).join("/");
      if (!t.files.includes(rel)) problems.push({ file: at(t, f), message: "a known-bad solution may only hold files listed in files:" });
    }
    if (t.kind !== "concept" && t.knownBad.length < 2)
      problems.push({ file: at(t), message: `a ${t.kind} task needs at least two known-bad solutions (has ${t.knownBad.length})` });
    return problems;
  });

const drillsExist: Rule = (c) =>
  c.tasks.flatMap((t) =>
    t.drills.filter((d) => !c.drills.has(d)).map((d) => ({ file: at(t), message: `drill "${d}" has no file drills/${d}.yaml` })),
  );

const serverTasksRun: Rule = (c) =>
  c.tasks.flatMap((t): Problem[] => {
    if (t.kind === "server" && !t.server)
      return [{ file: at(t), message: "a server task needs server: { file, export } so `ts-dojo run` can start it" }];
    if (t.server && !t.files.includes(t.server.file))
      return [{ file: at(t), message: `server.file ${t.server.file} must be one of files:` }];
    return [];
  });

export const rules = {
  uniqueIds,
  idMatchesFolder,
  prerequisitesComeFirst,
  requiredFiles,
  knownBadMatchFolders,
  drillsExist,
  serverTasksRun,
};

/** Run every rule; `skip` names rules to leave out (e.g. drills before the drill files exist). */
export function checkRules(c: Curriculum, skip: ReadonlyArray<keyof typeof rules> = []): Problem[] {
  return Object.entries(rules).flatMap(([name, rule]) => (skip.includes(name as keyof typeof rules) ? [] : rule(c)));
}

/** Lesson rules that need the text: a diagram and a corrected misconception. */
export function checkLesson(t: Task, text: string): Problem[] {
  const problems: Problem[] = [];
  const file = at(t, "lesson.md");
  if (!/^```(text|mermaid)\s*$/m.test(text)) problems.push({ file, message: "no diagram: add a ```text (or ```mermaid) block" });
  if (!/\*\*Misconception:?\*\*/.test(text)) problems.push({ file, message: "no '> **Misconception:** … **Reality:** …' block" });
  for (const block of mermaidBlocks(text)) {
    if (!t.listing.includes(block.file))
      problems.push({ file, line: block.line, message: `the mermaid diagram has no drawing (${block.file}): run \`npm run diagrams\`` });
  }
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < 400) problems.push({ file, message: `lesson is ${words} words; a lesson needs at least 400` });
  return problems;
}

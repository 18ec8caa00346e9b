/** Read a curriculum folder into the model, collecting every problem instead of stopping at one. */
import { readFile } from "node:fs/promises";
import type { Curriculum, Phase, Task } from "../core/curriculum.js";
import { parseYaml } from "../core/parse-yaml.js";
import type { Problem } from "../core/problem.js";
import { courseSchema, phaseSchema, taskSchema } from "../core/schema.js";
import { listFiles } from "./list-files.js";

export interface Loaded {
  readonly curriculum: Curriculum | undefined;
  readonly problems: Problem[];
}

export async function loadCurriculum(root: string): Promise<Loaded> {
  const problems: Problem[] = [];
  const read = (rel: string) =>
    readFile(`${root}/${rel}`, "utf8").catch(() => {
      problems.push({ file: rel, message: "file is missing" });
      return undefined;
    });

  const courseText = await read("course.yaml");
  if (courseText === undefined) return { curriculum: undefined, problems };
  const course = parseYaml(courseText, "course.yaml", courseSchema);
  if (!course.ok) return { curriculum: undefined, problems: course.problems };

  const phases = await Promise.all(
    course.value.phases.map(async (id): Promise<(Omit<Phase, "tasks"> & { taskIds: string[] }) | undefined> => {
      const text = await read(`${id}/phase.yaml`);
      if (text === undefined) return undefined;
      const parsed = parseYaml(text, `${id}/phase.yaml`, phaseSchema);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        return undefined;
      }
      if (`phase-${parsed.value.number}` !== id)
        problems.push({ file: `${id}/phase.yaml`, line: 1, message: `number ${parsed.value.number} does not match folder ${id}` });
      const { tasks, ...meta } = parsed.value;
      return { ...meta, id, taskIds: tasks };
    }),
  );

  let order = 0;
  const built: Phase[] = [];
  for (const phase of phases) {
    if (!phase) continue;
    const tasks: Task[] = [];
    for (const id of phase.taskIds) {
      const dir = `${phase.id}/${id}`;
      const [text, listing] = await Promise.all([read(`${dir}/task.yaml`), listFiles(`${root}/${dir}`)]);
      if (text === undefined) continue;
      const parsed = parseYaml(text, `${dir}/task.yaml`, taskSchema);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      tasks.push({ ...parsed.value, phase: phase.number, dir, order: order++, listing });
    }
    const { taskIds: _ignored, ...meta } = phase;
    built.push({ ...meta, tasks });
  }
  const drillFiles = await listFiles(`${root}/drills`);
  const drills = new Set(drillFiles.filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")));
  const curriculum: Curriculum = { root, course: course.value, phases: built, tasks: built.flatMap((p) => p.tasks), drills };
  return { curriculum, problems };
}

/** Read drill files and phase placement files, collecting every problem with its file and line. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Curriculum } from "../core/curriculum.js";
import { parseYaml } from "../core/parse-yaml.js";
import { type Placement, placementSchema } from "../core/placement.js";
import type { Problem } from "../core/problem.js";
import { checkDrill } from "../drills/rules.js";
import { type Drill, drillSchema } from "../drills/schema.js";

export async function loadDrill(root: string, id: string): Promise<{ drill?: Drill; problems: Problem[] }> {
  const file = `drills/${id}.yaml`;
  const text = await readFile(join(root, file), "utf8").catch(() => undefined);
  if (text === undefined) return { problems: [{ file, message: "no such drill" }] };
  const parsed = parseYaml(text, file, drillSchema);
  if (!parsed.ok) return { problems: parsed.problems };
  return { drill: parsed.value, problems: checkDrill(parsed.value, `/${file}`).map((p) => ({ ...p, file })) };
}

export async function loadAllDrills(c: Curriculum): Promise<{ drills: Drill[]; problems: Problem[] }> {
  const results = await Promise.all([...c.drills].sort().map((id) => loadDrill(c.root, id)));
  return { drills: results.flatMap((r) => (r.drill ? [r.drill] : [])), problems: results.flatMap((r) => r.problems) };
}

export async function loadPlacement(
  c: Curriculum,
  phaseId: string,
): Promise<{ placement?: Placement; problems: Problem[]; missing: boolean }> {
  const file = `${phaseId}/placement.yaml`;
  const text = await readFile(join(c.root, file), "utf8").catch(() => undefined);
  if (text === undefined) return { problems: [], missing: true };
  const parsed = parseYaml(text, file, placementSchema);
  if (!parsed.ok) return { problems: parsed.problems, missing: false };
  return { placement: parsed.value, problems: [], missing: false };
}

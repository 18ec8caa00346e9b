/** JSON Schema for each file an author writes, generated from the zod schemas (for editors). */
import { z } from "zod";
import { drillSchema } from "../drills/schema.js";
import { placementSchema } from "./placement.js";
import { courseSchema, phaseSchema, taskSchema } from "./schema.js";
import { workspaceConfigSchema } from "./workspace-config.js";

export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const schemas = {
    course: courseSchema,
    phase: phaseSchema,
    task: taskSchema,
    drill: drillSchema,
    placement: placementSchema,
    workspace: workspaceConfigSchema,
  };
  for (const [name, schema] of Object.entries(schemas)) {
    out[`${name}.schema.json`] = { ...z.toJSONSchema(schema, { io: "input" }), title: `ts-dojo ${name}.yaml` };
  }
  return out;
}

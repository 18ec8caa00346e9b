/** JSON Schema for each file an author writes, generated from the zod schemas (for editors). */
import { z } from "zod";
import { courseSchema, phaseSchema, taskSchema } from "./schema.js";

export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries({ course: courseSchema, phase: phaseSchema, task: taskSchema })) {
    out[`${name}.schema.json`] = { ...z.toJSONSchema(schema, { io: "input" }), title: `ts-dojo ${name}.yaml` };
  }
  return out;
}

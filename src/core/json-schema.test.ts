import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { packageRoot } from "../store/paths.js";
import { jsonSchemas } from "./json-schema.js";

test("the committed JSON Schemas match the zod schemas (run `npm run schemas` after changing them)", async () => {
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    const committed = JSON.parse(await readFile(join(packageRoot, "schema", file), "utf8"));
    assert.deepEqual(committed, JSON.parse(JSON.stringify(schema)), `schema/${file} is out of date`);
  }
});

test("every task.yaml field carries a description for editors", () => {
  const task = jsonSchemas()["task.schema.json"] as { properties: Record<string, { description?: string }> };
  for (const [key, prop] of Object.entries(task.properties)) assert.ok(prop.description, `task.yaml field "${key}" has no description`);
});

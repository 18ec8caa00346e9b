/** npm run schemas: regenerate schema/*.json from the zod schemas. A test keeps them in step. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jsonSchemas } from "../core/json-schema.js";
import { packageRoot } from "../store/paths.js";

for (const [file, schema] of Object.entries(jsonSchemas())) {
  await writeFile(join(packageRoot, "schema", file), `${JSON.stringify(schema, null, 2)}\n`);
}

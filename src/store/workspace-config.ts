/**
 * Read ts-dojo.yaml. Parsing yaml and loading zod costs ~75 ms, more than a whole `status`, so
 * the parsed settings are cached in .ts-dojo/config-cache.json keyed by the file's size and
 * mtime, and re-read only when the learner edits the file.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DojoError } from "../core/errors.js";
import { DEFAULT_SCHEDULER, type SchedulerConfig } from "../core/schedule.js";
import type { Workspace } from "./workspace.js";

export const CONFIG_FILE = "ts-dojo.yaml";

/** The scheduler settings plus the services the learner pointed us at. */
export type WorkspaceSettings = SchedulerConfig & { readonly database_url?: string; readonly redis_url?: string };

export async function readWorkspaceConfig(ws: Workspace): Promise<WorkspaceSettings> {
  const file = join(ws.root, CONFIG_FILE);
  const info = await stat(file).catch(() => undefined);
  if (!info) return DEFAULT_SCHEDULER;
  const key = `${info.size}:${info.mtimeMs}`;
  const cacheFile = join(ws.meta, "config-cache.json");
  const cached = await readFile(cacheFile, "utf8").then(
    (t) => JSON.parse(t) as { key: string; config: WorkspaceSettings },
    () => undefined,
  );
  if (cached?.key === key) return cached.config;
  const [{ parseYaml }, { workspaceConfigSchema }, text] = await Promise.all([
    import("../core/parse-yaml.js"),
    import("../core/workspace-config.js"),
    readFile(file, "utf8"),
  ]);
  const parsed = parseYaml(text, CONFIG_FILE, workspaceConfigSchema);
  if (!parsed.ok) {
    throw new DojoError("BadConfig", {
      list: parsed.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`).join("\n"),
    });
  }
  await writeFile(cacheFile, JSON.stringify({ key, config: parsed.value })).catch(() => {});
  return parsed.value;
}

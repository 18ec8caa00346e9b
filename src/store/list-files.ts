import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Every file under dir, relative to it, with "/" separators, sorted. Missing dir → []. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)
        .slice(dir.length + 1)
        .split("\\")
        .join("/"),
    )
    .sort();
}

/**
 * The parsed curriculum, cached between commands. Parsing a dozen yaml files with their schemas
 * costs more than a whole `ts-dojo status` may (~80 ms, plus ~80 ms to load yaml and zod), so
 * learner commands read one JSON file instead. The cache is keyed by the size and mtime of every
 * file and folder the curriculum is made of, so an author's edit is picked up on the next run.
 * Cache file: <tmpdir>/ts-dojo-cache/curriculum-<hash of root>.json = { v, fingerprint, paths, curriculum }.
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Curriculum } from "../core/curriculum.js";
import type { Loaded } from "./load-curriculum.js";

const VERSION = 2;

export async function loadCurriculumCached(root: string): Promise<Loaded> {
  const file = join(tmpdir(), "ts-dojo-cache", `curriculum-${createHash("sha1").update(root).digest("hex").slice(0, 16)}.json`);
  const cached = await readFile(file, "utf8")
    .then(
      (t) =>
        JSON.parse(t) as { v: number; fingerprint: string; paths: string[]; curriculum: Omit<Curriculum, "drills"> & { drills: string[] } },
    )
    .catch(() => undefined);
  if (cached?.v === VERSION && cached.fingerprint === fingerprint(root, cached.paths)) {
    return { curriculum: { ...cached.curriculum, drills: new Set(cached.curriculum.drills) }, problems: [] };
  }
  const { loadCurriculum } = await import("./load-curriculum.js");
  const loaded = await loadCurriculum(root);
  if (loaded.curriculum && loaded.problems.length === 0) {
    const paths = pathsOf(loaded.curriculum);
    const body = JSON.stringify({
      v: VERSION,
      fingerprint: fingerprint(root, paths),
      paths,
      curriculum: { ...loaded.curriculum, drills: [...loaded.curriculum.drills] },
    });
    // Temp file + rename: a concurrent reader sees the old cache or the new one, never half.
    const temp = `${file}.${process.pid}.tmp`;
    await mkdir(dirname(file), { recursive: true })
      .then(() => writeFile(temp, body))
      .then(() => rename(temp, file))
      .catch(() => {});
  }
  return loaded;
}

/**
 * Every yaml file and every folder that holds a curriculum file a learner command reads. The
 * known-bad and solution folders are left out (a few hundred stats): only dev check looks at
 * their listings, and it always loads the curriculum afresh.
 */
function pathsOf(c: Curriculum): string[] {
  const paths = new Set(["course.yaml", "drills"]);
  for (const phase of c.phases) paths.add(`${phase.id}/phase.yaml`);
  for (const task of c.tasks) {
    paths.add(task.dir);
    for (const f of task.listing) {
      if (f.startsWith("bad/") || f.startsWith("solution/")) continue;
      if (f.endsWith(".yaml")) paths.add(`${task.dir}/${f}`);
      for (let d = dirname(f); d !== "."; d = dirname(d)) paths.add(`${task.dir}/${d}`);
    }
  }
  return [...paths].sort();
}

/**
 * Synchronous on purpose: a few hundred stats through libuv's thread pool cost ~10 ms of round
 * trips, the same stats made directly ~1 ms, and nothing else is waiting meanwhile.
 */
function fingerprint(root: string, paths: readonly string[]): string {
  const stats = paths.map((p) => {
    const s = statSync(join(root, p), { throwIfNoEntry: false });
    return s ? `${s.size}:${s.mtimeMs}` : "-";
  });
  return createHash("sha1").update(stats.join("|")).digest("hex");
}

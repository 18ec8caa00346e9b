/**
 * Reading and writing attempt records. Files are written atomically (temp file + rename) and
 * never changed afterwards. A record that does not parse is skipped and reported, never fatal.
 * state.json caches all records with a fingerprint of the attempt folders' mtimes; it is only a
 * cache, so when it is missing, stale or corrupt it is rebuilt from the records.
 */
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Attempt } from "../core/attempt.js";
import type { Workspace } from "./workspace.js";

export interface RecordSet {
  readonly records: Attempt[];
  /** Files that could not be read as records (relative to the workspace). */
  readonly skipped: string[];
  /** Set when state.json was unreadable and had to be rebuilt. */
  readonly rebuiltCache: boolean;
}

/** Write one record; returns its path relative to the workspace root. */
export async function writeAttempt(ws: Workspace, attempt: Attempt): Promise<string> {
  const dir = join(ws.attempts, attempt.task);
  await mkdir(dir, { recursive: true });
  const base = `${attempt.at.replace(/:/g, "-")}-${attempt.event}`;
  let name = `${base}.json`;
  for (let n = 2; await stat(join(dir, name)).catch(() => undefined); n++) name = `${base}-${n}.json`;
  const { default: writeFileAtomic } = await import("write-file-atomic");
  await writeFileAtomic(join(dir, name), `${JSON.stringify(attempt, null, 2)}\n`);
  return join(".ts-dojo", "attempts", attempt.task, name);
}

export async function readAttempts(ws: Workspace): Promise<RecordSet> {
  const tasks = await readdir(ws.attempts).catch(() => [] as string[]);
  const mtimes = await Promise.all(
    tasks.map((t) =>
      stat(join(ws.attempts, t)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  const fingerprint = tasks
    .map((t, i) => `${t}@${mtimes[i]}`)
    .sort()
    .join(",");
  const cache = await readCache(ws);
  if (cache.ok && cache.fingerprint === fingerprint) return { records: cache.records, skipped: [], rebuiltCache: false };

  // The schema (and zod with it) loads only on this slow path, not on every status.
  const [{ attemptSchema }, { default: writeFileAtomic }] = await Promise.all([import("../core/attempt.js"), import("write-file-atomic")]);
  const records: Attempt[] = [];
  const skipped: string[] = [];
  await Promise.all(
    tasks.map(async (task) => {
      const files = await readdir(join(ws.attempts, task)).catch(() => [] as string[]);
      await Promise.all(
        files
          .filter((f) => f.endsWith(".json"))
          .map(async (f) => {
            const rel = join(".ts-dojo", "attempts", task, f);
            const parsed = attemptSchema.safeParse(
              await readFile(join(ws.root, rel), "utf8")
                .then(JSON.parse)
                .catch(() => undefined),
            );
            if (parsed.success) records.push(parsed.data);
            else skipped.push(rel);
          }),
      );
    }),
  );
  records.sort((a, b) => a.at.localeCompare(b.at));
  await writeFileAtomic(ws.state, JSON.stringify({ v: 1, fingerprint, records })).catch(() => {});
  return { records, skipped, rebuiltCache: !cache.ok && cache.corrupt };
}

async function readCache(ws: Workspace): Promise<{ ok: true; fingerprint: string; records: Attempt[] } | { ok: false; corrupt: boolean }> {
  const text = await readFile(ws.state, "utf8").catch(() => undefined);
  if (text === undefined) return { ok: false, corrupt: false };
  try {
    const data = JSON.parse(text) as { v?: number; fingerprint?: unknown; records?: unknown };
    if (data.v === 1 && typeof data.fingerprint === "string" && Array.isArray(data.records))
      return { ok: true, fingerprint: data.fingerprint, records: data.records as Attempt[] };
  } catch {}
  return { ok: false, corrupt: true };
}

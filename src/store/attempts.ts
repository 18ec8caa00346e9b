/**
 * Reading and writing attempt records. Files are written atomically (temp file + rename) and
 * never changed afterwards. A record that does not parse is skipped and reported, never fatal.
 * state.json caches all records, { v: 1, fingerprint, records }, where the fingerprint is the
 * attempt folders' names and mtimes (adding a file changes its folder's mtime). It is only a
 * cache: when it is missing, stale or corrupt it is rebuilt from the records.
 */
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Attempt } from "../core/attempt.js";
import { byTime } from "../core/record.js";
import type { Workspace } from "./workspace.js";

export interface RecordSet {
  readonly records: Attempt[];
  /** Files that could not be read as records (relative to the workspace). */
  readonly skipped: string[];
  /** Set when state.json was unreadable and had to be rebuilt. */
  readonly rebuiltCache: boolean;
}

/** fsync: false for the cache, which can always be rebuilt; records are flushed to disk. */
const atomicWrite = async (file: string, text: string, fsync = true) => {
  const { default: writeFileAtomic } = await import("write-file-atomic");
  await writeFileAtomic(file, text, { fsync });
};

/** Write one record; returns its path relative to the workspace root. */
export async function writeAttempt(ws: Workspace, attempt: Attempt): Promise<string> {
  const dir = join(ws.attempts, attempt.task);
  await mkdir(dir, { recursive: true });
  const base = `${attempt.at.replace(/:/g, "-")}-${attempt.event}`;
  let name = `${base}.json`;
  for (let n = 2; await stat(join(dir, name)).catch(() => undefined); n++) name = `${base}-${n}.json`;
  await atomicWrite(join(dir, name), `${JSON.stringify(attempt, null, 2)}\n`);
  return join(".ts-dojo", "attempts", attempt.task, name);
}

/**
 * Write a record and keep the cache valid, so the next command need not re-read every record.
 * Call it under the workspace lock: the cache is read, extended and rewritten as one step.
 */
export async function appendAttempt(ws: Workspace, attempt: Attempt): Promise<{ path: string; cached: Promise<void> }> {
  const before = await readAttempts(ws);
  const path = await writeAttempt(ws, attempt);
  const records = [...before.records, attempt].sort(byTime);
  const { fingerprint } = await fingerprintOf(ws);
  remember(ws, fingerprint, records);
  // The caller may commit while the cache is written: nothing reads it until the lock is released.
  return { path, cached: saveCache(ws, fingerprint, records) };
}

/**
 * The records this process last read or wrote, by workspace. Records are never changed once
 * written and every new one changes its folder's mtime, so an equal fingerprint means the same
 * set: verify reads the records three times (before the run, after it, under the lock) and
 * parses state.json only once.
 */
const memo = new Map<string, { fingerprint: string; records: Attempt[] }>();
const remember = (ws: Workspace, fingerprint: string, records: Attempt[]) => memo.set(ws.root, { fingerprint, records });

export async function readAttempts(ws: Workspace): Promise<RecordSet> {
  const { tasks, fingerprint } = await fingerprintOf(ws);
  const known = memo.get(ws.root);
  if (known?.fingerprint === fingerprint) return { records: known.records, skipped: [], rebuiltCache: false };
  const cache = await readCache(ws);
  if (cache.ok && cache.fingerprint === fingerprint) {
    remember(ws, fingerprint, cache.records);
    return { records: cache.records, skipped: [], rebuiltCache: false };
  }

  // The schema (and zod with it) loads only on this slow path, not on every status.
  const { attemptSchema } = await import("../core/attempt.js");
  const records: Attempt[] = [];
  const skipped: string[] = [];
  await Promise.all(
    tasks.map(async (task) => {
      const files = await readdir(join(ws.attempts, task)).catch(() => [] as string[]);
      for (const f of files.filter((x) => x.endsWith(".json"))) {
        const rel = join(".ts-dojo", "attempts", task, f);
        const data = await readFile(join(ws.root, rel), "utf8").then(parseJson, () => undefined);
        const parsed = attemptSchema.safeParse(data);
        if (parsed.success) records.push(parsed.data);
        else skipped.push(rel);
      }
    }),
  );
  records.sort(byTime);
  remember(ws, fingerprint, records);
  await saveCache(ws, fingerprint, records);
  return { records, skipped, rebuiltCache: !cache.ok && cache.corrupt };
}

async function fingerprintOf(ws: Workspace): Promise<{ tasks: string[]; fingerprint: string }> {
  const tasks = await readdir(ws.attempts).catch(() => [] as string[]);
  const mtimes = await Promise.all(
    tasks.map((t) =>
      stat(join(ws.attempts, t)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  return {
    tasks,
    fingerprint: tasks
      .map((t, i) => `${t}@${mtimes[i]}`)
      .sort()
      .join(","),
  };
}

function saveCache(ws: Workspace, fingerprint: string, records: readonly Attempt[]): Promise<void> {
  // A cache that cannot be written is only a slower next command.
  return atomicWrite(ws.state, JSON.stringify({ v: 1, fingerprint, records }), false).catch(() => {});
}

type Cache = { ok: true; fingerprint: string; records: Attempt[] } | { ok: false; corrupt: boolean };

async function readCache(ws: Workspace): Promise<Cache> {
  const text = await readFile(ws.state, "utf8").catch(() => undefined);
  if (text === undefined) return { ok: false, corrupt: false };
  try {
    const data = JSON.parse(text) as { v?: number; fingerprint?: unknown; records?: unknown };
    if (data.v === 1 && typeof data.fingerprint === "string" && Array.isArray(data.records))
      return { ok: true, fingerprint: data.fingerprint, records: data.records as Attempt[] };
  } catch {}
  return { ok: false, corrupt: true };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

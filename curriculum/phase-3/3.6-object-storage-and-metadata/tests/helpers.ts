/**
 * Shared fixtures for the blob store and catalog tests: a hand-moved clock, throwaway folders,
 * byte sources that fail or stall on cue, and a snapshot of every file under a folder.
 */
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach } from "node:test";
import { setImmediate as nextTurn } from "node:timers/promises";

export const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/** A clock that only moves when the test says so. */
export function fakeClock(start = Date.UTC(2024, 4, 1, 12, 0, 0)) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/**
 * A fresh folder per test, removed after it. `root` (where the store lives) sits three levels
 * down, so keys that climb out with "../" land inside `outer`, where the tests can see them.
 */
export function useTempDirs(): () => { outer: string; root: string } {
  let dirs: { outer: string; root: string } | undefined;
  beforeEach(async () => {
    const outer = await mkdtemp(join(tmpdir(), "dojo-blobs-"));
    const root = join(outer, "deep", "er", "store");
    await mkdir(root, { recursive: true });
    dirs = { outer, root };
  });
  afterEach(async () => {
    if (dirs) await rm(dirs.outer, { recursive: true, force: true });
    dirs = undefined;
  });
  return () => {
    if (!dirs) throw new Error("temp dirs are only there inside a test");
    return dirs;
  };
}

/** Every file under `dir` (folders left out) → the SHA-256 of its contents. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  async function walk(sub: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(join(dir, sub), { withFileTypes: true });
    } catch {
      return; // not there (yet)
    }
    for (const entry of entries) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else files[rel] = sha256(await readFile(join(dir, rel)));
    }
  }
  await walk("");
  return files;
}

/** What changed between two snapshots, for an assertion message. */
export function describeChanges(before: Record<string, string>, after: Record<string, string>): string {
  const added = Object.keys(after).filter((f) => !(f in before));
  const removed = Object.keys(before).filter((f) => !(f in after));
  const changed = Object.keys(after).filter((f) => f in before && before[f] !== after[f]);
  const list = (label: string, names: string[]) => (names.length ? [`${label}: ${names.join(", ")}`] : []);
  return [...list("new files", added), ...list("removed", removed), ...list("changed", changed)].join("; ") || "no changes";
}

/** `data` as a stream of `chunkSize`-byte chunks. */
export function bodyOf(data: Buffer, chunkSize = 16 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
  return Readable.from(chunks, { objectMode: false });
}

/** Collect a (small) stream into one Buffer. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** A source that sends `okBytes` bytes and then fails with `error`. */
export function failingSource(okBytes: number, error: Error, chunkSize = 16 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= okBytes) {
        this.destroy(error);
        return;
      }
      const n = Math.min(chunkSize, okBytes - sent);
      sent += n;
      this.push(Buffer.alloc(n, 0x61));
    },
  });
}

/**
 * A source that sends `firstBytes` bytes and then stalls. `stalled` resolves once the consumer
 * has taken them all and asked for more; `fail(err)` ends the wait with an error.
 */
export function stallingSource(firstBytes: number, chunkSize = 16 * 1024) {
  let sent = 0;
  let markStalled: () => void = () => {};
  const stalled = new Promise<void>((resolve) => {
    markStalled = resolve;
  });
  const stream = new Readable({
    read() {
      if (sent >= firstBytes) {
        markStalled();
        return; // push nothing: the consumer waits
      }
      const n = Math.min(chunkSize, firstBytes - sent);
      sent += n;
      this.push(Buffer.alloc(n, 0x62));
    },
  });
  return { stream, stalled, fail: (err: Error) => stream.destroy(err) };
}

/** Lets pending I/O callbacks and stream events run. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await nextTurn();
}

/** One line about an error for an assertion message. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = "code" in err ? ` (${String(err.code)})` : "";
  return `${err.name}${code}: ${err.message}`;
}

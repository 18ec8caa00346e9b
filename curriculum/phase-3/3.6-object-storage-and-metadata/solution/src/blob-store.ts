/**
 * A BlobStore on the local filesystem. Layout under `root`:
 *
 *   objects/<uuid>        the bytes of one put(), under a fresh name nobody can guess or reach
 *   keys/<key>.json       { object, size, sha256, contentType, lastModified }: the pointer
 *   tmp/<uuid>.json       a pointer being written, renamed into keys/ when complete
 *
 * An object exists exactly when its pointer does. put() streams the bytes into a new file under
 * objects/, and only when they are all on disk does it rename a finished pointer into keys/.
 * rename() replaces the destination atomically, so a reader sees the old object or the new one,
 * never half of either, and data and metadata always change together.
 */
import { randomUUID } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type BlobInfo, type BlobMeta, type BlobStore, type Clock, InvalidKeyError, type PutResult } from "./contracts.ts";
import { meter } from "./meter.ts";

/** The pointer file's contents. */
interface Pointer extends BlobMeta {
  /** File name under objects/. */
  readonly object: string;
}

const MAX_KEY_BYTES = 1024; // S3's limit too

/** Refuse keys that are not plain relative paths of ordinary segments. */
function checkKey(key: string): void {
  const refuse = (reason: string) => {
    throw new InvalidKeyError(key, reason);
  };
  if (typeof key !== "string" || key.length === 0) refuse("it is empty");
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) refuse(`it is longer than ${MAX_KEY_BYTES} bytes`);
  if (key.includes("\0")) refuse("it contains a NUL byte");
  // A backslash is a separator on Windows: "..\\x" would climb out there.
  if (key.includes("\\")) refuse("it contains a backslash");
  if (key.startsWith("/")) refuse("it is absolute");
  for (const segment of key.split("/")) {
    if (segment === "" || segment === "." || segment === "..") refuse(`it has a ${JSON.stringify(segment)} segment`);
  }
}

/** Creates a store rooted at `root` (created if missing). `now` stamps lastModified. */
export function createFsBlobStore(root: string, opts: { now?: Clock } = {}): BlobStore {
  const now = opts.now ?? Date.now;
  const base = resolve(root);
  const keysDir = join(base, "keys");
  const objectsDir = join(base, "objects");
  const tmpDir = join(base, "tmp");

  /** The pointer path for a key, after validating it and proving it stays inside keys/. */
  function pointerPath(key: string): string {
    checkKey(key);
    const path = resolve(keysDir, `${key}.json`);
    // Belt and braces: whatever the rules above missed, never touch a file outside keys/.
    if (!path.startsWith(keysDir + sep)) throw new InvalidKeyError(key, "it points outside the store");
    return path;
  }

  async function readPointer(key: string): Promise<Pointer | null> {
    try {
      return JSON.parse(await readFile(pointerPath(key), "utf8")) as Pointer;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  /** Write `data` to `path` and flush it to the disk before returning. */
  async function writeDurably(path: string, data: string): Promise<void> {
    const file = await open(path, "wx");
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
  }

  return {
    async put(key, body, meta): Promise<PutResult> {
      const finalPath = pointerPath(key);
      await mkdir(objectsDir, { recursive: true });
      await mkdir(tmpDir, { recursive: true });
      const id = randomUUID();
      const objectPath = join(objectsDir, id);
      const tmpPointer = join(tmpDir, `${id}.json`);
      const measured = meter();
      try {
        // "wx": a fresh file, never someone else's. Awaiting each write before taking the
        // next chunk keeps memory flat, and pipeline() destroys the body if anything fails.
        const file = await open(objectPath, "wx");
        try {
          await pipeline(body, measured, async (chunks: AsyncIterable<Buffer>) => {
            for await (const chunk of chunks) await file.write(chunk);
          });
          await file.sync(); // the bytes are on disk before anything points at them
        } finally {
          await file.close();
        }
        await syncDir(objectsDir); // and so is their file name, which the pointer will name
        const previous = await readPointer(key);
        const pointer: Pointer = {
          object: id,
          size: measured.bytes(),
          sha256: measured.sha256(),
          contentType: meta.contentType,
          lastModified: now(),
        };
        await writeDurably(tmpPointer, JSON.stringify(pointer));
        await mkdir(join(finalPath, ".."), { recursive: true });
        await rename(tmpPointer, finalPath); // the commit point
        await syncDir(join(finalPath, ".."));
        // The old bytes are unreachable now. (Two overwrites racing can leave one unreachable
        // file in objects/; it is invisible, and a store-level sweep could collect it.)
        if (previous) await rm(join(objectsDir, previous.object), { force: true });
        return { size: pointer.size, sha256: pointer.sha256 };
      } catch (err) {
        body.destroy(); // nobody will read the rest of it
        await rm(objectPath, { force: true });
        await rm(tmpPointer, { force: true });
        throw err;
      }
    },

    async get(key): Promise<Readable | null> {
      const pointer = await readPointer(key);
      if (!pointer) return null;
      try {
        // Open before returning, so a missing file is a null here rather than a stream error later.
        return (await open(join(objectsDir, pointer.object), "r")).createReadStream();
      } catch (err) {
        if (isMissing(err)) return null; // deleted or replaced between the two reads
        throw err;
      }
    },

    async head(key): Promise<BlobMeta | null> {
      const pointer = await readPointer(key);
      if (!pointer) return null;
      const { size, sha256, contentType, lastModified } = pointer;
      return { size, sha256, contentType, lastModified };
    },

    async delete(key): Promise<void> {
      const pointer = await readPointer(key);
      if (!pointer) return;
      // Unpublish first, then free the bytes: a crash in between leaves only unreachable bytes.
      await rm(pointerPath(key), { force: true });
      await rm(join(objectsDir, pointer.object), { force: true });
    },

    async list(prefix): Promise<BlobInfo[]> {
      const found: BlobInfo[] = [];
      for (const key of await walk(keysDir, "")) {
        if (!key.startsWith(prefix)) continue;
        const pointer = await readPointer(key);
        if (pointer) found.push({ key, size: pointer.size, lastModified: pointer.lastModified });
      }
      return found;
    },
  };
}

/** Every key under keys/, from its pointer files' relative paths. */
async function walk(dir: string, relative: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const keys: string[] = [];
  for (const entry of entries) {
    const name = relative + entry.name;
    if (entry.isDirectory()) keys.push(...(await walk(join(dir, entry.name), `${name}/`)));
    else if (entry.name.endsWith(".json")) keys.push(name.slice(0, -".json".length));
  }
  return keys;
}

/** fsync a directory so a rename inside it survives a power cut. Not possible on Windows; skip there. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the rename itself already happened.
  }
}

function isMissing(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "ENOENT";
}

// Bytes in data/<key>, metadata beside them in meta/<key>.json.
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type BlobInfo, type BlobMeta, type BlobStore, type Clock, InvalidKeyError, type PutResult } from "./contracts.ts";
import { meter } from "./meter.ts";

function checkKey(key: string): void {
  const bad = (why: string) => {
    throw new InvalidKeyError(key, why);
  };
  if (!key) bad("empty");
  if (key.includes("\0") || key.includes("\\")) bad("bad character");
  if (key.startsWith("/")) bad("absolute");
  if (key.split("/").some((s) => s === "" || s === "." || s === "..")) bad("bad segment");
}

export function createFsBlobStore(root: string, opts: { now?: Clock } = {}): BlobStore {
  const now = opts.now ?? Date.now;
  const dataDir = resolve(root, "data");
  const metaDir = resolve(root, "meta");
  const paths = (key: string) => {
    checkKey(key);
    const data = resolve(dataDir, key);
    if (!data.startsWith(dataDir + sep)) throw new InvalidKeyError(key, "outside");
    return { data, meta: resolve(metaDir, `${key}.json`) };
  };
  const readMeta = async (key: string): Promise<BlobMeta | null> => {
    try {
      return JSON.parse(await readFile(paths(key).meta, "utf8")) as BlobMeta;
    } catch (err) {
      if ((err as { code?: string }).code === "ENOENT") return null;
      throw err;
    }
  };
  return {
    async put(key: string, body: Readable, meta: { contentType: string }): Promise<PutResult> {
      const p = paths(key);
      await mkdir(dirname(p.data), { recursive: true });
      await mkdir(dirname(p.meta), { recursive: true });
      const m = meter();
      // Streams straight into the object's own file: a body that fails half-way leaves a
      // partial object there, and an overwrite truncates the old one before the new bytes arrive.
      await pipeline(body, m, createWriteStream(p.data));
      const info: BlobMeta = { size: m.bytes(), sha256: m.sha256(), contentType: meta.contentType, lastModified: now() };
      await writeFile(p.meta, JSON.stringify(info));
      return { size: info.size, sha256: info.sha256 };
    },
    async get(key: string) {
      if (!(await readMeta(key))) return null;
      const handle = await open(paths(key).data, "r");
      return handle.createReadStream();
    },
    head: readMeta,
    async delete(key: string) {
      const p = paths(key);
      await rm(p.meta, { force: true });
      await rm(p.data, { force: true });
    },
    async list(prefix: string): Promise<BlobInfo[]> {
      const out: BlobInfo[] = [];
      const walk = async (dir: string, rel: string): Promise<void> => {
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of entries) {
          if (e.isDirectory()) await walk(join(dir, e.name), `${rel}${e.name}/`);
          else if (e.name.endsWith(".json")) {
            const key = rel + e.name.slice(0, -5);
            if (!key.startsWith(prefix)) continue;
            const meta = await readMeta(key);
            if (meta) out.push({ key, size: meta.size, lastModified: meta.lastModified });
          }
        }
      };
      await walk(metaDir, "");
      return out;
    },
  };
}

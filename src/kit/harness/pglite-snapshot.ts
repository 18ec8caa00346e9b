/**
 * A fresh PGlite costs ~5 s cold (initdb in WebAssembly) but ~1.5 s when restored from a data
 * directory dumped right after initdb. The dump is cached once per machine, PGlite version and
 * Node major, and shared by every test process.
 *
 * Cache file: `<tmpdir>/ts-dojo-pglite/<pglite version>-<node major>.tgz`, the gzip tarball of
 * `db.dumpDataDir("gzip")` from a new, empty instance. Writers write `<file>.<pid>-<hex>.tmp`
 * and rename it into place, so readers see a whole file or none and racing writers each leave a
 * valid one. A file that does not gunzip to a tar is deleted and rebuilt.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";

export const defaultSnapshotDir = (): string => join(tmpdir(), "ts-dojo-pglite");

/** The cache file for this PGlite and Node, in `dir`. */
export function snapshotPath(dir = defaultSnapshotDir()): string {
  return join(dir, `${pgliteVersion()}-${process.versions.node.split(".")[0]}.tgz`);
}

let version: string | undefined;
function pgliteVersion(): string {
  if (version) return version;
  // The package exports no ./package.json; its main file sits in dist/, one below it.
  const require = createRequire(import.meta.url);
  const main = require.resolve("@electric-sql/pglite");
  version = (require(join(dirname(dirname(main)), "package.json")) as { version: string }).version;
  return version;
}

/** A new, empty PGlite: restored from the cached snapshot, or built cold (and cached) when there is none. */
export async function openPglite(opts: { dir?: string } = {}): Promise<{ db: PGlite; source: "snapshot" | "built" }> {
  const file = snapshotPath(opts.dir);
  const tar = await readSnapshot(file);
  if (tar) {
    // Handing PGlite the tar (not the gzip) matters: if its own gunzip fails, the error escapes
    // as an unhandled rejection and kills the process, so only bytes we have checked reach it.
    return { db: await PGlite.create({ loadDataDir: new Blob([tar], { type: "application/x-tar" }) }), source: "snapshot" };
  }
  const db = await PGlite.create();
  const dump = Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
  await writeSnapshot(file, dump).catch(() => {}); // The cache only saves time; a read-only tmp must not fail tests.
  return { db, source: "built" };
}

/** The snapshot's tar bytes, or undefined when it is missing or corrupt (a corrupt one is deleted). */
async function readSnapshot(file: string): Promise<Buffer<ArrayBuffer> | undefined> {
  let gz: Buffer;
  try {
    gz = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    // gunzip checks the CRC and length, so a truncated or damaged file throws here.
    const tar = gunzipSync(gz) as Buffer<ArrayBuffer>; // A fresh buffer, never a shared one.
    if (tar.subarray(257, 262).toString("latin1") !== "ustar") throw new Error("not a tar archive");
    return tar;
  } catch {
    await rm(file, { force: true });
    return undefined;
  }
}

/** Write `bytes` to `file` atomically: a private temp name, then rename. */
export async function writeSnapshot(file: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  await sweepTempFiles(dir);
  const temp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

const STALE_TEMP_MS = 60 * 60 * 1000;

/** Temp files of writers that were killed mid-write; an hour old means nobody is finishing them. */
async function sweepTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    if (!name.endsWith(".tmp")) continue;
    const path = join(dir, name);
    const age = Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > STALE_TEMP_MS) await rm(path, { force: true });
  }
}

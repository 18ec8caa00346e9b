/**
 * A BlobStore (see ./contracts.ts) that keeps objects in files under `root`. Read README.md
 * first. You choose the layout on disk; the tests only use the BlobStore methods, and look at
 * the files under `root` only to check that nothing half-written or stray is left there.
 */
import type { Readable } from "node:stream";
import { type BlobInfo, type BlobMeta, type BlobStore, type Clock, InvalidKeyError, type PutResult } from "./contracts.ts";
// The meter from task 1.6, read-only: counts and hashes bytes as they stream through.
import { meter } from "./meter.ts";

/**
 * Create a store rooted at `root` (create the folder if it is missing). `opts.now` is the
 * clock that stamps `lastModified`; default Date.now.
 *
 * - put streams the body to disk (memory stays flat however big it is), computes size and
 *   SHA-256 on the way, and makes the object visible only once every byte is stored: a body
 *   that fails half-way leaves no object, no partial file, no temp file, and an older object
 *   under the same key untouched.
 * - Every method rejects with InvalidKeyError for a key that is empty, absolute, contains a
 *   NUL byte or a backslash, or has an empty, "." or ".." segment, before touching the disk.
 */
export function createFsBlobStore(root: string, opts: { now?: Clock } = {}): BlobStore {
  return {
    async put(key: string, body: Readable, meta: { contentType: string }): Promise<PutResult> {
      throw new Error("TODO: put");
    },
    async get(key: string): Promise<Readable | null> {
      throw new Error("TODO: get");
    },
    async head(key: string): Promise<BlobMeta | null> {
      throw new Error("TODO: head");
    },
    async delete(key: string): Promise<void> {
      throw new Error("TODO: delete");
    },
    async list(prefix: string): Promise<BlobInfo[]> {
      throw new Error("TODO: list");
    },
  };
}

// Used by the finished version; kept here so the imports above type-check as they are.
void InvalidKeyError;
void meter;

/**
 * Image metadata in the `images` table (see ../schema.sql), image bytes in a BlobStore. Read
 * README.md first: the order of the two writes decides what a failure leaves behind.
 */
import type { Readable } from "node:stream";
import type { Queryable } from "ts-dojo/kit";
import { type BlobStore, type Clock, IMAGE_PREFIX, type ImageCatalog, type ImageRecord } from "./contracts.ts";

/**
 * `opts.now` is the clock sweepOrphans measures a blob's age with; default Date.now.
 *
 * - add stores the bytes under a new key starting with IMAGE_PREFIX, then inserts the row, and
 *   resolves with it. If either step fails it rejects with that step's error and leaves no row.
 * - sweepOrphans deletes blobs under IMAGE_PREFIX that no row points at and whose lastModified
 *   is more than `olderThanMs` before now, and resolves with how many it deleted. It asks the
 *   database about many keys per query, not one query per blob.
 */
export function createImageCatalog(db: Queryable, blobs: BlobStore, opts: { now?: Clock } = {}): ImageCatalog {
  return {
    async add(owner: string, body: Readable, contentType: string): Promise<ImageRecord> {
      throw new Error("TODO: add");
    },
    async sweepOrphans(olderThanMs: number): Promise<number> {
      throw new Error("TODO: sweepOrphans");
    },
  };
}

// Used by the finished version; kept here so the imports above type-check as they are.
void IMAGE_PREFIX;

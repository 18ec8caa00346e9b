/**
 * The shapes blob-store.ts and image-catalog.ts are written against. Read-only: the tests
 * import these same definitions (and check `instanceof InvalidKeyError`), so use them as they are.
 */
import type { Readable } from "node:stream";

/** Milliseconds since the epoch, like Date.now(). Injected so tests can move time by hand. */
export type Clock = () => number;

/** What put() learned while the bytes streamed through. */
export interface PutResult {
  /** Number of bytes stored. */
  readonly size: number;
  /** SHA-256 of the stored bytes, 64 lowercase hex characters. */
  readonly sha256: string;
}

/** What head() returns: the facts about a stored object, without its bytes. */
export interface BlobMeta extends PutResult {
  /** The content type given to put(), e.g. "image/png". */
  readonly contentType: string;
  /** The store's clock when the object was stored (ms since the epoch). */
  readonly lastModified: number;
}

/** One entry of list(). */
export interface BlobInfo {
  readonly key: string;
  readonly size: number;
  readonly lastModified: number;
}

/**
 * A key-value store for byte streams, like S3 or a folder on disk. Keys are strings such as
 * "images/2024/cat.png"; "/" separates segments.
 */
export interface BlobStore {
  /** Store `body` under `key` (replacing any object there), whole or not at all. */
  put(key: string, body: Readable, meta: { contentType: string }): Promise<PutResult>;
  /** The object's bytes as a stream, or null when there is no object under `key`. */
  get(key: string): Promise<Readable | null>;
  /** The object's metadata, or null when there is no object under `key`. */
  head(key: string): Promise<BlobMeta | null>;
  /** Remove the object; resolves quietly when there is none. */
  delete(key: string): Promise<void>;
  /** Every stored object whose key starts with `prefix` ("" for all), in any order. */
  list(prefix: string): Promise<BlobInfo[]>;
}

/** A key the store refuses: empty, absolute, with a "." or ".." or empty segment, a NUL or a backslash. */
export class InvalidKeyError extends Error {
  override readonly name = "InvalidKeyError";
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`invalid blob key ${JSON.stringify(key)}: ${reason}`);
  }
}

/** Every image the catalog stores has a key starting with this; sweepOrphans looks nowhere else. */
export const IMAGE_PREFIX = "images/";

/** One row of `images` (see ../schema.sql), as the catalog hands it out. */
export interface ImageRecord {
  /** The row's uuid. */
  readonly id: string;
  readonly owner: string;
  /** Where the bytes are in the blob store; starts with IMAGE_PREFIX. */
  readonly key: string;
  /** Size in bytes, as a number (bigint columns arrive from pg as strings). */
  readonly size: number;
  readonly sha256: string;
  readonly contentType: string;
}

/** Image metadata in SQL, image bytes in a BlobStore. */
export interface ImageCatalog {
  /** Store the bytes, then record them; rejects (and leaves no row) if either step fails. */
  add(owner: string, body: Readable, contentType: string): Promise<ImageRecord>;
  /**
   * Delete every blob under IMAGE_PREFIX that no row points at and that is older than
   * `olderThanMs` by the catalog's clock. Resolves with how many blobs it deleted.
   */
  sweepOrphans(olderThanMs: number): Promise<number>;
}

/**
 * Stand-ins the catalog tests drive createImageCatalog with: an in-memory BlobStore whose
 * deletes can be made to fail (a crash between two steps), and Queryable wrappers that count
 * queries, fail an INSERT, or hold an INSERT back until the test lets it go.
 */
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import type { Queryable } from "ts-dojo/kit";
import { readAll, sha256 } from "./helpers.ts";
import type { BlobInfo, BlobMeta, BlobStore, Clock, PutResult } from "./src/contracts.ts";

/** Create `images` from the read-only schema.sql. */
export async function createSchema(db: Queryable): Promise<void> {
  await db.query(await readFile(new URL("./schema.sql", import.meta.url), "utf8"));
}

export interface MemoryBlobStore extends BlobStore {
  /** Keys currently stored, sorted. */
  keys(): string[];
  /** While true, delete() rejects, as if the process died before it could run. */
  failDeletes: boolean;
}

/** A BlobStore in a Map. Small bodies only: put() collects the whole body. */
export function memoryBlobStore(now: Clock): MemoryBlobStore {
  const objects = new Map<string, { data: Buffer; meta: BlobMeta }>();
  const store: MemoryBlobStore = {
    failDeletes: false,
    keys: () => [...objects.keys()].sort(),
    async put(key: string, body: Readable, meta: { contentType: string }): Promise<PutResult> {
      const data = await readAll(body); // rejects, storing nothing, if the body fails
      const stored: BlobMeta = { size: data.length, sha256: sha256(data), contentType: meta.contentType, lastModified: now() };
      objects.set(key, { data, meta: stored });
      return { size: stored.size, sha256: stored.sha256 };
    },
    async get(key: string) {
      const object = objects.get(key);
      if (!object) return null;
      return Readable.from([object.data]);
    },
    async head(key: string) {
      return objects.get(key)?.meta ?? null;
    },
    async delete(key: string) {
      if (store.failDeletes) throw new Error("blob store unreachable (simulated crash)");
      objects.delete(key);
    },
    async list(prefix: string): Promise<BlobInfo[]> {
      return [...objects.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, o]) => ({ key, size: o.meta.size, lastModified: o.meta.lastModified }));
    },
  };
  return store;
}

const isImagesInsert = (sql: string) => /insert\s+into\s+(public\.)?images\b/i.test(sql);

/** Counts the queries that pass through. */
export function countingDb(db: Queryable): Queryable & { count: number } {
  const wrapper = {
    count: 0,
    query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
      wrapper.count += 1;
      return db.query<T>(sql, params);
    },
  };
  return wrapper;
}

/** Fails every INSERT into images with `error`, as if the connection dropped; passes the rest. */
export function failingInsertsDb(db: Queryable, error: Error): Queryable {
  return {
    query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
      if (isImagesInsert(sql)) return Promise.reject(error);
      return db.query<T>(sql, params);
    },
  };
}

/** Holds every INSERT into images until release(); `waiting` resolves when one arrives. */
export function heldInsertsDb(db: Queryable) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived: () => void = () => {};
  const waiting = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const wrapped: Queryable = {
    async query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
      if (isImagesInsert(sql)) {
        arrived();
        await released;
      }
      return db.query<T>(sql, params);
    },
  };
  return { db: wrapped, waiting, release: () => release() };
}

export interface ImageRow {
  id: string;
  owner: string;
  blob_key: string;
  size_bytes: string;
  sha256: string;
  content_type: string;
}

export async function imageRows(db: Queryable): Promise<ImageRow[]> {
  const { rows } = await db.query<ImageRow>(
    "SELECT id::text, owner, blob_key, size_bytes::text, sha256, content_type FROM images ORDER BY created_at, blob_key",
  );
  return rows;
}

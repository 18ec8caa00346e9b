/**
 * Images split across two systems: the bytes in a BlobStore, the facts about them in the
 * `images` table. There is no transaction spanning both, so the order of the steps decides
 * what a failure leaves behind, and a sweep cleans up what is left.
 */
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import type { Queryable } from "ts-dojo/kit";
import { type BlobStore, type Clock, IMAGE_PREFIX, type ImageCatalog, type ImageRecord } from "./contracts.ts";

interface ImageRow {
  id: string;
  owner: string;
  blob_key: string;
  size_bytes: string; // bigint arrives as a string
  sha256: string;
  content_type: string;
}

/** How many keys one "which of these have a row?" query asks about. */
const SWEEP_BATCH = 500;

export function createImageCatalog(db: Queryable, blobs: BlobStore, opts: { now?: Clock } = {}): ImageCatalog {
  const now = opts.now ?? Date.now;

  return {
    async add(owner: string, body: Readable, contentType: string): Promise<ImageRecord> {
      const id = randomUUID();
      const key = `${IMAGE_PREFIX}${id}`;
      // Bytes first. If this fails there is nothing to undo; if the insert below fails we are
      // left with a blob nobody points at, which is harmless (and swept). The other order
      // would risk a row pointing at bytes that never arrived: a broken image for every reader.
      const { size, sha256 } = await blobs.put(key, body, { contentType });
      try {
        const { rows } = await db.query<ImageRow>(
          `INSERT INTO images (id, owner, blob_key, size_bytes, sha256, content_type)
           VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING id, owner, blob_key, size_bytes, sha256, content_type`,
          [id, owner, key, size, sha256, contentType],
        );
        const row = rows[0];
        if (!row) throw new Error("INSERT … RETURNING returned no row");
        return toRecord(row);
      } catch (err) {
        // Tidy up if we can; if we cannot (or the process dies right here), the sweep will.
        await blobs.delete(key).catch(() => {});
        throw err;
      }
    },

    async sweepOrphans(olderThanMs: number): Promise<number> {
      const cutoff = now() - olderThanMs;
      // Young blobs may belong to an add() whose INSERT has not run yet: leave them alone.
      const candidates = (await blobs.list(IMAGE_PREFIX)).filter((b) => b.lastModified < cutoff).map((b) => b.key);
      let deleted = 0;
      for (let i = 0; i < candidates.length; i += SWEEP_BATCH) {
        const batch = candidates.slice(i, i + SWEEP_BATCH);
        // One query per batch, not one per blob (the N+1 trap from 3.3).
        // Looks the keys up in the id column, so no key ever matches and every old blob looks orphaned.
        const { rows } = await db.query<{ blob_key: string }>("SELECT id::text AS blob_key FROM images WHERE id::text = ANY($1::text[])", [
          batch,
        ]);
        const referenced = new Set(rows.map((r) => r.blob_key));
        for (const key of batch) {
          if (referenced.has(key)) continue;
          await blobs.delete(key);
          deleted += 1;
        }
      }
      return deleted;
    },
  };
}

function toRecord(row: ImageRow): ImageRecord {
  return {
    id: row.id,
    owner: row.owner,
    key: row.blob_key,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    contentType: row.content_type,
  };
}

/**
 * The catalog against a real PostgreSQL protocol (PGlite by default) and an in-memory blob
 * store the tests control; the last test runs it on your own fs store.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { beforeEach, describe, test } from "node:test";
import { useDatabase } from "ts-dojo/harness";
import { countingDb, createSchema, failingInsertsDb, heldInsertsDb, imageRows, memoryBlobStore } from "./catalog-fixtures.ts";
import { bodyOf, describeError, failingSource, fakeClock, HOUR, MINUTE, sha256, useTempDirs } from "./helpers.ts";
import { createFsBlobStore } from "./src/blob-store.ts";
import { IMAGE_PREFIX } from "./src/contracts.ts";
import { createImageCatalog } from "./src/image-catalog.ts";

const DAY = 24 * HOUR;

describe("createImageCatalog", () => {
  // One database for the file (PGlite takes a second or two to open), reset before each test.
  const db = useDatabase();
  beforeEach(() => createSchema(db()));

  describe("add", () => {
    test("stores the bytes under images/ and records owner, size, SHA-256 and content type in a row", async () => {
      const clock = fakeClock();
      const blobs = memoryBlobStore(clock.now);
      const catalog = createImageCatalog(db(), blobs, { now: clock.now });
      const data = randomBytes(40_000);
      const record = await catalog.add("alice", bodyOf(data), "image/png");

      assert.ok(record.key.startsWith(IMAGE_PREFIX), `the key should start with "${IMAGE_PREFIX}", got ${JSON.stringify(record.key)}`);
      assert.deepEqual(
        { owner: record.owner, size: record.size, sha256: record.sha256, contentType: record.contentType },
        { owner: "alice", size: 40_000, sha256: sha256(data), contentType: "image/png" },
        "the record should carry the owner, the size as a number, the SHA-256 and the content type",
      );
      const meta = await blobs.head(record.key);
      assert.ok(meta, "the bytes should be in the blob store under record.key");
      assert.equal(meta.sha256, sha256(data), "the blob under record.key should hold the uploaded bytes");
      assert.deepEqual(
        await imageRows(db()),
        [{ id: record.id, owner: "alice", blob_key: record.key, size_bytes: "40000", sha256: sha256(data), content_type: "image/png" }],
        "exactly one row should describe the image, with the same id and key as the record",
      );
    });

    test("two adds get different ids and keys, even for the same bytes", async () => {
      const clock = fakeClock();
      const catalog = createImageCatalog(db(), memoryBlobStore(clock.now), { now: clock.now });
      const data = Buffer.from("same bytes");
      const first = await catalog.add("alice", bodyOf(data), "image/png");
      const second = await catalog.add("bob", bodyOf(data), "image/png");
      assert.notEqual(first.id, second.id, "each image needs its own id");
      assert.notEqual(first.key, second.key, "each image needs its own key, or the second upload overwrites the first one's bytes");
      assert.equal((await imageRows(db())).length, 2, "two adds make two rows");
    });

    test("a body that fails half-way: add rejects with its error and leaves no row and no blob", async () => {
      const clock = fakeClock();
      const blobs = memoryBlobStore(clock.now);
      const catalog = createImageCatalog(db(), blobs, { now: clock.now });
      const boom = new Error("upload interrupted");
      await assert.rejects(
        catalog.add("alice", failingSource(30_000, boom), "image/png"),
        (err) => err === boom,
        "add should reject with the body's error",
      );
      assert.deepEqual(await imageRows(db()), [], "no row may point at bytes that never arrived: store the bytes before inserting the row");
      assert.deepEqual(blobs.keys(), [], "nothing should be stored");
    });

    test("when the INSERT fails, add rejects with the database's error, and no orphan survives a sweep", async () => {
      const clock = fakeClock();
      const blobs = memoryBlobStore(clock.now);
      const dbDown = new Error("Connection terminated unexpectedly");
      const catalog = createImageCatalog(failingInsertsDb(db(), dbDown), blobs, { now: clock.now });
      await assert.rejects(catalog.add("alice", bodyOf(randomBytes(1000)), "image/png"), (err) => {
        assert.equal(err, dbDown, `add should reject with the database's own error, got ${describeError(err)}`);
        return true;
      });
      assert.deepEqual(await imageRows(db()), [], "the failed INSERT leaves no row");
      clock.advance(2 * HOUR);
      await catalog.sweepOrphans(HOUR);
      assert.deepEqual(
        blobs.keys(),
        [],
        "the blob written before the INSERT failed must be gone after a sweep (deleted by add, or by the sweep)",
      );
    });

    test("a crash between the upload and the INSERT leaves an orphan that the sweep removes once it is old enough", async () => {
      const clock = fakeClock();
      const blobs = memoryBlobStore(clock.now);
      const dbDown = new Error("Connection terminated unexpectedly");
      const catalog = createImageCatalog(failingInsertsDb(db(), dbDown), blobs, { now: clock.now });
      blobs.failDeletes = true; // add cannot tidy up after itself, as if the process died
      await assert.rejects(catalog.add("alice", bodyOf(randomBytes(1000)), "image/png"), (err) => {
        assert.equal(err, dbDown, `add should reject with the INSERT's error, not a clean-up error; got ${describeError(err)}`);
        return true;
      });
      blobs.failDeletes = false;
      const [orphan] = blobs.keys();
      assert.ok(orphan, "the orphan blob stays behind (the blob store refused the delete)");

      clock.advance(30 * MINUTE);
      assert.equal(await catalog.sweepOrphans(HOUR), 0, "an orphan 30 minutes old is younger than the 1-hour threshold: it must stay");
      assert.deepEqual(blobs.keys(), [orphan], "the young orphan must not be deleted yet");

      clock.advance(31 * MINUTE);
      assert.equal(await catalog.sweepOrphans(HOUR), 1, "61 minutes later the orphan is old enough: one blob deleted");
      assert.deepEqual(blobs.keys(), [], "the orphan should be gone");
    });
  });

  describe("sweepOrphans", () => {
    test("never deletes a blob that has a row, however old it is", async () => {
      const clock = fakeClock();
      const blobs = memoryBlobStore(clock.now);
      const catalog = createImageCatalog(db(), blobs, { now: clock.now });
      const records = [];
      for (const owner of ["alice", "bob", "carol"]) records.push(await catalog.add(owner, bodyOf(randomBytes(500)), "image/jpeg"));
      clock.advance(30 * DAY);
      assert.equal(await catalog.sweepOrphans(HOUR), 0, "every blob has a row, so the sweep deletes nothing");
      for (const r of records) assert.ok(await blobs.head(r.key), `${r.key} has a row and must survive the sweep`);
    });

    test("deletes exactly the old orphans under images/, and nothing else", async () => {
      const clock = fakeClock();
      const blobs = memoryBlobStore(clock.now);
      const catalog = createImageCatalog(db(), blobs, { now: clock.now });
      const kept = await catalog.add("alice", bodyOf(Buffer.from("kept")), "image/png");
      await blobs.put(`${IMAGE_PREFIX}old-orphan-1`, bodyOf(Buffer.from("x")), { contentType: "image/png" });
      await blobs.put(`${IMAGE_PREFIX}old-orphan-2`, bodyOf(Buffer.from("y")), { contentType: "image/png" });
      await blobs.put("avatars/not-ours", bodyOf(Buffer.from("z")), { contentType: "image/png" });
      clock.advance(3 * HOUR);
      await blobs.put(`${IMAGE_PREFIX}young-orphan`, bodyOf(Buffer.from("w")), { contentType: "image/png" });
      clock.advance(10 * MINUTE);

      assert.equal(await catalog.sweepOrphans(HOUR), 2, "two orphans under images/ are older than an hour");
      assert.deepEqual(
        blobs.keys(),
        ["avatars/not-ours", `${IMAGE_PREFIX}young-orphan`, kept.key].sort(),
        "left: the image with a row, the 10-minute-old orphan, and the blob outside images/ (not the catalog's to delete)",
      );
    });

    test("leaves alone an upload whose INSERT has not run yet", async () => {
      const clock = fakeClock();
      const blobs = memoryBlobStore(clock.now);
      const held = heldInsertsDb(db());
      const catalog = createImageCatalog(held.db, blobs, { now: clock.now });
      const adding = catalog.add("alice", bodyOf(Buffer.from("in flight")), "image/png");
      await held.waiting; // the bytes are stored; the row is not there yet
      assert.equal(
        await catalog.sweepOrphans(HOUR),
        0,
        "a blob stored moments ago may be an upload in progress: the age threshold is what protects it",
      );
      held.release();
      const record = await adding;
      assert.ok(await blobs.head(record.key), "the finished upload's blob must still be there");
    });

    test("asks the database about many blobs per query, not one query per blob", async () => {
      const clock = fakeClock();
      const blobs = memoryBlobStore(clock.now);
      const counted = countingDb(db());
      const catalog = createImageCatalog(counted, blobs, { now: clock.now });
      for (let i = 0; i < 20; i++) await catalog.add("alice", bodyOf(Buffer.from(`image ${i}`)), "image/png");
      for (let i = 0; i < 180; i++)
        await blobs.put(`${IMAGE_PREFIX}orphan-${i}`, bodyOf(Buffer.from(`orphan ${i}`)), { contentType: "image/png" });
      clock.advance(2 * HOUR);
      counted.count = 0;
      assert.equal(await catalog.sweepOrphans(HOUR), 180, "all 180 orphans are old enough to go");
      assert.ok(
        counted.count <= 4,
        `sweeping 200 blobs took ${counted.count} queries; look keys up in batches (WHERE blob_key = ANY($1)) so it takes a handful`,
      );
      assert.equal(blobs.keys().length, 20, "the 20 images with rows stay");
    });
  });

  describe("with your fs blob store", () => {
    const dirs = useTempDirs();

    test("add, then a sweep that removes only the orphan", async () => {
      const clock = fakeClock();
      const blobs = createFsBlobStore(dirs().root, { now: clock.now });
      const catalog = createImageCatalog(db(), blobs, { now: clock.now });
      const data = randomBytes(20_000);
      const record = await catalog.add("alice", bodyOf(data), "image/webp");
      assert.deepEqual(
        await blobs.head(record.key),
        { size: 20_000, sha256: sha256(data), contentType: "image/webp", lastModified: clock.now() },
        "the fs store should hold the image under record.key",
      );
      await blobs.put(`${IMAGE_PREFIX}left-behind`, bodyOf(Buffer.from("orphan")), { contentType: "image/png" });
      clock.advance(2 * HOUR);
      assert.equal(await catalog.sweepOrphans(HOUR), 1, "one orphan to delete");
      assert.equal(await blobs.head(`${IMAGE_PREFIX}left-behind`), null, "the orphan should be gone");
      assert.ok(await blobs.head(record.key), "the image with a row should stay");
    });
  });
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  bodyOf,
  describeChanges,
  describeError,
  failingSource,
  fakeClock,
  MINUTE,
  readAll,
  settle,
  sha256,
  snapshot,
  stallingSource,
  useTempDirs,
} from "./helpers.ts";
import { createFsBlobStore } from "./src/blob-store.ts";
import { InvalidKeyError } from "./src/contracts.ts";

const PNG = { contentType: "image/png" };

describe("createFsBlobStore: storing and reading objects", () => {
  const dirs = useTempDirs();

  test("put resolves with the size and SHA-256, and head returns them with the content type and time", async () => {
    const clock = fakeClock();
    const store = createFsBlobStore(dirs().root, { now: clock.now });
    const data = randomBytes(100_000);
    const put = await store.put("images/cat.png", bodyOf(data), PNG);
    assert.deepEqual(put, { size: 100_000, sha256: sha256(data) }, "put should resolve with { size, sha256 } of the bytes it stored");
    assert.deepEqual(
      await store.head("images/cat.png"),
      { size: 100_000, sha256: sha256(data), contentType: "image/png", lastModified: clock.now() },
      "head should return size, sha256, the contentType given to put, and lastModified from the store's clock",
    );
  });

  test("get streams the bytes back exactly as they went in", async () => {
    const store = createFsBlobStore(dirs().root);
    const data = randomBytes(300_000);
    await store.put("a/b/c.bin", bodyOf(data, 7_000), { contentType: "application/octet-stream" });
    const stream = await store.get("a/b/c.bin");
    assert.ok(stream, "get should return a stream for a key that was put");
    assert.deepEqual(await readAll(stream), data, "the bytes read back must equal the bytes put, in order");
  });

  test("get and head return null for a key that was never put", async () => {
    const store = createFsBlobStore(dirs().root);
    assert.equal(await store.head("images/nothing.png"), null, "head of a missing key resolves with null");
    assert.equal(await store.get("images/nothing.png"), null, "get of a missing key resolves with null, not a stream that errors");
  });

  test("a second put to the same key replaces the object", async () => {
    const store = createFsBlobStore(dirs().root);
    await store.put("k", bodyOf(Buffer.from("first version")), PNG);
    await store.put("k", bodyOf(Buffer.from("second")), { contentType: "image/jpeg" });
    const stream = await store.get("k");
    assert.ok(stream, "the key should still hold an object");
    assert.equal((await readAll(stream)).toString(), "second", "get should return the bytes of the latest put");
    assert.deepEqual(
      await store.head("k").then((m) => m && { size: m.size, contentType: m.contentType }),
      { size: 6, contentType: "image/jpeg" },
      "head should describe the latest put",
    );
  });

  test("delete removes the object, and deleting a missing key resolves quietly", async () => {
    const store = createFsBlobStore(dirs().root);
    const data = randomBytes(50_000);
    await store.put("images/gone.png", bodyOf(data), PNG);
    await store.delete("images/gone.png");
    assert.equal(await store.head("images/gone.png"), null, "after delete, head returns null");
    assert.equal(await store.get("images/gone.png"), null, "after delete, get returns null");
    await store.delete("images/gone.png"); // must not throw
    await store.delete("never/there");
    const left = Object.values(await snapshot(dirs().root));
    assert.ok(!left.includes(sha256(data)), "delete must remove the bytes from disk, not only the metadata");
  });

  test("list returns the keys under a prefix with their size and time", async () => {
    const clock = fakeClock();
    const store = createFsBlobStore(dirs().root, { now: clock.now });
    await store.put("images/1", bodyOf(Buffer.alloc(10)), PNG);
    clock.advance(5 * MINUTE);
    await store.put("images/deeper/2", bodyOf(Buffer.alloc(20)), PNG);
    await store.put("avatars/3", bodyOf(Buffer.alloc(30)), PNG);
    const listed = (await store.list("images/")).sort((a, b) => a.key.localeCompare(b.key));
    assert.deepEqual(
      listed,
      [
        { key: "images/1", size: 10, lastModified: clock.now() - 5 * MINUTE },
        { key: "images/deeper/2", size: 20, lastModified: clock.now() },
      ],
      "list('images/') should return both images (nested ones too) and not avatars/3",
    );
    assert.equal((await store.list("")).length, 3, "list('') should return every object");
  });

  test("keys may contain spaces, dots inside a name and any Unicode", async () => {
    const store = createFsBlobStore(dirs().root);
    for (const key of ["with space.png", "archive/v1..v2.tar", "ünï/ключ/猫.png"]) {
      await store.put(key, bodyOf(Buffer.from(key)), PNG);
      const stream = await store.get(key);
      assert.ok(stream, `the key ${JSON.stringify(key)} is valid and should be stored`);
      assert.equal((await readAll(stream)).toString(), key, `the bytes under ${JSON.stringify(key)} should come back`);
    }
  });
});

describe("createFsBlobStore: keys that must be refused", () => {
  const dirs = useTempDirs();

  const badKeys = (outer: string) => [
    "",
    "../../etc/passwd",
    "../escape.txt",
    "a/../../b",
    "x/../../../escape.txt",
    "a/../b",
    "..",
    "./a",
    "a//b",
    "trailing/",
    "a\0b",
    "..\\..\\windows.txt",
    join(outer, "outside", "owned.txt"), // an absolute path that would be writable
  ];

  test("put refuses bad keys with InvalidKeyError and writes nothing anywhere", async () => {
    const { outer, root } = dirs();
    const store = createFsBlobStore(root);
    for (const key of badKeys(outer)) {
      const shown = JSON.stringify(key);
      const before = await snapshot(outer);
      let outcome: unknown = "resolved";
      try {
        await store.put(key, bodyOf(Buffer.from("owned")), PNG);
      } catch (err) {
        outcome = err;
      }
      const after = await snapshot(outer);
      // Paths in the message are relative to the folder holding deep/er/store.
      assert.deepEqual(after, before, `put(${shown}) must not write any file, inside the store or out (${describeChanges(before, after)})`);
      assert.ok(
        outcome instanceof InvalidKeyError,
        `put(${shown}) should reject with InvalidKeyError, ${outcome === "resolved" ? "but it resolved" : `got ${describeError(outcome)}`}`,
      );
    }
  });

  test("get, head and delete refuse the same keys with InvalidKeyError", async () => {
    const { outer, root } = dirs();
    const store = createFsBlobStore(root);
    for (const key of badKeys(outer)) {
      for (const [name, call] of [
        ["get", () => store.get(key)],
        ["head", () => store.head(key)],
        ["delete", () => store.delete(key)],
      ] as const) {
        await assert.rejects(call(), InvalidKeyError, `${name}(${JSON.stringify(key)}) should reject with InvalidKeyError`);
      }
    }
  });

  test("delete with a key that climbs out of the store leaves the file there alone", async () => {
    const { outer, root } = dirs();
    const store = createFsBlobStore(root);
    const victims = [join(outer, "deep", "er", "victim.txt"), join(outer, "deep", "victim.txt")];
    for (const file of victims) await writeFile(file, "precious");
    for (const key of ["../victim.txt", "../../victim.txt", "x/../../victim.txt", "x/../../../victim.txt"]) {
      await assert.rejects(store.delete(key), InvalidKeyError, `delete(${JSON.stringify(key)}) should reject with InvalidKeyError`);
    }
    for (const file of victims) {
      assert.equal(await readFile(file, "utf8"), "precious", `${file} is outside the store and must survive`);
    }
  });
});

describe("createFsBlobStore: a put is all or nothing", () => {
  const dirs = useTempDirs();

  test("a body that fails half-way: put rejects with its error and leaves no object and no file behind", async () => {
    const { root } = dirs();
    const store = createFsBlobStore(root);
    await store.put("images/other.png", bodyOf(Buffer.from("someone else's")), PNG);
    const before = await snapshot(root);
    const boom = new Error("client went away");
    await assert.rejects(
      store.put("images/half.png", failingSource(200_000, boom), PNG),
      (err) => err === boom,
      "put should reject with the body's own error",
    );
    assert.equal(await store.head("images/half.png"), null, "head must not find a half-written object");
    assert.equal(await store.get("images/half.png"), null, "get must not return a half-written object");
    assert.deepEqual(
      (await store.list("images/")).map((b) => b.key),
      ["images/other.png"],
      "list must not show the failed upload (or its temp file)",
    );
    const after = await snapshot(root);
    assert.deepEqual(
      after,
      before,
      `the failed put must leave the store's files as they were: no partial or temp file (${describeChanges(before, after)})`,
    );
  });

  test("while a put is still streaming, the object is not visible yet", async () => {
    const store = createFsBlobStore(dirs().root);
    const source = stallingSource(256 * 1024);
    const putting = store.put("images/slow.png", source.stream, PNG);
    await source.stalled;
    await settle(); // let the bytes reach the disk
    assert.equal(await store.head("images/slow.png"), null, "head must not see an object whose body has not finished");
    assert.equal(await store.get("images/slow.png"), null, "get must not return an object whose body has not finished");
    assert.deepEqual(await store.list(""), [], "list must not show an upload in progress");
    source.fail(new Error("cancelled"));
    await assert.rejects(putting, /cancelled/, "put should reject with the body's error");
  });

  test("a failed overwrite keeps the previous object whole", async () => {
    const store = createFsBlobStore(dirs().root);
    const v1 = randomBytes(50_000);
    await store.put("images/avatar.png", bodyOf(v1), PNG);
    await assert.rejects(
      store.put("images/avatar.png", failingSource(120_000, new Error("network")), { contentType: "image/jpeg" }),
      /network/,
    );
    const stream = await store.get("images/avatar.png");
    assert.ok(stream, "the old object must still be there after a failed overwrite");
    assert.deepEqual(await readAll(stream), v1, "the old bytes must be intact: write the new ones elsewhere, then rename over");
    const meta = await store.head("images/avatar.png");
    assert.deepEqual(
      meta && { size: meta.size, sha256: meta.sha256, contentType: meta.contentType },
      { size: v1.length, sha256: sha256(v1), contentType: "image/png" },
      "head must still describe the old object",
    );
  });

  test("two puts racing for one key both succeed and leave one whole body, never a mix", async () => {
    const { root } = dirs();
    const store = createFsBlobStore(root);
    const a = Buffer.alloc(1024 * 1024, 0x41);
    const b = Buffer.alloc(1024 * 1024, 0x42);
    const results = await Promise.allSettled([store.put("race", bodyOf(a), PNG), store.put("race", bodyOf(b), PNG)]);
    for (const r of results) {
      assert.equal(
        r.status,
        "fulfilled",
        `both puts should succeed (last one wins), got ${r.status === "rejected" ? describeError(r.reason) : ""}`,
      );
    }
    const stream = await store.get("race");
    assert.ok(stream, "the key should hold an object");
    const stored = await readAll(stream);
    assert.ok(
      stored.equals(a) || stored.equals(b),
      "the stored bytes must be exactly one of the two bodies: give every put its own temp file",
    );
    const meta = await store.head("race");
    assert.ok(meta && [sha256(a), sha256(b)].includes(meta.sha256), "head's sha256 must be one of the two bodies'");
  });
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDefaultHighWaterMark, Readable } from "node:stream";
import { after, describe, test } from "node:test";
import { TooLargeError } from "./src/errors.ts";
import { copyWithLimit } from "./src/streams.ts";
import { collector, countingSource, fixedSource, slowSink } from "./stream-helpers.ts";

describe("copyWithLimit(src, dst, maxBytes)", () => {
  test("copies every byte, resolves with the count, and finishes the destination", async () => {
    const out = collector();
    const copied = await copyWithLimit(fixedSource(5, 100), out.sink, 10_000);
    assert.equal(copied, 500, "5 chunks of 100 bytes were copied, so expected 500");
    assert.equal(out.all().length, 500, "the destination should have received all 500 bytes");
    assert.ok(out.sink.writableFinished, "the destination should be ended and finished when the promise resolves");
  });

  test("a body of exactly maxBytes is allowed", async () => {
    const out = collector();
    const copied = await copyWithLimit(fixedSource(4, 100), out.sink, 400);
    assert.equal(copied, 400, "400 bytes against a limit of 400 must succeed: the limit is inclusive");
  });

  test("a body over maxBytes rejects with TooLargeError and nothing past maxBytes reaches the destination", async () => {
    const out = collector();
    await assert.rejects(
      copyWithLimit(fixedSource(10, 100), out.sink, 450),
      (err: unknown) => err instanceof TooLargeError && err.limit === 450,
      "1,000 bytes against a limit of 450 should reject with TooLargeError(450)",
    );
    assert.ok(out.all().length <= 450, `the destination got ${out.all().length} bytes; at most 450 may ever be written`);
  });

  test("going over the limit destroys both streams, so no file or socket is left open", async () => {
    const src = fixedSource(10, 100);
    const dst = collector().sink;
    await assert.rejects(copyWithLimit(src, dst, 250), TooLargeError);
    assert.ok(src.destroyed, "the source must be destroyed: nobody will read the rest of it");
    assert.ok(dst.destroyed, "the destination must be destroyed: it holds a partial body");
  });

  test("a failing source rejects with the source's error and destroys the destination", async () => {
    const boom = new Error("disk read failed");
    let reads = 0;
    const src = new Readable({
      read() {
        if (reads++ === 0) this.push(Buffer.alloc(64));
        else this.destroy(boom);
      },
    });
    const dst = collector().sink;
    await assert.rejects(copyWithLimit(src, dst, 10_000), (err) => err === boom, "expected the source's own error");
    assert.ok(dst.destroyed, "the destination must be destroyed when the copy fails half-way");
  });

  test("a slow destination pauses the source: bytes waiting in between stay bounded", async () => {
    // 512 KiB in 1 KiB chunks; source and destination buffer ~4 KiB each. A stage the learner
    // puts in between (a Transform, say) brings two buffers of its own at Node's default
    // highWaterMark: 16 KiB each on Node 20, 64 KiB on Node 22. Respecting write()'s `false`
    // keeps the gap within those buffers; ignoring it queues nearly the whole 512 KiB.
    const total = 512 * 1024;
    const { source, produced } = countingSource(total, 1024, 4096);
    const slow = slowSink(4096, produced);
    const copied = await copyWithLimit(source, slow.sink, total);
    assert.equal(copied, total, "everything should still arrive");
    assert.equal(slow.stored(), total, "the destination should have stored every byte");
    const bound = 16 * 1024 + 2 * getDefaultHighWaterMark(false);
    assert.ok(
      slow.peakGap() <= bound,
      `up to ${slow.peakGap()} bytes were produced but not yet stored; with backpressure it stays ` +
        `within ${bound / 1024} KiB, a few buffers' worth. Wait for 'drain' when write() returns false ` +
        "(or let pipeline() do it).",
    );
  });

  describe("with real files", () => {
    let dir = "";
    after(() => rm(dir, { recursive: true, force: true }));

    test("copies a 200 KiB file byte for byte", async () => {
      dir = await mkdtemp(join(tmpdir(), "dojo-streams-"));
      const body = randomBytes(200 * 1024);
      await writeFile(join(dir, "in.bin"), body);
      const copied = await copyWithLimit(createReadStream(join(dir, "in.bin")), createWriteStream(join(dir, "out.bin")), 1024 * 1024);
      assert.equal(copied, body.length, "resolves with the file size");
      assert.deepEqual(await readFile(join(dir, "out.bin")), body, "the copy must equal the original");
    });

    test("an oversized file is refused, its read stream closed, and at most maxBytes written", async () => {
      dir ||= await mkdtemp(join(tmpdir(), "dojo-streams-"));
      await writeFile(join(dir, "big.bin"), randomBytes(300 * 1024));
      const src = createReadStream(join(dir, "big.bin"), { highWaterMark: 16 * 1024 });
      const dst = createWriteStream(join(dir, "partial.bin"));
      const closed = new Promise<void>((resolve) => src.once("close", () => resolve()));
      await assert.rejects(copyWithLimit(src, dst, 100 * 1024), TooLargeError);
      assert.ok(src.destroyed, "the read stream must be destroyed, or its file descriptor stays open");
      assert.ok(dst.destroyed, "the write stream must be destroyed too");
      await closed; // a destroyed fs stream closes its file descriptor, then emits 'close'
      await new Promise<void>((resolve) => (dst.closed ? resolve() : dst.once("close", () => resolve())));
      const written = (await stat(join(dir, "partial.bin"))).size;
      assert.ok(written <= 100 * 1024, `${written} bytes landed in the partial file; at most 102400 may`);
    });
  });
});
